import CareSimulation
import ScenarioModel

/// The replications of a run, ready to summarise: any figure a replication yields becomes a
/// ``Summary`` over replications.
package struct Projection: Sendable {
    package let model: CareModel
    /// Every replication's tally, in replication order (in memory, or in a mapped file when large).
    package let tallies: TallyStore

    package init(model: CareModel, tallies: TallyStore) {
        precondition(tallies.layout == TallyStore.Layout(model), "the tallies are not of this model")
        self.model = model
        self.tallies = tallies
    }

    /// The projection of `tallies`, kept in memory.
    package init(model: CareModel, tallies: [Tally]) {
        let store = TallyStore(inMemory: TallyStore.Layout(model), count: tallies.count)
        for (index, tally) in tallies.enumerated() { store.store(tally, at: index) }
        self.init(model: model, tallies: store)
    }

    /// The summary over replications of `figure`, taken in replication order.
    /// - Complexity: O(*n* log *n*) for *n* replications.
    package func summary(_ figure: (TallyView) -> Double) -> Summary {
        var values = tallies.map(figure)
        return Summary.of(&values)
    }

    /// Summaries of many figures at once: `fill` writes each figure for one replication's tally
    /// (``Summary/of(count:replications:_:)``).
    package func summaries(count: Int, _ fill: (TallyView, inout [Double]) -> Void) -> [Summary] {
        Summary.of(count: count, replications: tallies.count) { fill(tallies[$0], &$1) }
    }

    // MARK: Figures of one replication

    /// People in `provider` (or all, when `nil`) and `band` (or all) at month end `month`.
    package func stock(_ t: TallyView, month: Int, provider: Int?, band: Int?) -> Double {
        var total: Int32 = 0
        for p in Self.range(provider, all: t.providers) {
            for b in Self.range(band, all: t.bands) { total += t.stock(month: month, provider: p, band: b) }
        }
        return Double(total)
    }

    /// Children in care (age bands under 18 only) at month end `month`.
    package func childrenInCare(_ t: TallyView, month: Int) -> Double {
        var total: Int32 = 0
        for p in 0..<t.providers {
            for b in 0..<model.childBands { total += t.stock(month: month, provider: p, band: b) }
        }
        return Double(total)
    }

    /// Pounds spent on `provider` (or all) in financial year `year`.
    package func cost(_ t: TallyView, year: Int, provider: Int?) -> Double {
        var total = 0.0
        for p in Self.range(provider, all: t.providers) {
            total += t.occupiedDays[year * t.providers + p] * model.costPerDay[year][p]
        }
        return total
    }

    /// Count of `flow` in financial year `year` and `band` (or all).
    package func flow(_ t: TallyView, _ flow: Int, year: Int, band: Int?) -> Double {
        var total: Int32 = 0
        for b in Self.range(band, all: t.bands) { total += t.flow(flow, year: year, band: b) }
        return Double(total)
    }

    /// One index, or all of `0..<count` when `nil`, as a range (no array: this runs once per cell
    /// per replication while tables are built).
    @inline(__always)
    package static func range(_ index: Int?, all count: Int) -> Range<Int> {
        index.map { $0..<($0 + 1) } ?? 0..<count
    }

    // MARK: Structure

    /// The bands a provider can hold: children's, care leavers' or the family band.
    package func bands(of provider: Int) -> [Int] {
        switch model.typeServes[model.providerType[provider]] {
        case .children, .emergency: return Array(0..<model.childBands)
        case .careLeavers: return Array(model.childBands..<model.familyBand)
        case .families: return [model.familyBand]
        }
    }

    /// The month end that stands for a financial year: its 31 March, or its last month end simulated.
    package func closingMonth(ofYear year: Int) -> Int? {
        let fy = model.years[year]
        return model.monthEnds.lastIndex { $0 >= fy.firstDay && $0 <= fy.lastDay }
    }

    /// The budget for a year and provider (or total), if the scenario sets one.
    package func budget(year: Int, provider: Int?) -> Double? {
        let fy = model.years[year]
        let lines = model.scenario.budgets.filter { $0.year == fy && $0.provider == provider }
        if !lines.isEmpty { return lines.reduce(0) { $0 + $1.pounds } }
        // A total not given directly is the sum of the lines given for that year.
        if provider == nil {
            let all = model.scenario.budgets.filter { $0.year == fy }
            if !all.isEmpty { return all.reduce(0) { $0 + $1.pounds } }
        }
        return nil
    }
}
