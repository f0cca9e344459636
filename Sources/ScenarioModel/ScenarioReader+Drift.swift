import YAMLReader

/// The sections that say how rates and ages depart from a flat, even picture: ages within a band,
/// trends and dated changes in exit rates, and year-to-year variability.
extension ScenarioReader {
    /// `{under 1: {at birth: 75%, 0: 25%}, 10 to 15: {10: 10%, …, 15: 24%}}`: for each band named,
    /// shares over its whole years of age (and, for entries, `at birth`) adding up to 100%.
    static func agesWithinBands(_ node: Node, _ key: String, bands: [AgeBand], allowBirth: Bool, _ c: Checker)
        -> [AgesWithinBand?]
    {
        var result = [AgesWithinBand?](repeating: nil, count: bands.count)
        guard let fields = c.fields(node, "'\(key)'", allowed: nil) else { return result }
        for pair in fields.pairs {
            guard let b = c.reference(pair.key, at: pair.keyMark, among: bands.map(\.name), kind: "age band"),
                  let shares = c.fields(pair.value, "'\(key).\(pair.key)'", allowed: nil)
            else { continue }
            let band = bands[b]
            var ages = AgesWithinBand(atBirth: 0, byAge: Array(repeating: 0, count: band.toAge - band.fromAge + 1))
            var ok = true
            for share in shares.pairs {
                if share.key == "observed" {
                    c.error("'observed' is for mixes of placements (first placements, moves, pathways), not for ages within a band; leave it out",
                            at: share.keyMark)
                    ok = false
                    continue
                }
                guard let value = c.share(share.value, share.key) else { ok = false; continue }
                if share.key == "at birth", allowBirth, band.fromAge == 0 {
                    ages.atBirth = value
                } else if let age = Int(share.key), (band.fromAge...band.toAge).contains(age) {
                    ages.byAge[age - band.fromAge] = value
                } else {
                    let birth = allowBirth && band.fromAge == 0 ? "'at birth' or " : ""
                    c.error("expected \(birth)a whole age from \(band.fromAge) to \(band.toAge) in '\(key).\(pair.key)', found '\(share.key)'",
                            at: share.keyMark)
                    ok = false
                }
            }
            let total = ages.atBirth + ages.byAge.reduce(0, +)
            guard ok else { continue }
            guard abs(total - 1) < 1e-6 else {
                c.error(sharesMessage("\(key).\(pair.key)", total), at: pair.value.mark)
                continue
            }
            result[b] = ages
        }
        return result
    }

    /// `changes: [{from: 2026-04-01, change: 20%, reasons: [special guardianship], age_bands: [1 to 4]}]`.
    static func exitChanges(_ node: Node, reasons: [String], bands: [AgeBand], _ c: Checker) -> [ExitChange] {
        guard let items = c.items(node, "'changes'") else { return [] }
        return items.compactMap { item in
            guard let f = c.fields(item, "a change in exits", allowed: ["from", "change", "reasons", "age_bands"]) else {
                return nil
            }
            guard let fromNode = f["from"], let changeNode = f["change"] else {
                c.error("a change in exits needs 'from' (a date) and 'change' (such as 20%)", at: item.mark)
                return nil
            }
            let selectedBands = names(f["age_bands"], "age_bands", among: bands.map(\.name), kind: "age band", c)
            let selectedReasons = names(f["reasons"], "reasons", among: reasons, kind: "exit reason", c)
            guard let from = c.date(fromNode, "from"), let change = c.change(changeNode, "change") else { return nil }
            return ExitChange(from: from, factor: 1 + change, bands: selectedBands, reasons: selectedReasons)
        }
    }

    /// A list of names, each resolved to its index among `names`.
    static func names(_ node: Node?, _ key: String, among names: [String], kind: String, _ c: Checker) -> [Int] {
        guard let node, let list = c.items(node, "'\(key)'") else { return [] }
        return list.compactMap { item in
            c.text(item, key).flatMap { c.reference($0, at: item.mark, among: names, kind: kind) }
        }
    }

    /// `variability: {entries: 10%, exits: 8%, moves: 15%, placements: 20%, rates_averaged_over: 3 years,
    /// rates_as_of: 2021-03-31}`: the standard deviation of each year's step in the log of the rates
    /// (and of each placement type's weight in placements), the years the rates are means over, and
    /// the date their window ends when that is before the start.
    static func variability(_ node: Node, start: Day?, _ c: Checker) -> Variability {
        guard let f = c.fields(node, "'variability'", allowed: ["entries", "exits", "moves", "placements", "rates_averaged_over", "rates_as_of"])
        else { return Variability() }
        var years = 1.0
        if let node = f["rates_averaged_over"], let days = c.duration(node, "rates_averaged_over") {
            years = days / 365.2425
            if years < 1 - 1e-9 || years > 50 {
                c.error("'rates_averaged_over' must be from 1 year to 50 years, found \(node.shortText)", at: node.mark)
                years = 1
            }
        }
        var before = 0.0
        if let node = f["rates_as_of"], let day = c.date(node, "rates_as_of"), let start {
            before = Double(start.number - day.number - 1) / 365.2425
            if day >= start {
                c.error("'rates_as_of' is the end of the years the rates were estimated from, so before the start (\(start)); found \(day)", at: node.mark)
                before = 0
            } else if before > 50 {
                c.error("'rates_as_of' is more than 50 years before the start", at: node.mark)
                before = 0
            }
        }
        return Variability(entries: f["entries"].flatMap { c.share($0, "entries") } ?? 0,
                           exits: f["exits"].flatMap { c.share($0, "exits") } ?? 0,
                           moves: f["moves"].flatMap { c.share($0, "moves") } ?? 0,
                           placements: f["placements"].flatMap { c.share($0, "placements") } ?? 0, averagedYears: years,
                           yearsBeforeStart: before)
    }
}
