import YAMLReader

/// The sections about people and money: population, entries, exits, parent-and-child, care leavers,
/// inflation, trends and budgets.
extension ScenarioReader {
    /// `population: {in-house fostering: {under 1: 4, 1 to 4: 12}, …}`; parent-and-child providers take a number.
    static func population(_ node: Node, _ context: Context, _ c: Checker, inStream: Bool = false) -> [PopulationCell] {
        guard let fields = c.fields(node, "'population'", allowed: nil) else { return [] }
        let providers = context.types.flatMap { type in type.providers.map { (type, $0) } }
        var cells: [PopulationCell] = []
        for pair in fields.pairs {
            if pair.key == "observed" && context.populationObservedKey { continue }  // populationObserved
            guard let p = c.reference(pair.key, at: pair.keyMark, among: providers.map(\.1.name), kind: "provider",
                                      hint: populationHint(context, providers.map(\.1.name), inStream: inStream))
            else { continue }
            let type = providers[p].0
            switch type.serves {
            case .emergency:
                c.error("'\(pair.key)' holds emergency beds, and children in them on the start date are not modelled; count them in the placement they go to next",
                        at: pair.keyMark)
            case .families:
                if let n = c.whole(pair.value, pair.key, in: 0...10_000_000), n > 0 {
                    cells.append(PopulationCell(provider: p, band: context.bands.count, count: n))
                }
            case .children, .careLeavers:
                let bands = type.serves == .children ? context.childBands : AgeBand.careLeavers
                let offset = type.serves == .children ? 0 : context.childBands.count
                if let misplaced = pair.value.pairs.first(where: { $0.key == "observed" }), !bands.contains(where: { $0.name == "observed" }) {
                    c.error(inStream
                        ? "'observed' is for the scenario's own population, not a stream's: a stream's children are taken as counted"
                        : "'observed' goes directly under 'population' (how well the whole spread over providers and ages is known), not in a provider's counts",
                            at: misplaced.keyMark)
                    continue
                }
                guard let counts = byBand(pair.value, pair.key, bands: bands, missing: 0, c, {
                    c.whole($0, $1, in: 0...10_000_000)
                }) else { continue }
                for (band, n) in counts.enumerated() where n > 0 {
                    cells.append(PopulationCell(provider: p, band: band + offset, count: n))
                }
            }
        }
        return cells
    }

    /// `observed: 30` in the scenario's `population`: the children's cells were estimated (see
    /// ``Scenario/populationObserved``); `observed: none` (a variant's way to drop its
    /// baseline's) is as if left out. A provider named `observed` keeps its name.
    static func populationObserved(_ node: Node, _ context: Context, _ c: Checker) -> Double? {
        guard context.populationObservedKey, let pair = node.pairs.first(where: { $0.key == "observed" }) else { return nil }
        return observedSetting(pair.value, meaning: "how many children the population's shares are as well known as",
                               without: "a population counted child by child", c) ?? nil
    }

    /// A provider's misspelt name in a population: a placement type's name suggests its first
    /// provider; a near miss of `observed` suggests it (in a stream's population, says it is not for streams).
    static func populationHint(_ context: Context, _ names: [String], inStream: Bool = false) -> (String) -> String? {
        { name in
            if let hint = placementTypeHint(context, "population is by provider")(name) { return hint }
            guard Suggestion.nearest(to: name, among: names) == nil, Suggestion.nearest(to: name, among: ["observed"]) != nil else { return nil }
            if inStream {
                return "unknown provider '\(name)'; if you meant 'observed', it is for the scenario's own population, not a stream's: a stream's children are taken as counted"
            }
            return "unknown provider '\(name)'; did you mean 'observed' (how many children the population's shares are as well known as)?"
        }
    }

    /// For a placement type's name where a provider's is expected: "'foster care' is a placement
    /// type; population is by provider: did you mean 'in-house fostering'?" (its first provider).
    static func placementTypeHint(_ context: Context, _ rule: String) -> (String) -> String? {
        { name in
            guard let type = context.types.first(where: { $0.name == name }), let first = type.providers.first else { return nil }
            return "'\(name)' is a placement type; \(rule): did you mean '\(first.name)'?"
        }
    }

    static let entryKeys = ["per_year", "trend", "changes", "first_placement", "ages", "sibling_groups", "name", "streams"]
    static let streamKeys = ["per_year", "trend", "changes", "first_placement", "ages", "exits", "population", "care_leavers"]

