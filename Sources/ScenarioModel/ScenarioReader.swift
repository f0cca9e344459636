import YAMLReader

/// Turns a scenario's node tree (variants already merged) into a validated ``Scenario``.
///
/// Every problem is reported at its node, all at once; a misspelt key is an error, never a default.
public enum ScenarioReader {
    static let topKeys = [
        "name", "description", "extends", "start", "horizon", "replications", "seed", "age_bands",
        "placements", "population", "entries", "exits", "inflation", "need_trends", "parent_and_child",
        "care_leavers", "budgets", "population_ages", "variability", "emergency_beds", "child_population",
    ]

    /// Defaults an analyst can rely on (documented in docs/scenario-format.md).
    public enum Defaults {
        public static let replications = 1000
        public static let seed: UInt64 = 1
        public static let horizonMonths = 60
    }

    /// Reads and validates a scenario; throws ``Diagnostics`` with every problem found.
    /// - Parameter fallbackName: the name used when the file gives none (the file's base name).
    public static func read(_ root: Node, fallbackName: String) throws -> Scenario {
        let checker = Checker()
        let scenario = read(root, fallbackName: fallbackName, checker)
        if let scenario, checker.diagnostics.isEmpty { return scenario }
        throw Diagnostics(checker.diagnostics.isEmpty
            ? [Diagnostic("the scenario could not be read", at: root.mark)] : checker.diagnostics)
    }

