import CareSimulation
import ScenarioModel

/// One of the strategy's measures (docs/measures.md): how one replication's figure is worked
/// out at a slot (0 the start, *y* + 1 financial year *y*), and when it has one.
package struct Measure: Sendable {
    package let name: String
    /// Whether it is a count of people on a day (31 March), rather than of the year's events.
    package let onDay: Bool
    /// Whether the model knows it at the start (from the scenario's starting population).
    package let atStart: Bool
    /// The figure of one replication at a slot; `nil` where it has none (no one to take a share of).
    package let value: @Sendable (TallyView, Int) -> Double?

    package init(name: String, onDay: Bool, atStart: Bool, value: @escaping @Sendable (TallyView, Int) -> Double?) {
        (self.name, self.onDay, self.atStart, self.value) = (name, onDay, atStart, value)
    }

    /// A count on the day.
    static func count(_ name: String, _ count: MeasureCount, atStart: Bool) -> Measure {
        Measure(name: name, onDay: true, atStart: atStart) { t, slot in t.measure(count, slot: slot) }
    }

    /// A percentage on the day: `part` of `whole`, none when `whole` is 0.
    static func percent(_ name: String, _ part: MeasureCount, of whole: MeasureCount, atStart: Bool) -> Measure {
        Measure(name: name, onDay: true, atStart: atStart) { t, slot in
            let w = t.measure(whole, slot: slot)
            return w > 0 ? 100 * t.measure(part, slot: slot) / w : nil
        }
    }

    /// The percentage the flows `part` make of the flows `whole` in each financial year, by the
    /// flows' names in flows.csv; no measure when a name is not among the model's flows.
    /// One line adds a measure from flows, e.g. `flowPercent("x (%)", of: ["a"], among: ["a", "b"], model)`.
    package static func flowPercent(_ name: String, of part: [String], among whole: [String], _ model: CareModel) -> [Measure] {
        guard let p = flowIndices(part, model), let w = flowIndices(whole, model) else { return [] }
        return [Measure(name: name, onDay: false, atStart: false) { t, slot in
            guard slot > 0 else { return nil }
            let total = flowSum(t, w, year: slot - 1)
            return total > 0 ? 100 * flowSum(t, p, year: slot - 1) / total : nil
        }]
    }

    /// The count of the flows `part` in each financial year; no measure when a name is not a flow.
    package static func flowCount(_ name: String, of part: [String], _ model: CareModel) -> [Measure] {
        guard let p = flowIndices(part, model) else { return [] }
        return [Measure(name: name, onDay: false, atStart: false) { t, slot in slot > 0 ? flowSum(t, p, year: slot - 1) : nil }]
    }

    private static func flowIndices(_ names: [String], _ model: CareModel) -> [Int]? {
        let indices = names.compactMap { model.flowNames.firstIndex(of: $0) }
        return indices.count == names.count && !indices.isEmpty ? indices : nil
    }

    private static func flowSum(_ t: TallyView, _ flows: [Int], year: Int) -> Double {
        var total: Int32 = 0
        for f in flows { for b in 0..<t.bands { total += t.flow(f, year: year, band: b) } }
        return Double(total)
    }

    /// Every measure `model` can define, in the order of measures.csv; those it cannot (no child
    /// population, no provider's `local` share, no foster carers, no care leavers' suitability,
    /// no adoption) are left out.
    package static func all(_ model: CareModel) -> [Measure] {
        let setup = model.measureSetup
        let scenario = model.scenario
        var list: [Measure] = [.count("children in care", .childrenInCare, atStart: true)]
        if let population = scenario.childPopulation {
            let per = 10_000 / Double(population)
            list.append(Measure(name: "children in care per 10,000 children", onDay: true, atStart: true) { t, slot in
                t.measure(.childrenInCare, slot: slot) * per
            })
        }
        list.append(.percent("3+ placements in the year (%)", .threePlacements, of: .childrenInCare, atStart: false))
        list.append(.percent("same placement 2+ years (%)", .longTermSamePlacement, of: .longTermInCare, atStart: false))
        // Without any provider's 'local' share every child counts as local: 0% would be a figure nobody gave.
        if scenario.providers.contains(where: \.localStated) {
            list.append(.percent("placed out of area (%)", .outOfArea, of: .childrenInCare, atStart: true))
        }
        if setup.fosterProvider.contains(true) {
            list.append(.percent("in-house share of foster placements (%)", .inHouseFoster, of: .inFoster, atStart: true))
        }
        if !setup.carerProviders.isEmpty { list.append(.count("foster households", .fosterHouseholds, atStart: true)) }
        if let adoption = setup.adoptionReason {
            let ceased = model.flow.exitReasons.map { model.flowNames[$0] } + [model.flowNames[model.flow.turned18]]
            list += flowPercent("left care through adoption (%)", of: [model.flowNames[model.flow.exitReasons[adoption]]],
                                among: ceased, model)
            list.append(Measure(name: "days from entering care to adoption", onDay: false, atStart: false) { t, slot in
                let adopted = t.measure(.adopted, slot: slot)
                return slot > 0 && adopted > 0 ? t.measure(.adoptionDays, slot: slot) / adopted : nil
            })
        }
        if scenario.careLeavers != nil && setup.hasSuitability {
            list.append(.percent("care leavers in suitable accommodation (%)", .leaversSuitable, of: .leaversAged19to21, atStart: true))
        }
        // Sibling groups of two or more entering in the year, and emergency placements (flows.csv).
        list += flowPercent("sibling groups placed together (%)", of: ["sibling groups placed together"],
                            among: ["sibling groups placed together", "sibling groups split"], model)
        list += flowCount("emergency placements", of: ["emergency placements"], model)
        if scenario.emergencyBeds != nil, let full = model.flowNames.first(where: { $0.hasPrefix("emergency beds full: ") }) {
            list += flowCount("emergency placements when the beds were full", of: [full], model)
        }
        return list
    }
}