    static func entries(_ node: Node, _ context: Context, _ c: Checker) -> Entries? {
        guard let f = c.fields(node, "'entries'", allowed: entryKeys) else { return nil }
        guard var entries = entryStream(f, node, "'entries'", context, c) else { return nil }
        entries.name = f["name"].flatMap { c.text($0, "name") } ?? entries.name
        if let streamsNode = f["streams"], let streams = c.fields(streamsNode, "'streams'", allowed: nil) {
            var names = [entries.name]
            for pair in streams.pairs {
                if names.contains(pair.key) {
                    c.error("stream '\(pair.key)' is named twice (the entries' own stream is '\(entries.name)')", at: pair.keyMark)
                    continue
                }
                names.append(pair.key)
                guard let sf = c.fields(pair.value, "stream '\(pair.key)'", allowed: streamKeys),
                      let own = entryStream(sf, pair.value, "stream '\(pair.key)'", context, c) else { continue }
                entries.streams.append(EntryStream(name: pair.key, perYear: own.perYear, trend: own.trend, changes: own.changes,
                                                   firstPlacement: own.firstPlacement, ages: own.ages, exitRates: nil))
            }
            if streams.pairs.count > 11 { c.error("at most 11 streams besides the entries' own", at: streamsNode.mark) }
        }
        return entries
    }

    /// Each stream's children in care at the start (`population` in the stream, written as the
    /// scenario's), after the scenario's own cells.
    static func streamPopulation(_ entriesNode: Node, _ entries: Entries, _ context: Context, _ c: Checker) -> [PopulationCell] {
        guard let streamsNode = entriesNode.pairs.first(where: { $0.key == "streams" })?.value else { return [] }
        var cells: [PopulationCell] = []
        for pair in streamsNode.pairs {
            guard let k = entries.streams.firstIndex(where: { $0.name == pair.key }),
                  let node = pair.value.pairs.first(where: { $0.key == "population" })?.value else { continue }
            if let observed = node.pairs.first(where: { $0.key == "observed" }), context.populationObservedKey {
                c.error("'observed' is for the scenario's own population, not a stream's: a stream's children are taken as counted",
                        at: observed.keyMark)
            }
            cells += population(node, context, c, inStream: true).map { PopulationCell(provider: $0.provider, band: $0.band, count: $0.count, stream: k + 1) }
        }
        return cells
    }

    /// A stream's own exit rates, `exits: {returned home: {16 to 17: 0.2}, …}` over the scenario's
    /// exit reasons (reasons not named: never), read once the reasons are known.
    static func streamExits(_ entriesNode: Node, into entries: inout Entries, reasons: [String], bands: [AgeBand], _ c: Checker) {
        guard let streamsNode = entriesNode.pairs.first(where: { $0.key == "streams" })?.value else { return }
        for pair in streamsNode.pairs {
            guard let k = entries.streams.firstIndex(where: { $0.name == pair.key }),
                  let exitsNode = pair.value.pairs.first(where: { $0.key == "exits" }) else { continue }
            guard let f = c.fields(exitsNode.value, "the exits of stream '\(pair.key)'", allowed: nil) else { continue }
            if reasons.isEmpty {
                c.error("stream '\(pair.key)' gives exit rates, but 'exits' names no reasons: add 'exits: {rates: …}'", at: exitsNode.keyMark)
                continue
            }
            var table = reasons.map { _ in Array(repeating: Rate(perYear: 0), count: bands.count) }
            for r in f.pairs {
                guard let reason = c.reference(r.key, at: r.keyMark, among: reasons, kind: "exit reason", hint: { name in
                    if name == "rates" || name == "by_placement" || name == "trend" || name == "changes" || name == "duration" {
                        return "a stream's 'exits' gives rates by reason directly ('exits: {returned home: {16 to 17: 0.2}}'), without '\(name)'; exits by placement, trend and changes are the scenario's, for every stream"
                    }
                    let near = Suggestion.didYouMean(name, among: reasons)
                    return near.isEmpty ? "unknown exit reason '\(name)': a stream's reasons are those the scenario's 'exits: rates:' names (\(reasons.map { "'\($0)'" }.joined(separator: ", "))); add '\(name)' there, with a rate of 0 if only this stream uses it" : nil
                }),
                      let rates = byBand(r.value, r.key, bands: bands, missing: Rate(perYear: 0), c, { rate($0, $1, c) }) else { continue }
                table[reason] = rates
            }
            entries.streams[k].exitRates = table
        }
    }

