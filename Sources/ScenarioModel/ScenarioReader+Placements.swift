import YAMLReader

/// `placements:` — placement types, each with its providers in order of preference and its moves.
extension ScenarioReader {
    static let typeKeys = ["serves", "providers", "moves", "step_down"]
    static let providerKeys = [
        "name", "in_house", "capacity", "capacity_changes", "foster_carers", "weekly_cost", "uplift", "local",
        "siblings",
    ]

    static func placementTypes(_ node: Node, _ context: inout Context, _ c: Checker) -> [PlacementType] {
        guard let fields = c.fields(node, "'placements'", allowed: nil) else { return [] }
        if fields.pairs.isEmpty { c.error("'placements' needs at least one placement type", at: node.mark) }
        // First pass: names and whom each type serves, so that moves can refer to any type.
        var types: [PlacementType] = []
        var seenProviders: [String: Mark] = [:]
        for pair in fields.pairs {
            guard let f = c.fields(pair.value, "placement type '\(pair.key)'", allowed: typeKeys) else { continue }
            var serves = Population.children
            if let servesNode = f["serves"], let text = c.text(servesNode, "serves") {
                let options = [Population.children, .families, .careLeavers, .emergency].map(\.rawValue)
                if let p = Population(rawValue: text) { serves = p } else {
                    c.defined(pair.key, kind: "placement type serving")
                    c.error("unknown value '\(text)' for 'serves'\(Suggestion.choices(text, among: options))",
                            at: servesNode.mark)
                }
            }
            var providers: [Provider] = []
            if let providersNode = f["providers"] {
                providers = self.providers(providersNode, type: pair.key, start: context.start, &seenProviders, c)
                let providerNodes: [Node] = { if case .sequence(let list) = providersNode.content { return list } else { return [] } }()
                if serves != .children, let item = providerNodes.first(where: { $0.pairs.contains { $0.key == "siblings" } }),
                   let key = item.pairs.first(where: { $0.key == "siblings" }) {
                    c.error("'siblings' is for placement types serving children (sibling groups enter care together); '\(pair.key)' serves \(serves.rawValue)",
                            at: key.keyMark)
                }
            } else {
                c.missing("providers", in: f, "placement type '\(pair.key)' needs 'providers', in order of preference", at: pair.keyMark)
                if let list = c.misspelt("providers", in: f) { c.definedNames(in: list, kind: "provider") }
            }
            let stepDown = f["step_down"].flatMap { c.bool($0, "step_down") } ?? false
            if serves == .emergency {
                checkEmergencyType(pair.key, f, providers: providers, stepDown: stepDown,
                                   earlier: types.first { $0.serves == .emergency }?.name, c)
            }
            types.append(PlacementType(name: pair.key, serves: serves, providers: providers,
                                       moveRate: Rate(perYear: 0), moveTo: [], stepDown: stepDown))
        }
        context.types = types
        // Second pass: moves, which name placement types serving the same people.
        for (index, pair) in fields.pairs.enumerated() where index < types.count {
            guard case .mapping = pair.value.content, let f = Optional(Fields(node: pair.value, pairs: pair.value.pairs))
            else { continue }
            let own = types[index]
            let bands = own.serves == .careLeavers ? AgeBand.careLeavers : context.childBands
            let stay = Mix(shares: types.map { $0.name == own.name ? 1 : 0 })
            guard own.serves != .emergency, let movesNode = f["moves"] else {
                types[index].moveTo = Array(repeating: stay, count: context.childBands.count + AgeBand.careLeavers.count)
                continue
            }
            let (rate, mixes) = moves(movesNode, of: own, bands: bands, context, c)
            types[index].moveRate = rate ?? Rate(perYear: 0)
            // One mix per band of children and of care leavers; the bands a type never holds keep 'stay'.
            let childMixes = own.serves == .careLeavers ? Array(repeating: stay, count: context.childBands.count)
                : mixes ?? Array(repeating: stay, count: bands.count)
            let leaverMixes = own.serves == .careLeavers ? mixes ?? Array(repeating: stay, count: bands.count)
                : Array(repeating: stay, count: AgeBand.careLeavers.count)
            types[index].moveTo = childMixes + leaverMixes
        }
        return types
    }

