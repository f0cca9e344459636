import ScenarioModel

/// How many children start in each cell of the scenario's population in a replication: the
/// scenario's counts, or, when its spread was estimated (``Scenario/populationObserved``), the same
/// number of children spread afresh for each replication over the entries' own stream's children's
/// cells: shares from Dirichlet(observed × share), then each child to a cell by those shares (a
/// Dirichlet-multinomial). On average each cell holds what the scenario says; its variance is
/// n·p(1 − p)·(n + observed)/(1 + observed) for n children and share p.
struct StartingPopulation: Sendable {
    /// Children in each cell of `Scenario.population` this replication.
    private(set) var count: [Int]
    /// The cells drawn afresh (empty when the population is taken as counted), their scenario
    /// shares, and room for each replication's running sum.
    private let drawn: [Int]
    private let given: [Double]
    private var cumulative: [Double]
    private let children: Int
    private let observed: Double
    /// The placement type of each drawn cell, and each type's share of the drawn children as given.
    private let cellType: [Int]
    private let givenTypeShare: [Double]
    /// Each placement type's drawn share of the children over its share as given, this replication
    /// (1 for types with no drawn children).
    private(set) var typeRatio: [Double]

    init(_ model: CareModel) {
        let s = model.scenario
        let serves = { (provider: Int) in model.typeServes[model.providerType[provider]] }
        count = s.population.map(\.count)
        observed = s.populationObserved ?? 0
        let cells = observed > 0
            ? s.population.indices.filter { s.population[$0].stream == 0 && serves(s.population[$0].provider) == .children }
            : []
        let children = cells.reduce(0) { $0 + s.population[$1].count }
        let drawn = children > 0 && cells.count > 1 ? cells : []
        given = drawn.map { Double(s.population[$0].count) / Double(children) }
        cumulative = Array(repeating: 0, count: drawn.count)
        (self.children, self.drawn) = (children, drawn)
        cellType = drawn.map { model.providerType[s.population[$0].provider] }
        var typeShare = [Double](repeating: 0, count: model.typeNames.count)
        for k in drawn.indices { typeShare[cellType[k]] += given[k] }
        givenTypeShare = typeShare
        typeRatio = Array(repeating: 1, count: model.typeNames.count)
    }

    var isEstimated: Bool { !drawn.isEmpty }

    /// Spreads the children over the drawn cells for a replication. Writes in place.
    mutating func redraw(_ rng: inout SplitMix64) {
        guard isEstimated else { return }
        var total = 0.0
        for k in drawn.indices {
            total += rng.gamma(shape: observed * given[k])
            cumulative[k] = total
        }
        // Every draw underflowing to 0 (all shapes tiny) keeps the scenario's shares.
        if !(total > 0) {
            total = 0
            for k in drawn.indices { total += given[k]; cumulative[k] = total }
        }
        for t in typeRatio.indices { typeRatio[t] = 0 }
        var previous = 0.0
        for k in drawn.indices { typeRatio[cellType[k]] += cumulative[k] - previous; previous = cumulative[k] }
        for t in typeRatio.indices { typeRatio[t] = givenTypeShare[t] > 0 ? typeRatio[t] / total / givenTypeShare[t] : 1 }
        for k in drawn.indices { count[drawn[k]] = 0 }
        cumulative.withUnsafeBufferPointer { sums in
            for _ in 0..<children { count[drawn[rng.pick(cumulative: sums)]] += 1 }
        }
    }
}
