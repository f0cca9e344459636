import Foundation
import ScenarioModel

/// The rates one replication runs with, per day: exact rates as given, estimated rates drawn
/// from their posterior (Gamma(events + ½, 1/exposure), the Jeffreys posterior for a Poisson rate).
struct Parameters: Sendable {
    /// Entries per day by entry lane (`stream * bands + band`: the entries' own stream's bands,
    /// then each other stream's), before trend and step changes.
    var entryRate: [Double]
    /// The entry rates' factor in each financial year reported (all 1 without variability).
    var entryYearFactor: [Double]
    /// When each span of constant exit rates begins: time 0, then each 1 April and each dated
    /// change in exit rates inside the horizon when exit rates vary; just time 0 when they do not.
    var exitSpanStart: [Double]
    /// `exitRate[((table * spans + span) * bands + band) * reasons + reason]`, per day: table 0 is
    /// the scenario's exit rates, then one for each stream with rates of its own (``exitTable``).
    var exitRate: [Double]
    /// Cumulative exit rates within each span and band, for choosing a reason (same layout).
    var exitCumulative: [Double]
    /// Total exit rate per table, span and child band (`exitTotal[(table * spans + span) * bands + band]`), per day.
    var exitTotal: [Double]
    /// The exit table of each stream (0: the scenario's).
    var exitTable: [Int]
    /// Moves per day by placement type.
    var moveRate: [Double]
    /// The move rates' factor in each financial year (empty without move variability).
    var moveYearFactor: [Double]
    /// Each placement type's weight in every placement drawn for a child (first placements, moves,
    /// parent-and-child placements) in each financial year, `placementYearFactor[year * types + type]`:
    /// one random walk per type (empty without placement variability).
    var placementYearFactor: [Double]
    /// The variance v of the walks' log factor in each year: a type of share p has its weight taken
    /// down by e^(−v(1 − p)), which keeps each type's mean share as given (without it, normalising
    /// the walked weights would lift small shares' means by about v(1 − p): 4% at v = 0.1).
    var placementYearVariance: [Double]
    /// Whether a placement type has exit rates of its own (``Exits/byPlacement``).
    var hasOwnExits: [Bool]
    /// Those rates per span, as for the bands: `placementExitCumulative[(span * types + type) * reasons + reason]`
    /// (cumulative over reasons) and their total `placementExitTotal[span * types + type]`, per day.
    var placementExitCumulative: [Double]
    var placementExitTotal: [Double]
    /// Parent-and-child arrivals per day.
    var familyRate: Double