    private static func providers(
        _ node: Node, type: String, start: Day?, _ seen: inout [String: Mark], _ c: Checker
    ) -> [Provider] {
        guard let items = c.items(node, "the providers of '\(type)'") else { return [] }
        if items.isEmpty { c.error("placement type '\(type)' needs at least one provider", at: node.mark) }
        var providers: [Provider] = []
        for (position, item) in items.enumerated() {
            guard let f = c.fields(item, "a provider of '\(type)'", allowed: providerKeys) else { continue }
            guard let nameNode = f["name"], let name = c.text(nameNode, "name") else {
                if f["name"] == nil { c.missing("name", in: f, "each provider needs a 'name'", at: item.mark) }
                if let misspelt = c.misspelt("name", in: f), case .scalar(let s) = misspelt.content {
                    c.defined(s.text, kind: "provider")
                }
                continue
            }
            if let first = seen[name] {
                c.error("provider '\(name)' is defined twice (first at line \(first.line))", at: nameNode.mark)
            }
            seen[name] = nameNode.mark
            if name == "total" || name == "total under 18" {
                c.error("'\(name)' names the total rows in the CSVs and in 'budgets'; give the provider another name", at: nameNode.mark)
            }
            guard let costNode = f["weekly_cost"] else {
                // In a variant, a misspelt name adds a provider rather than changing the baseline's.
                let others = items.indices.filter { $0 != position }.compactMap { Merge.names([items[$0]])?.first }
                    .filter { $0 != name }
                let near = Suggestion.nearest(to: name, among: others).map {
                    "; did you mean '\($0)'? A variant changes a provider by giving its name exactly"
                } ?? ""
                c.missing("weekly_cost", in: f, "provider '\(name)' needs a 'weekly_cost' in pounds per child per week\(near)", at: item.mark)
                c.defined(name, kind: "provider")
                continue
            }
            let isLast = position == items.count - 1
            let capacity = f["capacity"].flatMap { c.whole($0, "capacity", in: 0...10_000_000) }
            let carers = f["foster_carers"].flatMap { fosterCarers($0, c) }
            if f["capacity"] != nil, f["foster_carers"] != nil {
                c.error("give provider '\(name)' either 'capacity' or 'foster_carers' (which sets capacity), not both",
                        at: f["foster_carers"]!.mark)
            }
            let changes = f["capacity_changes"].map { capacityChanges($0, starting: start, c) } ?? []
            let limited = f["capacity"] != nil || f["foster_carers"] != nil
            if isLast, limited || !changes.isEmpty {
                c.error("the last provider of '\(type)' ('\(name)') is where children go when the others are full, so it cannot have a capacity; add an external provider after it",
                        at: (f["capacity"] ?? f["foster_carers"] ?? f["capacity_changes"])!.mark)
            } else if !isLast, !limited, c.misspelt("capacity", in: f) == nil, c.misspelt("foster_carers", in: f) == nil {
                c.error("provider '\(name)' has no 'capacity', so no child would ever reach the providers after it",
                        at: item.mark)
            }
            providers.append(Provider(
                name: name,
                inHouse: f["in_house"].flatMap { c.bool($0, "in_house") } ?? false,
                capacity: carers.map { Int(Double($0.households) * $0.placesPerHousehold) } ?? capacity,
                capacityChanges: changes,
                fosterCarers: carers,
                weeklyCost: weeklyCost(costNode, c) ?? 0,
                upliftAboveInflation: f["uplift"].flatMap { c.change($0, "uplift") } ?? 0,
                localShare: f["local"].flatMap { c.share($0, "local") } ?? 1,
                siblings: f["siblings"].flatMap { siblingHouseholds($0, c) }, localStated: f.has("local")))
        }
        return providers
    }

    /// A provider's cost per child per week. Under £10 (but not nothing) it is thousands written
    /// without their 'k' (`5.2` for £5.2k: a cost a thousandth of the real one), and from £100k a
    /// year's cost (more than any placement costs a week): errors, not a forecast out by 1,000 or 52 times.
    static func weeklyCost(_ node: Node, _ c: Checker) -> Double? {
        guard let pounds = c.money(node, "weekly_cost"), case .scalar(let scalar) = node.content else { return nil }
        if pounds > 0 && pounds < 10 {
            let digits = scalar.text.hasPrefix("£") ? String(scalar.text.dropFirst()) : scalar.text
            c.error("a weekly cost of less than £10 for 'weekly_cost', found '\(scalar.text)': write '£\(digits)k' for thousands", at: node.mark)
            return nil
        }
        if pounds >= 100_000 {
            c.error("a weekly cost of £100k or more for 'weekly_cost', found '\(scalar.text)': more than any placement costs a week; if it is a year's cost, divide it by 52 (£\(Int((pounds / 52).rounded())) a week)", at: node.mark)
            return nil
        }
        return pounds
    }

