import YAMLReader

/// Emergency beds (`emergency_beds:` and a placement type serving `emergency`) and sibling groups
/// (`entries.sibling_groups:` and providers' `siblings:`).
extension ScenarioReader {
    static let emergencyKeys = ["entries", "moves", "stay"]
    /// The engine keeps the placement type a child in an emergency bed goes to in 6 bits.
    static let maxTypesWithEmergencyBeds = 62

    /// `emergency_beds: {entries: 15%, moves: 10%, stay: {distribution: lognormal, mean: 4 days, shape: 0.8}}`.
    static func emergencyBeds(_ node: Node, _ context: Context, _ c: Checker) -> EmergencyBeds? {
        guard let f = c.fields(node, "'emergency_beds'", allowed: emergencyKeys) else { return nil }
        let types = context.types.indices.filter { context.types[$0].serves == .emergency }
        guard let type = types.first else {
            // A type whose 'serves' was misspelt (already reported) may have been meant.
            if c.hasBroken(kind: "placement type serving") { return nil }
            c.error("no placement type serves 'emergency'; add the emergency beds as a placement type with 'serves: emergency', its last provider being where children go when the beds are full",
                    at: node.mark)
            return nil
        }
        if context.types.count > maxTypesWithEmergencyBeds {
            c.error("a scenario with emergency beds can have at most \(maxTypesWithEmergencyBeds) placement types, found \(context.types.count)",
                    at: node.mark)
            return nil
        }
        guard let stayNode = f["stay"] else {
            c.missing("stay", in: f, "'emergency_beds' needs 'stay': how long a child stays in an emergency bed, such as '{distribution: lognormal, mean: 4 days, shape: 0.8}'",
                      at: node.mark)
            return nil
        }
        let entries = f["entries"].flatMap { c.share($0, "entries") }
        let moves = f["moves"].flatMap { c.share($0, "moves") }
        if f["entries"] == nil, f["moves"] == nil, c.misspelt("entries", in: f) == nil, c.misspelt("moves", in: f) == nil {
            c.error("'emergency_beds' needs 'entries' or 'moves': the share of entries, or of placement moves, that need an emergency bed first",
                    at: node.mark)
        }
        guard let stay = distribution(stayNode, "stay", c),
              f["entries"] == nil || entries != nil, f["moves"] == nil || moves != nil
        else { return nil }
        return EmergencyBeds(placementType: type, entryShare: entries ?? 0, moveShare: moves ?? 0, stay: stay)
    }

    /// What a placement type holding emergency beds cannot have: moves (the stay decides when the
    /// child moves on), step-downs, or a single provider (the last is where children go when the
    /// beds are full); and there is only one such type (`earlier` names one already read).
    static func checkEmergencyType(
        _ name: String, _ f: Fields, providers: [Provider], stepDown: Bool, earlier: String?, _ c: Checker
    ) {
        if let earlier {
            c.error("only one placement type can serve 'emergency' ('\(earlier)' already does)", at: f["serves"]?.mark ?? f.node.mark)
        }
        if let moves = f["moves"] {
            c.error("'\(name)' holds emergency beds: children leave them when their 'stay' in 'emergency_beds' ends, so it has no 'moves'",
                    at: moves.mark)
        }
        if stepDown, let node = f["step_down"] {
            c.error("'\(name)' holds emergency beds, where nobody steps down; remove 'step_down'", at: node.mark)
        }
        if providers.count == 1 {
            c.error("'\(name)' holds emergency beds and needs at least two providers: the beds, then where children go when they are full (out of area, or an unregistered placement)",
                    at: f["providers"]!.mark)
        }
    }

    /// A provider's `siblings: {households: 12, places: 3}`.
    static func siblingHouseholds(_ node: Node, _ c: Checker) -> SiblingHouseholds? {
        guard let f = c.fields(node, "'siblings'", allowed: ["households", "places"]) else { return nil }
        guard let householdsNode = f["households"] else {
            c.missing("households", in: f, "'siblings' needs 'households': how many households are approved for sibling groups",
                      at: node.mark)
            return nil
        }
        let households = c.whole(householdsNode, "households", in: 0...1_000_000)
        let places = f["places"].map { c.whole($0, "places", in: 2...SiblingGroupLimits.largest) } ?? 2
        guard let households, let places else { return nil }
        return SiblingHouseholds(households: households, places: places)
    }

    /// `sibling_groups: {all: {1: 70%, 2: 20%, 3: 10%}, under 1: {1: 100%}}`: shares of groups by
    /// size, by the age band of the eldest; bands not listed (and with no `all`) enter alone.
    static func siblingGroups(_ node: Node, bands: [AgeBand], _ c: Checker) -> [GroupSizes] {
        let alone = GroupSizes(shares: [1])
        return byBand(node, "sibling_groups", bands: bands, missing: alone, c) { value, key in
            groupSizes(value, key, c)
        } ?? []
    }

    private static func groupSizes(_ node: Node, _ key: String, _ c: Checker) -> GroupSizes? {
        guard let fields = c.fields(node, "'\(key)'", allowed: nil) else { return nil }
        var shares: [Double] = []
        var ok = true
        for pair in fields.pairs {
            guard let size = Int(pair.key), (1...SiblingGroupLimits.largest).contains(size) else {
                c.error("expected a group size from 1 to \(SiblingGroupLimits.largest) children in '\(key)', found '\(pair.key)'",
                        at: pair.keyMark)
                ok = false
                continue
            }
            guard let share = c.share(pair.value, pair.key) else { ok = false; continue }
            if shares.count < size { shares += Array(repeating: 0, count: size - shares.count) }
            shares[size - 1] = share
        }
        guard ok else { return nil }
        let total = shares.reduce(0, +)
        guard abs(total - 1) < 1e-6 else {
            c.error(sharesMessage(key, total), at: node.mark)
            return nil
        }
        return GroupSizes(shares: shares.map { $0 / total })
    }
}

/// The largest sibling group the format takes, and the most places a sibling household may offer.
public enum SiblingGroupLimits {
    public static let largest = 8
}