    /// The rates, trend, changes, first placements and ages of `entries` or of one of its streams.
    private static func entryStream(_ f: Fields, _ node: Node, _ what: String, _ context: Context, _ c: Checker) -> Entries? {
        guard let perYearNode = f["per_year"], let firstNode = f["first_placement"] else {
            // A misspelt key has had its did-you-mean: one mistake, one error.
            let unexplained = ["per_year", "first_placement"].contains { f[$0] == nil && c.misspelt($0, in: f) == nil }
            if unexplained {
                c.error("\(what) needs 'per_year' (children entering per year by age band) and 'first_placement'", at: node.mark)
            }
            return nil
        }
        let bands = context.childBands
        let perYear = byBand(perYearNode, "per_year", bands: bands, missing: Rate(perYear: 0), c) { rate($0, $1, c) }
        let childTypes = context.types.map { $0.serves == .children ? $0.name : "" }
        let first = byBand(firstNode, "first_placement", bands: bands, missing: nil, c) { node, key in
            mixOfChildTypes(node, key, childTypes, context, c)
        }
        let trend = f["trend"].flatMap { c.change($0, "trend") } ?? 0
        let changes = f["changes"].map { stepChanges($0, bands, c) } ?? []
        let ages = f["ages"].map { agesWithinBands($0, "ages", bands: bands, allowBirth: true, c) }
            ?? Array(repeating: nil, count: bands.count)
        let groups = f["sibling_groups"].map { siblingGroups($0, bands: bands, c) } ?? []
        guard let perYear, let first else { return nil }
        return Entries(perYear: perYear, trend: trend, changes: changes, firstPlacement: first, ages: ages,
                       siblingGroups: groups)
    }

    /// A mix over the placement types that serve children.
    private static func mixOfChildTypes(
        _ node: Node, _ key: String, _ childTypes: [String], _ context: Context, _ c: Checker
    ) -> Mix? {
        guard let fields = c.fields(node, "'\(key)'", allowed: nil) else { return nil }
        for pair in fields.pairs where !childTypes.contains(pair.key) && context.typeNames.contains(pair.key) {
            c.error("'\(pair.key)' does not serve children, so no child can be placed there", at: pair.keyMark)
            return nil
        }
        return mix(node, key, among: context.typeNames, kind: "placement type", c)
    }

    private static func stepChanges(_ node: Node, _ bands: [AgeBand], _ c: Checker) -> [StepChange] {
        guard let items = c.items(node, "'changes'") else { return [] }
        return items.compactMap { item in
            guard let f = c.fields(item, "a change in entries", allowed: ["from", "change", "age_bands"]) else {
                return nil
            }
            guard let fromNode = f["from"], let changeNode = f["change"] else {
                c.error("a change in entries needs 'from' (a date) and 'change' (such as -10%)", at: item.mark)
                return nil
            }
            var selected: [Int] = []
            if let bandsNode = f["age_bands"], let list = c.items(bandsNode, "'age_bands'") {
                for b in list {
                    if let name = c.text(b, "age_bands"),
                       let index = c.reference(name, at: b.mark, among: bands.map(\.name), kind: "age band") {
                        selected.append(index)
                    }
                }
            }
            guard let from = c.date(fromNode, "from"), let change = c.change(changeNode, "change") else { return nil }
            return StepChange(from: from, factor: 1 + change, bands: selected)
        }
    }

    static func exits(_ node: Node, _ context: Context, _ c: Checker) -> Exits {
        let bands = context.childBands
        var exits = Exits(reasons: [], rates: [], duration: Array(repeating: nil, count: bands.count))
        guard let f = c.fields(node, "'exits'", allowed: ["rates", "duration", "trend", "changes", "by_placement"]) else { return exits }
        if let ratesNode = f["rates"], let reasons = c.fields(ratesNode, "'rates'", allowed: nil) {
            for pair in reasons.pairs {
                guard let rates = byBand(pair.value, pair.key, bands: bands, missing: Rate(perYear: 0), c, {
                    rate($0, $1, c)
                }) else { continue }
                exits.reasons.append(pair.key)
                exits.rates.append(rates)
            }
        }
        if let durationNode = f["duration"] {
            if exits.reasons.isEmpty {
                c.error("'duration' needs 'rates' too: the rates choose each child's reason for leaving", at: durationNode.mark)
            }
            if let durations = byBand(durationNode, "duration", bands: bands, missing: Optional<Distribution>.none, c, {
                distribution($0, $1, c).map(Optional.some)
            }) {
                exits.duration = durations
            }
        }
        exits.trend = f["trend"].flatMap { c.change($0, "trend") } ?? 0
        if let changesNode = f["changes"] {
            exits.changes = exitChanges(changesNode, reasons: exits.reasons, bands: bands, c)
        }
        exits.byPlacement = Array(repeating: nil, count: context.types.count)
        if let byPlacementNode = f["by_placement"] {
            exitsByPlacement(byPlacementNode, reasons: exits.reasons, into: &exits.byPlacement, context, c)
        }
        return exits
    }