    private static func capacityChanges(_ node: Node, starting start: Day?, _ c: Checker) -> [CapacityChange] {
        guard let items = c.items(node, "'capacity_changes'") else { return [] }
        return items.compactMap { item in
            guard let f = c.fields(item, "a capacity change", allowed: ["date", "change"]) else { return nil }
            guard let dateNode = f["date"], let changeNode = f["change"] else {
                c.error("a capacity change needs a 'date' and a 'change' in places (such as 4 or -2)", at: item.mark)
                return nil
            }
            guard let date = c.date(dateNode, "date"),
                  let change = c.whole(changeNode, "change", in: -1_000_000...1_000_000)
            else { return nil }
            if let start, date < start {
                c.error("a capacity change on \(date) is before the scenario starts (\(start)); include it in the places at the start instead",
                        at: dateNode.mark)
                return nil
            }
            return CapacityChange(date: date, change: change)
        }.sorted { $0.date < $1.date }
    }

    private static func fosterCarers(_ node: Node, _ c: Checker) -> FosterCarers? {
        let keys = ["households", "recruited_per_year", "attrition", "places_per_household"]
        guard let f = c.fields(node, "'foster_carers'", allowed: keys) else { return nil }
        guard let householdsNode = f["households"] else {
            c.error("'foster_carers' needs 'households': approved households at the start", at: node.mark)
            return nil
        }
        guard let households = c.whole(householdsNode, "households", in: 0...1_000_000) else { return nil }
        return FosterCarers(
            households: households,
            recruitedPerYear: f["recruited_per_year"].flatMap { c.nonNegative($0, "recruited_per_year") } ?? 0,
            attritionPerYear: f["attrition"].flatMap { c.share($0, "attrition") } ?? 0,
            placesPerHousehold: f["places_per_household"].flatMap { c.nonNegative($0, "places_per_household") } ?? 1)
    }

    /// `moves: {rate: 0.3, to: {…}, to_by_age: {16 to 17: {…}}}`; returns the rate and one mix per band.
    private static func moves(
        _ node: Node, of type: PlacementType, bands: [AgeBand], _ context: Context, _ c: Checker
    ) -> (Rate?, [Mix]?) {
        guard let f = c.fields(node, "the moves of '\(type.name)'", allowed: ["rate", "to", "to_by_age"]) else {
            return (nil, nil)
        }
        let rate = f["rate"].flatMap { ScenarioReader.rate($0, "rate", c) }
        let names = context.types.map(\.name)
        let sameKind = context.typeNames(serving: type.serves)
        func destinations(_ node: Node, _ key: String) -> Mix? {
            guard let mix = mix(node, key, among: names, kind: "placement type", c) else { return nil }
            for (i, share) in mix.shares.enumerated() where share > 0 && !sameKind.contains(names[i]) {
                c.error("moves from '\(type.name)' cannot go to '\(names[i])', which serves \(context.types[i].serves.rawValue)",
                        at: node.mark)
                return nil
            }
            return mix
        }
        let stay = Mix(shares: names.map { $0 == type.name ? 1 : 0 })
        let general = f["to"].flatMap { destinations($0, "to") } ?? stay
        var mixes = Array(repeating: general, count: bands.count)
        if let byAge = f["to_by_age"], let fields = c.fields(byAge, "'to_by_age'", allowed: nil) {
            for pair in fields.pairs {
                guard let band = c.reference(pair.key, at: pair.keyMark, among: bands.map(\.name), kind: "age band"),
                      let mix = destinations(pair.value, pair.key)
                else { continue }
                mixes[band] = mix
            }
        }
        return (rate, mixes)
    }
}

extension Node {
    /// The pairs of a mapping node (empty for other nodes).
    var pairs: [Node.Pair] {
        if case .mapping(let pairs) = content { return pairs }
        return []
    }
}
