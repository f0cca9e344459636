import Foundation

/// What a scenario's 90% intervals carry, in words for a report: chance always, and each kind of
/// uncertainty the scenario states (estimated rates, estimated mixes, an estimated starting
/// spread, year-to-year drift).
extension Scenario {
    public var intervalIncludes: [String] {
        var parts = ["chance: which children come into care, when they move and when they leave"]
        if allRates.contains(where: { $0.evidence != nil }) {
            parts.append("the uncertainty of rates estimated from counts of events")
        }
        if allMixes.contains(where: { $0.observed != nil }) {
            parts.append("the uncertainty of placement mixes estimated from counts of children or moves")
        }
        if populationObserved != nil {
            parts.append("how the children in care at the start spread over placements and ages (estimated, not counted)")
        }
        let drift = [("entries", variability.entries), ("exits", variability.exits), ("placement moves", variability.moves),
                     ("each placement type's share of placements", variability.placements)]
            .filter { $0.1 > 0 }.map { "\($0.0) \(Self.percent($0.1))" }
        if !drift.isEmpty {
            let list = drift.count == 1 ? drift[0] : drift.dropLast().joined(separator: ", ") + " and " + drift.last!
            let rates = [variability.entries, variability.exits, variability.moves].contains { $0 > 0 }
            let what = variability.placements > 0 ? (rates ? "the rates and in the placement mix" : "the placement mix") : "the rates"
            parts.append("year-to-year drift in \(what), as a random walk (a yearly step of \(list))")
        }
        return parts
    }

    /// What no interval carries.
    public static let intervalExcludes = "a change of policy or practice the scenario does not describe, a shock unlike the history it was estimated from, and errors in the figures it was built from"

    private static func percent(_ sd: Double) -> String {
        let tenths = (sd * 1000).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : String(format: "%.1f%%", tenths)
    }

    private var allRates: [Rate] {
        entries.perYear + entries.streams.flatMap { $0.perYear + ($0.exitRates ?? []).flatMap { $0 } }
            + exits.rates.flatMap { $0 } + exits.byPlacement.compactMap { $0 }.flatMap { $0 }
            + placementTypes.map(\.moveRate) + (parentAndChild.map { [$0.perYear] } ?? [])
    }

    private var allMixes: [Mix] {
        entries.firstPlacement + entries.streams.flatMap { $0.firstPlacement + ($0.pathwayFrom ?? []) }
            + placementTypes.flatMap(\.moveTo) + (careLeavers?.pathwayFrom ?? []) + (parentAndChild.map { [$0.placement] } ?? [])
    }
}