/// `measures.csv`: the strategy's measures per financial year (and at the start), over the replications.
extension Projection {
    /// The label of the start's rows in measures.csv (the scenario's first day).
    package static let startLabel = "start"

    /// The slots a measure has figures for, with their labels: the start (when known), then each
    /// financial year (with a 31 March simulated, for counts on the day).
    package func measureSlots(_ measure: Measure) -> [(slot: Int, label: String)] {
        var slots: [(Int, String)] = measure.atStart ? [(0, Self.startLabel)] : []
        for (year, fy) in model.years.enumerated() where !measure.onDay || model.measureSetup.yearEndMonth[year] != nil {
            slots.append((year + 1, fy.description))
        }
        return slots
    }

    /// The summary over the replications in which `figure` has a value; `nil` when none has.
    package func definedSummary(_ figure: (TallyView) -> Double?) -> Summary? {
        var values = tallies.compactMap(figure)
        return values.isEmpty ? nil : Summary.of(&values)
    }

    /// `measures.csv`: one row per financial year (the start first) and measure.
    package func measuresTable() -> CSVTable {
        var table = CSVTable(header: ["financial_year", "measure"] + Self.summaryHeader)
        let measures = Measure.all(model)
        let labels = [Self.startLabel] + model.years.map(\.description)
        for slot in 0..<labels.count {
            for measure in measures where measureSlots(measure).contains(where: { $0.slot == slot }) {
                guard let s = definedSummary({ measure.value($0, slot) }) else { continue }
                table.rows.append([.text(labels[slot]), .text(measure.name)] + Self.fields(s, decimals: 2))
            }
        }
        return table
    }
}

extension Comparison {
    /// `measures.csv` of paired differences: variant − base, over the replications in which both
    /// have the measure, for the measures both define.
    package func measuresTable() -> CSVTable {
        var table = CSVTable(header: ["financial_year", "measure"] + Projection.summaryHeader)
        let variantMeasures = Measure.all(variant.model)
        let labels = [Projection.startLabel] + base.model.years.map(\.description)
        for slot in 0..<labels.count {
            for measure in Measure.all(base.model) where base.measureSlots(measure).contains(where: { $0.slot == slot }) {
                guard let other = variantMeasures.first(where: { $0.name == measure.name }) else { continue }
                var values: [Double] = []
                for r in 0..<base.tallies.count {
                    if let b = measure.value(base.tallies[r], slot), let v = other.value(variant.tallies[r], slot) { values.append(v - b) }
                }
                guard !values.isEmpty else { continue }
                table.rows.append([.text(labels[slot]), .text(measure.name)] + Projection.fields(Summary.of(&values), decimals: 2))
            }
        }
        return table
    }
}