    /// `by_placement: {placed for adoption: {adoption: {events: 210, years: 180}}}` — while in the
    /// type, a child leaves only at these rates (reasons not named: never); the bands' rates do not apply.
    static func exitsByPlacement(_ node: Node, reasons: [String], into table: inout [[Rate]?], _ context: Context, _ c: Checker) {
        guard let fields = c.fields(node, "'by_placement'", allowed: nil) else { return }
        if reasons.isEmpty {
            c.error("'by_placement' needs 'rates' too: it gives rates for the reasons 'rates' names", at: node.mark)
            return
        }
        for pair in fields.pairs {
            guard let type = c.reference(pair.key, at: pair.keyMark, among: context.typeNames, kind: "placement type") else { continue }
            if context.types[type].serves != .children {
                c.error("'\(pair.key)' serves \(context.types[type].serves.rawValue): exits by placement are for children's placement types",
                        at: pair.keyMark)
                continue
            }
            guard let rates = c.fields(pair.value, "the exits of '\(pair.key)'", allowed: nil) else { continue }
            var row = Array(repeating: Rate(perYear: 0), count: reasons.count)
            for r in rates.pairs {
                guard let reason = c.reference(r.key, at: r.keyMark, among: reasons, kind: "exit reason"),
                      let rate = rate(r.value, r.key, c) else { continue }
                row[reason] = rate
            }
            table[type] = row
        }
    }

    /// `inflation: 3%`, or by financial year: `{2025/26: 2%, 2026/27: 4%, otherwise: 2%}`.
    static func inflation(_ node: Node, _ c: Checker) -> Inflation {
        guard case .mapping(let pairs) = node.content else { return c.change(node, "inflation").map(Inflation.yearly) ?? .yearly(0) }
        var table: [FinancialYear: Double] = [:]
        var otherwise = 0.0
        for pair in pairs {
            if pair.key == "otherwise" {
                otherwise = c.change(pair.value, "otherwise") ?? 0
            } else if let year = FinancialYear(label: Substring(pair.key)) {
                table[year] = c.change(pair.value, pair.key) ?? 0
            } else {
                c.error("expected a financial year such as '2026/27' or 'otherwise' in 'inflation', found '\(pair.key)'",
                        at: pair.keyMark)
            }
        }
        return .byYear(table, otherwise: otherwise)
    }

    /// `need_trends: {children's home: 5%}` — the share of entries and moves needing the type changes yearly.
    static func needTrends(_ node: Node, _ context: Context, _ c: Checker) -> [NeedTrend] {
        guard let fields = c.fields(node, "'need_trends'", allowed: nil) else { return [] }
        return fields.pairs.compactMap { pair in
            guard let type = c.reference(pair.key, at: pair.keyMark, among: context.typeNames, kind: "placement type"),
                  let change = c.change(pair.value, pair.key)
            else { return nil }
            if context.types[type].serves == .emergency {
                c.error("'\(pair.key)' holds emergency beds; the share needing one is set in 'emergency_beds'", at: pair.keyMark)
                return nil
            }
            return NeedTrend(placementType: type, perYear: change)
        }
    }

    static func parentAndChild(_ node: Node, _ context: Context, _ c: Checker) -> ParentAndChild? {
        let keys = ["per_year", "trend", "duration", "placement", "baby_enters_care"]
        guard let f = c.fields(node, "'parent_and_child'", allowed: keys) else { return nil }
        guard let perYearNode = f["per_year"], let durationNode = f["duration"], let placementNode = f["placement"] else {
            c.error("'parent_and_child' needs 'per_year', 'duration' and 'placement'", at: node.mark)
            return nil
        }
        let familyTypes = context.typeNames(serving: .families)
        if familyTypes.isEmpty {
            c.error("no placement type serves 'parent and child'; add one with 'serves: parent and child'", at: placementNode.mark)
            return nil
        }
        guard let perYear = rate(perYearNode, "per_year", c),
              let duration = distribution(durationNode, "duration", c),
              let placement = mix(placementNode, "placement", among: context.typeNames, kind: "placement type", c)
        else { return nil }
        for (i, share) in placement.shares.enumerated() where share > 0 && context.types[i].serves != .families {
            c.error("'\(context.types[i].name)' does not serve 'parent and child'", at: placementNode.mark)
            return nil
        }
        return ParentAndChild(
            perYear: perYear, trend: f["trend"].flatMap { c.change($0, "trend") } ?? 0, duration: duration,
            placement: placement, babyEntersCare: f["baby_enters_care"].flatMap { c.share($0, "baby_enters_care") } ?? 0)
    }