    private static func read(_ root: Node, fallbackName: String, _ c: Checker) -> Scenario? {
        if case .scalar(let s) = root.content, s.text.isEmpty, s.style == .plain {
            c.error("the scenario file is empty (or only comments): a scenario needs at least 'start', 'placements' and 'entries'; "
                    + "start from scenarios/example-annotated.yaml (docs/scenario-format.md)", at: root.mark)
            return nil
        }
        guard let top = c.fields(root, "the scenario", allowed: topKeys) else { return nil }

        let name = top["name"].flatMap { c.text($0, "name") } ?? fallbackName
        let description = top["description"].flatMap { c.text($0, "description") } ?? ""
        guard let startNode = top["start"] else {
            c.missing("start", in: top, "the scenario needs a 'start' date, such as 'start: 2025-04-01'", at: root.mark)
            return nil
        }
        let start = c.date(startNode, "start")
        let months = top["horizon"].map { horizonMonths($0, c) } ?? Defaults.horizonMonths
        let replications = top["replications"].flatMap { c.whole($0, "replications", in: 1...1_000_000) }
            ?? Defaults.replications
        let seed = top["seed"].flatMap { c.whole($0, "seed", in: 0...Int.max) }.map(UInt64.init) ?? Defaults.seed

        let childBands = top["age_bands"].map { ageBands($0, c) } ?? AgeBand.dfe
        var context = Context(childBands: childBands)
        context.start = start
        guard let placementsNode = top["placements"] else {
            c.missing("placements", in: top, "the scenario needs 'placements': the placement types and their providers", at: root.mark)
            return nil
        }
        context.types = placementTypes(placementsNode, &context, c)
        if top.has("care_leavers") { context.bands += AgeBand.careLeavers }

        let populationObserved = top["population"].flatMap { Self.populationObserved($0, context, c) }
        let errorsBefore = c.diagnostics.count
        var population = top["population"].map { Self.population($0, context, c) } ?? []
        // Only children in care are spread afresh: with none, 'observed' would do nothing (said
        // only when the population read cleanly: a misspelt provider is not also "none").
        if populationObserved != nil, c.diagnostics.count == errorsBefore, !population.contains(where: { $0.band < childBands.count }),
           let key = top["population"]?.pairs.first(where: { $0.key == "observed" }) {
            c.error("'observed' spreads the children in care afresh over providers and ages, but this population has none (care leavers and families stay as written); leave it out",
                    at: key.keyMark)
        }
        guard let entriesNode = top["entries"] else {
            c.missing("entries", in: top, "the scenario needs 'entries': children entering care per year by age band", at: root.mark)
            return nil
        }
        var entries = Self.entries(entriesNode, context, c)
        let exits = top["exits"].map { Self.exits($0, context, c) }
            ?? Exits(reasons: [], rates: [], duration: Array(repeating: nil, count: childBands.count))
        if entries != nil {
            streamExits(entriesNode, into: &entries!, reasons: exits.reasons, bands: childBands, c)
            population += streamPopulation(entriesNode, entries!, context, c)
        }
        let inflation = top["inflation"].map { Self.inflation($0, c) } ?? .yearly(0)
        let needTrends = top["need_trends"].map { Self.needTrends($0, context, c) } ?? []
        let parentAndChild = top["parent_and_child"].flatMap { Self.parentAndChild($0, context, c) }
        let careLeavers = top["care_leavers"].flatMap { Self.careLeavers($0, context, c) }
        if entries != nil {
            streamCareLeavers(entriesNode, into: &entries!, hasCareLeavers: top["care_leavers"] != nil, context, c)
        }
        let budgets = top["budgets"].map { Self.budgets($0, context, c) } ?? []
        let populationAges = top["population_ages"].map {
            agesWithinBands($0, "population_ages", bands: childBands, allowBirth: false, c)
        } ?? Array(repeating: nil, count: childBands.count)
        let variability = top["variability"].map { Self.variability($0, start: context.start, c) } ?? Variability()
        let emergencyBeds = top["emergency_beds"].flatMap { Self.emergencyBeds($0, context, c) }
        let childPopulation = top["child_population"].flatMap { c.whole($0, "child_population", in: 1...100_000_000) }

        if top["parent_and_child"] == nil, context.types.contains(where: { $0.serves == .families }) {
            c.missing("parent_and_child", in: top, "placement types serve 'parent and child' but there is no 'parent_and_child' section",
                      at: placementsNode.mark)
        }
        if top["care_leavers"] == nil, context.types.contains(where: { $0.serves == .careLeavers }) {
            c.missing("care_leavers", in: top, "placement types serve 'care leavers' but there is no 'care_leavers' section",
                      at: placementsNode.mark)
        }
        if top["emergency_beds"] == nil, let type = context.types.first(where: { $0.serves == .emergency }) {
            c.missing("emergency_beds", in: top, "placement type '\(type.name)' serves 'emergency' but there is no 'emergency_beds' section",
                      at: placementsNode.mark)
        }
        guard let start, let entries, c.diagnostics.isEmpty else { return nil }
        var scenario = Scenario(
            name: name, description: description, start: start, months: months,
            replications: replications, seed: seed, ageBands: context.bands,
            placementTypes: context.types, population: population, entries: entries, exits: exits,
            inflation: inflation, needTrends: needTrends, parentAndChild: parentAndChild,
            careLeavers: careLeavers, budgets: budgets, populationAges: populationAges, variability: variability,
            childPopulation: childPopulation)
        scenario.emergencyBeds = emergencyBeds
        scenario.populationObserved = populationObserved
        return scenario
    }

    /// What later sections refer to: the defined age bands and placement types.
    struct Context {
        var childBands: [AgeBand]
        var bands: [AgeBand]
        var types: [PlacementType] = []
        /// The scenario's start date, when it was read: dated changes must not come before it.
        var start: Day?

        init(childBands: [AgeBand]) {
            self.childBands = childBands
            self.bands = childBands
        }

        var providerNames: [String] { types.flatMap { $0.providers.map(\.name) } }
        /// Whether `observed` in a population is read as how well its spread is known (not when a provider is called that).
        var populationObservedKey: Bool { !providerNames.contains("observed") }
        var typeNames: [String] { types.map(\.name) }

        func typeNames(serving population: Population) -> [String] {
            types.filter { $0.serves == population }.map(\.name)
        }
    }