    init(_ model: CareModel, replicationSeed: UInt64) {
        let scenario = model.scenario
        var rng = SplitMix64(seed: SplitMix64.derive(replicationSeed, Stream.parameters))
        func draw(_ rate: Rate) -> Double {
            guard let evidence = rate.evidence else { return rate.perYear / 365.2425 }
            return rng.gamma(shape: evidence.events + 0.5) / evidence.years / 365.2425
        }
        entryRate = scenario.entries.perYear.map(draw)
        let reasons = scenario.exits.reasons.count
        let bands = scenario.firstLeaverBand
        var base = Array(repeating: 0.0, count: bands * max(reasons, 1))
        for r in 0..<reasons {
            for b in 0..<bands { base[b * reasons + r] = draw(scenario.exits.rates[r][b]) }
        }
        moveRate = scenario.placementTypes.map { draw($0.moveRate) }
        familyRate = scenario.parentAndChild.map { draw($0.perYear) } ?? 0
        // Drawn after every other rate, so that a scenario without them draws as before.
        let types = scenario.placementTypes.count
        let byPlacement = scenario.exits.byPlacement.count == types ? scenario.exits.byPlacement : Array(repeating: nil, count: types)
        hasOwnExits = byPlacement.map { $0 != nil }
        let placementBase: [[Double]] = byPlacement.map { $0?.map(draw) ?? [] }
        // Then the other streams' entry rates, and the exit rates of those with their own.
        let streams = scenario.entries.streams
        for stream in streams { entryRate += stream.perYear.map(draw) }
        var bases = [base]
        exitTable = [0]
        for stream in streams {
            guard let rates = stream.exitRates else { exitTable.append(0); continue }
            var own = Array(repeating: 0.0, count: bands * max(reasons, 1))
            for r in 0..<reasons {
                for b in 0..<bands { own[b * reasons + r] = draw(rates[r][b]) }
            }
            exitTable.append(bases.count)
            bases.append(own)
        }

        // The random walks come from a stream of their own, so switching variability on or off
        // leaves every other draw as it was.
        let variability = scenario.variability
        var walk = SplitMix64(seed: SplitMix64.derive(replicationSeed, Stream.variability))
        // Each step is normal with mean −s²/2 for its variance s², so that the expected factor stays 1:
        // a rate's mean in every year is the rate given (its median drifts slowly down instead).
        let firstStep = variability.firstStepVariance
        func randomWalk(_ sd: Double) -> [Double] {
            var level = 0.0
            return model.years.indices.map { k in
                guard sd > 0 else { return 1 }
                let variance = sd * sd * (k == 0 ? firstStep : 1)
                level += variance.squareRoot() * walk.normal() - variance / 2
                return exp(level)
            }
        }
        entryYearFactor = randomWalk(variability.entries)
        let exitYearFactor = randomWalk(variability.exits)
        moveYearFactor = variability.moves > 0 ? randomWalk(variability.moves) : []
        // One walk per placement type, drawn after the others so that they stay as they were.
        let typeWalks = variability.placements > 0 ? (0..<types).map { _ in randomWalk(variability.placements) } : []
        placementYearFactor = typeWalks.isEmpty ? [] : model.years.indices.flatMap { k in typeWalks.map { $0[k] } }
        let stepVariance = variability.placements * variability.placements
        placementYearVariance = typeWalks.isEmpty ? [] : model.years.indices.map { stepVariance * (firstStep + Double($0)) }

        let exits = scenario.exits
        let varies = variability.exits > 0 || exits.trend != 0 || !exits.changes.isEmpty
        let changeTimes = exits.changes.map { Double($0.from.number - scenario.start.number) }
        var starts: [Double] = [0]
        if varies {
            starts = Array(Set(([0] + model.yearStarts + changeTimes).filter { $0 >= 0 && $0 < model.horizon })).sorted()
        }
        exitSpanStart = starts
        // `factor` times the dated changes in force at `t` for reason `r` (and band `b`; `nil` for
        // exits by placement, which take only the changes made for every band), in the changes' order.
        func changes(_ factor: Double, at t: Double, reason r: Int, band b: Int?) -> Double {
            var factor = factor
            for (change, time) in zip(exits.changes, changeTimes) where time <= t
                && (b.map { change.bands.isEmpty || change.bands.contains($0) } ?? change.bands.isEmpty)
                && (change.reasons.isEmpty || change.reasons.contains(r)) {
                factor *= change.factor
            }
            return factor
        }
        let width = max(reasons, 1)
        exitRate = Array(repeating: 0, count: bases.count * starts.count * bands * width)
        for (table, base) in bases.enumerated() {
            for (span, t) in starts.enumerated() {
                let year = model.yearIndex(t)
                let yearFactor = varies ? exitYearFactor[year] * pow(1 + exits.trend, Double(year)) : 1
                for b in 0..<bands {
                    for r in 0..<reasons {
                        exitRate[((table * starts.count + span) * bands + b) * width + r] =
                            base[b * reasons + r] * changes(yearFactor, at: t, reason: r, band: b)
                    }
                }
            }
        }
        placementExitCumulative = Array(repeating: 0, count: starts.count * types * width)
        placementExitTotal = Array(repeating: 0, count: starts.count * types)
        for (span, t) in starts.enumerated() {
            let year = model.yearIndex(t)
            // The same year-to-year walk, but keeping the mean stay (1/rate) rather than the mean rate:
            // moves into such a type do not walk with it, and a stock is inflow ÷ rate, convex in the
            // rate, so a walk keeping the mean rate would pile children up in it. With the walk's
            // cumulative variance V, E[1/(factor·e^V)] = 1.
            let variance = variability.exits * variability.exits * (firstStep + Double(year))
            let yearFactor = varies ? pow(1 + exits.trend, Double(year)) * exitYearFactor[year] * exp(variance) : 1
            for type in 0..<types where hasOwnExits[type] {
                var sum = 0.0
                for r in 0..<reasons {
                    // Changes for some age bands only are the bands' own; those for every band apply here too.
                    sum += placementBase[type][r] * changes(yearFactor, at: t, reason: r, band: nil)
                    placementExitCumulative[(span * types + type) * width + r] = sum
                }
                placementExitTotal[span * types + type] = sum
            }
        }
        exitCumulative = exitRate
        exitTotal = Array(repeating: 0, count: bases.count * starts.count * bands)
        for k in 0..<(bases.count * starts.count * bands) where reasons > 0 {
            var sum = 0.0
            for r in 0..<reasons {
                sum += exitRate[k * reasons + r]
                exitCumulative[k * reasons + r] = sum
            }
            exitTotal[k] = sum
        }
    }

    /// The span of constant exit rates containing time `t`.
    @inline(__always)
    func exitSpan(at t: Double) -> Int {
        var k = 0
        while k + 1 < exitSpanStart.count && exitSpanStart[k + 1] <= t { k += 1 }
        return k
    }
}

/// Fixed stream numbers: each kind of randomness has its own stream, derived from the
/// replication's seed, so a change in one part of a scenario leaves the others' draws unchanged.
enum Stream {
    static let parameters: UInt64 = 1
    static let initialChild: UInt64 = 2
    static let entryCandidates: UInt64 = 3
    static let enteringChild: UInt64 = 4
    static let familyCandidates: UInt64 = 5
    static let family: UInt64 = 6
    static let supply: UInt64 = 7
    static let stepDown: UInt64 = 8
    static let baby: UInt64 = 9
    static let variability: UInt64 = 10
    static let sibling: UInt64 = 11
    static let mixes: UInt64 = 12
    static let population: UInt64 = 13
}

extension Parameters {
    /// Multiplies each year's weight of each placement type in placements by `ratio[type]`: the
    /// replication's drawn share of the starting children in the type over its share as written
    /// (``StartingPopulation/typeRatio``). Where the spread of children over placements was
    /// estimated, the council's use of each type is unknown to the same degree, and one draw holds
    /// for the children on the start date and for where children are placed after it. Without
    /// placement drift the factors are the ratios alone, with no variance.
    mutating func tiltPlacements(by ratio: [Double], years: Int) {
        let types = ratio.count
        if placementYearFactor.isEmpty {
            placementYearFactor = Array(repeating: 1, count: years * types)
            placementYearVariance = Array(repeating: 0, count: years)
        }
        for year in 0..<years {
            for type in 0..<types { placementYearFactor[year * types + type] *= ratio[type] }
        }
    }
}