    static func careLeavers(_ node: Node, _ context: Context, _ c: Checker) -> CareLeavers? {
        guard let f = c.fields(node, "'care_leavers'", allowed: ["pathway", "support_to_25", "unsuitable"]) else { return nil }
        let leaverTypes = context.typeNames(serving: .careLeavers)
        guard !leaverTypes.isEmpty else {
            c.error("no placement type serves 'care leavers'; add their accommodation with 'serves: care leavers'", at: node.mark)
            return nil
        }
        guard let pathwayNode = f["pathway"] else {
            c.missing("pathway", in: f, "'care_leavers' needs 'pathway': accommodation at 18 by the placement left", at: node.mark)
            return nil
        }
        guard let mixes = pathway(pathwayNode, context, c) else { return nil }
        // Which care leavers' accommodation counts as unsuitable: placement types serving care leavers.
        let unsuitable = names(f["unsuitable"], "unsuitable", among: context.typeNames, kind: "placement type", c)
        for t in unsuitable where context.types[t].serves != .careLeavers {
            c.error("'unsuitable' lists '\(context.types[t].name)', which is not accommodation for care leavers (give types with 'serves: care leavers')",
                    at: f["unsuitable"]!.mark)
        }
        return CareLeavers(pathwayFrom: mixes,
                           supportTo25: f["support_to_25"].flatMap { c.share($0, "support_to_25") } ?? 0,
                           unsuitable: unsuitable)
    }

    /// Each stream's own care-leaver pathway, `care_leavers: {pathway: {…}}` in the stream, read
    /// once the scenario's care leavers are known (support to 25 and what is unsuitable are the scenario's).
    static func streamCareLeavers(_ entriesNode: Node, into entries: inout Entries, hasCareLeavers: Bool,
                                  _ context: Context, _ c: Checker) {
        guard let streamsNode = entriesNode.pairs.first(where: { $0.key == "streams" })?.value else { return }
        for pair in streamsNode.pairs {
            guard let k = entries.streams.firstIndex(where: { $0.name == pair.key }),
                  let node = pair.value.pairs.first(where: { $0.key == "care_leavers" }) else { continue }
            guard hasCareLeavers else {
                c.error("stream '\(pair.key)' gives its care leavers' pathway, but the scenario has no 'care_leavers' section: add it (with the pathway of the other children)",
                        at: node.keyMark)
                continue
            }
            guard let f = c.fields(node.value, "the care leavers of stream '\(pair.key)'", allowed: ["pathway"]) else { continue }
            guard let pathwayNode = f["pathway"] else {
                c.missing("pathway", in: f, "a stream's 'care_leavers' gives its 'pathway' (support to 25 and what is unsuitable are the scenario's, for every stream)",
                          at: node.value.mark)
                continue
            }
            entries.streams[k].pathwayFrom = pathway(pathwayNode, context, c)
        }
    }

    /// `pathway: {foster care: {staying put: 50%, other: 50%}, all: {other: 100%}}`: care leavers'
    /// accommodation at 18 by the placement left, one mix per placement type (empty for types not serving children).
    static func pathway(_ pathwayNode: Node, _ context: Context, _ c: Checker) -> [Mix]? {
        guard let fields = c.fields(pathwayNode, "'pathway'", allowed: nil) else { return nil }
        var byType = [Mix?](repeating: nil, count: context.types.count)
        var fallback: Mix?
        // Entries written but broken (already reported): not reported again as missing.
        var written = Set<Int>(), allWritten = false
        for pair in fields.pairs {
            let from = pair.key == "all" ? nil
                : c.reference(pair.key, at: pair.keyMark, among: context.typeNames, kind: "placement type")
            if pair.key != "all", from == nil { continue }
            if let from { written.insert(from) } else { allWritten = true }
            guard let mix = mix(pair.value, pair.key, among: context.typeNames, kind: "placement type", c) else { continue }
            for (i, share) in mix.shares.enumerated() where share > 0 && context.types[i].serves != .careLeavers {
                c.error("'\(context.types[i].name)' is not accommodation for care leavers", at: pair.value.mark)
            }
            if let from { byType[from] = mix } else { fallback = mix }
        }
        var mixes: [Mix] = []
        for (i, type) in context.types.enumerated() {
            if let mix = byType[i] ?? fallback { mixes.append(mix); continue }
            if type.serves == .children, !allWritten, !written.contains(i) {
                c.error("'pathway' has no entry for children leaving '\(type.name)' (give it, or an 'all' entry)", at: pathwayNode.mark)
            }
            mixes.append(Mix(shares: []))
        }
        return mixes
    }