    static func horizonMonths(_ node: Node, _ c: Checker) -> Int {
        // A bare '5' most likely means 5 years; a bare '60' cannot (at most 50 years): 60 months.
        var unit = "years"
        if case .scalar(let s) = node.content, let number = Double(s.text), number > 50 { unit = "months" }
        guard let days = c.duration(node, "horizon", examples: "'5 years' or '60 months'", unitForNumber: unit)
        else { return Defaults.horizonMonths }
        let months = days / (365.2425 / 12)
        let whole = months.rounded()
        guard abs(months - whole) < 1e-9, whole >= 1, whole <= 600 else {
            c.error("'horizon' must be whole months or years from 1 month to 50 years, found \(node.shortText)",
                    at: node.mark)
            return Defaults.horizonMonths
        }
        return Int(whole)
    }

    /// `age_bands: {under 1: 0, 1 to 4: 1, …}` — each band by the age it starts at; the last runs to 17.
    static func ageBands(_ node: Node, _ c: Checker) -> [AgeBand] {
        guard let fields = c.fields(node, "'age_bands'", allowed: nil) else { return AgeBand.dfe }
        let errorsBefore = c.diagnostics.count
        var bands: [AgeBand] = []
        for pair in fields.pairs {
            // Excel opens '1-4' in a CSV as 1 April and '10/15' as a date too: the band's rows would lose their name.
            if let m = pair.key.wholeMatch(of: /(\d{1,2}) ?[-\/–] ?(\d{1,2})/) {
                c.error("age band '\(pair.key)' would be read as a date by Excel when it opens the CSVs; write '\(m.1) to \(m.2)'", at: pair.keyMark)
            }
            guard let from = c.whole(pair.value, pair.key, in: 0...17) else { continue }
            if let last = bands.last, from <= last.fromAge {
                c.error("age band '\(pair.key)' must start at an older age than '\(last.name)' (\(last.fromAge))",
                        at: pair.value.mark)
                continue
            }
            if bands.isEmpty, from != 0 {
                c.error("the first age band must start at age 0, found \(from)", at: pair.value.mark)
            }
            if let last = bands.popLast() { bands.append(AgeBand(name: last.name, fromAge: last.fromAge, toAge: from - 1)) }
            bands.append(AgeBand(name: pair.key, fromAge: from, toAge: 17))
        }
        if bands.isEmpty {
            c.error("'age_bands' needs at least one band", at: node.mark)
            return AgeBand.dfe
        }
        if c.diagnostics.count == errorsBefore { checkBandNames(bands, fields, c) }  // a band left out would shift the others
        return bands
    }

    /// A band named for its ages ('10 to 15', 'under 1') must cover them: a mistyped start
    /// ('16 to 17: 15') would otherwise move a year of age between bands without a word. One
    /// error per mistake: a band's end is not reported when the next band's start already is.
    static func checkBandNames(_ bands: [AgeBand], _ fields: Fields, _ c: Checker) {
        func named(_ name: String) -> (from: Int, to: Int)? {
            if let m = name.wholeMatch(of: /(\d{1,2}) to (\d{1,2})/), let a = Int(m.1), let b = Int(m.2) { return (a, b) }
            if let m = name.wholeMatch(of: /under (\d{1,2})/), let b = Int(m.1) { return (0, b - 1) }
            return nil
        }
        let marks = Dictionary(fields.pairs.map { ($0.key, $0.value.mark) }, uniquingKeysWith: { first, _ in first })
        let startWrong = bands.map { band in named(band.name).map { $0.from != band.fromAge } ?? false }
        for (k, band) in bands.enumerated() {
            guard let ages = named(band.name), let mark = marks[band.name] else { continue }
            if startWrong[k] {
                c.error("age band '\(band.name)' starts at \(band.fromAge), but its name says \(ages.from): correct the age it starts at, or its name",
                        at: mark)
            } else if ages.to != band.toAge, k + 1 >= bands.count || !startWrong[k + 1] {
                let why = k + 1 < bands.count ? "the next band, '\(bands[k + 1].name)', starts at \(band.toAge + 1)" : "children's bands end at 17"
                c.error("age band '\(band.name)' covers ages \(band.fromAge) to \(band.toAge) (\(why)), but its name says \(ages.from) to \(ages.to)",
                        at: mark)
            }
        }
    }
}