    /// `budgets: {2025/26: {total: £30m, in-house fostering: £4.2m}}` or `{2025/26: £30m}`.
    static func budgets(_ node: Node, _ context: Context, _ c: Checker) -> [Budget] {
        guard let fields = c.fields(node, "'budgets'", allowed: nil) else { return [] }
        var budgets: [Budget] = []
        for pair in fields.pairs {
            guard let year = FinancialYear(label: Substring(pair.key)) else {
                c.error("expected a financial year such as '2025/26' in 'budgets', found '\(pair.key)'", at: pair.keyMark)
                continue
            }
            if case .scalar = pair.value.content {
                if let pounds = budget(pair.value, pair.key, c) { budgets.append(Budget(year: year, provider: nil, pounds: pounds)) }
                continue
            }
            guard let lines = c.fields(pair.value, "the budget for \(pair.key)", allowed: nil) else { continue }
            var total: (pounds: Double, mark: Mark)?, linesSum = 0.0
            for line in lines.pairs {
                let provider = line.key == "total" ? nil
                    : c.reference(line.key, at: line.keyMark, among: context.providerNames, kind: "provider",
                                  hint: budgetLineHint(context))
                if line.key != "total", provider == nil { continue }
                if let pounds = budget(line.value, line.key, c) {
                    budgets.append(Budget(year: year, provider: provider, pounds: pounds))
                    if provider == nil { total = (pounds, line.value.mark) } else { linesSum += pounds }
                }
            }
            // A total holds its lines: one smaller than they add up to is a mistyped figure, and
            // its variance would be wrong by the difference (found: 'total: £1m' beside lines of
            // £5.3m gave an overspend of £11.4m without a word).
            if let total, total.pounds + 0.5 < linesSum {
                c.error("the total budget for \(pair.key), \(poundsText(total.pounds)), is less than its lines, which add up to \(poundsText(linesSum)): "
                        + "give the year's whole budget as 'total', or leave 'total' out to take the sum of the lines", at: total.mark)
            }
        }
        return budgets
    }

    /// A budget line's misspelt name: a placement type's suggests its first provider; a near
    /// miss of `total` (`totl`), when no provider is nearer, suggests it.
    static func budgetLineHint(_ context: Context) -> (String) -> String? {
        { name in
            if let hint = placementTypeHint(context, "a budget is by provider (or 'total')")(name) { return hint }
            guard Suggestion.nearest(to: name, among: context.providerNames) == nil,
                  Suggestion.nearest(to: name, among: ["total"]) != nil else { return nil }
            return "unknown provider '\(name)'; did you mean 'total' (the year's whole budget)?"
        }
    }

    /// `£5,300,000`: whole pounds with thousands commas, for a message.
    static func poundsText(_ pounds: Double) -> String {
        var digits = String(Int(pounds.rounded())), groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        return "£" + ([digits] + groups).joined(separator: ",")
    }

    /// A year's budget in pounds. Under £1,000 (but not nothing) it is taken for millions or
    /// thousands written without their letter (`2026/27: 12.5`), which would otherwise give a
    /// variance of the whole spend without a word.
    static func budget(_ node: Node, _ key: String, _ c: Checker) -> Double? {
        guard let pounds = c.money(node, key) else { return nil }
        guard pounds == 0 || pounds >= 1000 else {
            guard case .scalar(let scalar) = node.content else { return nil }
            let digits = scalar.text.hasPrefix("£") ? String(scalar.text.dropFirst()) : scalar.text
            c.error("a year's budget of less than £1,000 for '\(key)', found '\(scalar.text)': write '£\(digits)m' for millions or '£\(digits)k' for thousands",
                    at: node.mark)
            return nil
        }
        return pounds
    }
}
