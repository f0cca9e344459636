import YAMLReader

/// Readers for the value shapes that recur across sections: rates, mixes, per-band tables, distributions.
extension ScenarioReader {
    /// A rate per year: `12.5`, or the evidence behind an estimate: `{events: 42, years: 3}`.
    static func rate(_ node: Node, _ key: String, _ c: Checker) -> Rate? {
        if case .mapping = node.content {
            guard let f = c.fields(node, "'\(key)'", allowed: ["events", "years"]) else { return nil }
            guard let eventsNode = f["events"], let yearsNode = f["years"] else {
                c.error("an estimated rate for '\(key)' needs both 'events' and 'years' (the exposure)", at: node.mark)
                return nil
            }
            guard let events = c.nonNegative(eventsNode, "events"), let years = c.nonNegative(yearsNode, "years")
            else { return nil }
            guard years > 0 else {
                c.error("'years' of exposure must be more than zero", at: yearsNode.mark)
                return nil
            }
            return Rate(events: events, years: years)
        }
        if case .scalar(let s) = node.content, s.style == .plain, s.text.hasSuffix("%"),
           let percent = Double(String(s.text.dropLast())), percent >= 0, percent.isFinite {
            let perYear = String(percent / 100)
            c.error("expected a number for '\(key)', found '\(s.text)': a rate is a number per year, not a percentage; write \(perYear) for \(perYear) a year",
                    at: node.mark)
            return nil
        }
        return c.nonNegative(node, key).map(Rate.init(perYear:))
    }

    /// Shares over `names` (`{foster care: 70%, children's home: 30%}`) that must add up to 100%.
    /// Names not listed get 0. `observed: 120` says the shares were estimated from 120 children or
    /// moves: each replication then draws its own (``Mix/observed``).
    static func mix(_ node: Node, _ key: String, among names: [String], kind: String, _ c: Checker) -> Mix? {
        guard let fields = c.fields(node, "'\(key)'", allowed: nil) else { return nil }
        var shares = Array(repeating: 0.0, count: names.count)
        var observed: Double?
        var ok = true
        for pair in fields.pairs {
            if pair.key == "observed" && !names.contains("observed") {
                guard let n = observedSetting(pair.value, meaning: "how many children or moves the shares were counted from",
                                              without: "shares known exactly", c) else { ok = false; continue }
                observed = n
                continue
            }
            guard let index = c.reference(pair.key, at: pair.keyMark, among: names, kind: kind, hint: { observedHint($0, kind, names) }),
                  let share = c.share(pair.value, pair.key)
            else { ok = false; continue }
            shares[index] = share
        }
        guard ok else { return nil }
        let total = shares.reduce(0, +)
        guard abs(total - 1) < 1e-6 else {
            c.error(sharesMessage(key, total), at: node.mark)
            return nil
        }
        return Mix(shares: shares.map { $0 / total }, observed: observed)
    }

    /// An `observed` setting: a number more than zero, or `none`, which takes the shares as known
    /// exactly; a variant writes `none` to switch off its baseline's `observed` (a variant merges
    /// key by key, so it cannot leave a key out). `.some(nil)` for `none`; `nil` after an error.
    static func observedSetting(_ node: Node, meaning: String, without: String, _ c: Checker) -> Double?? {
        if case .scalar(let s) = node.content {
            let word = s.text.lowercased()
            if word == "none" { return .some(nil) }
            // Other ways of saying "off" (`false`, `no`, `~`, nothing) and near misses of `none`.
            let off = ["false", "no", "off", "null", "~", "0%", ""].contains(word) || Suggestion.nearest(to: word, among: ["none"]) != nil
            if off && s.style == .plain {
                c.error("'observed' is \(meaning): a number more than zero, or 'none' for \(without); found \(node.shortText)"
                        + (word.isEmpty || Suggestion.nearest(to: word, among: ["none"]) == nil ? "" : "; did you mean 'none'?"), at: node.mark)
                return nil
            }
        }
        guard let n = c.number(node, "observed") else { return nil }
        guard n > 0 else {
            c.error("'observed' is \(meaning): more than zero, or leave it out (in a variant, write 'none') for \(without)", at: node.mark)
            return nil
        }
        return n
    }

    /// The message for a misspelt `observed` in a mix (`observd: 40`), when no type is nearer.
    private static func observedHint(_ name: String, _ kind: String, _ names: [String]) -> String? {
        guard !names.contains("observed"), Suggestion.nearest(to: name, among: names) == nil,
              Suggestion.nearest(to: name, among: ["observed"]) != nil
        else { return nil }
        return "unknown \(kind) '\(name)'; did you mean 'observed' (how many children or moves the shares were counted from)?"
    }

    /// A table by age band: keys are band names, or `all` for every band not listed.
    /// Returns one value per band; bands with no entry and no `all` get `missing` (or an error if `nil`).
    static func byBand<T>(
        _ node: Node, _ key: String, bands: [AgeBand], missing: T?, _ c: Checker,
        _ value: (Node, String) -> T?
    ) -> [T]? {
        guard let fields = c.fields(node, "'\(key)'", allowed: nil) else { return nil }
        let names = bands.map(\.name)
        var values = [T?](repeating: nil, count: bands.count)
        var fallback: T?
        var ok = true
        for pair in fields.pairs {
            if pair.key == "all" {
                fallback = value(pair.value, "\(key).\(pair.key)")
                if fallback == nil { ok = false }
                continue
            }
            guard let index = c.reference(pair.key, at: pair.keyMark, among: names + ["all"], kind: "age band"),
                  index < names.count
            else { ok = false; continue }
            guard let v = value(pair.value, "\(key).\(pair.key)") else { ok = false; continue }
            values[index] = v
        }
        guard ok else { return nil }
        var result: [T] = []
        for (index, v) in values.enumerated() {
            if let v = v ?? fallback ?? missing {
                result.append(v)
            } else {
                c.error("'\(key)' has no value for age band '\(names[index])' (give it, or an 'all' entry)", at: node.mark)
                return nil
            }
        }
        return result
    }

    /// `{distribution: gamma, mean: 12 weeks, shape: 4}`.
    static func distribution(_ node: Node, _ key: String, _ c: Checker) -> Distribution? {
        guard let f = c.fields(node, "'\(key)'", allowed: ["distribution", "mean", "shape"]) else { return nil }
        let kinds = Distribution.Kind.allCases.map(\.rawValue)
        var kind = Distribution.Kind.exponential
        if let kindNode = f["distribution"], let text = c.text(kindNode, "distribution") {
            guard let k = Distribution.Kind(rawValue: text) else {
                c.error("unknown distribution '\(text)'\(Suggestion.choices(text, among: kinds))",
                        at: kindNode.mark)
                return nil
            }
            kind = k
        }
        guard let meanNode = f["mean"] else {
            c.error("'\(key)' needs a 'mean' duration, such as 'mean: 12 weeks'", at: node.mark)
            return nil
        }
        guard let mean = c.duration(meanNode, "mean") else { return nil }
        var shape = 1.0
        if kind != .exponential {
            guard let shapeNode = f["shape"] else {
                c.error("a \(kind.rawValue) distribution for '\(key)' needs a 'shape'", at: node.mark)
                return nil
            }
            guard let s = c.number(shapeNode, "shape") else { return nil }
            guard s > 0, s <= 100 else {
                c.error("'shape' must be more than 0 and at most 100, found \(shapeNode.shortText)", at: shapeNode.mark)
                return nil
            }
            shape = s
        } else if let shapeNode = f["shape"] {
            c.error("an exponential distribution has no 'shape'", at: shapeNode.mark)
        }
        return Distribution(kind: kind, meanDays: mean, shape: shape)
    }

    /// A share as a percentage with as many decimals as it needs (to 0.000001%), so that a sum a
    /// rounding away from 100% is not shown as "100%" (`0.9999` → `99.99%`).
    static func percent(_ value: Double) -> String {
        let micro = Int((value * 100_000_000).rounded())  // millionths of a percent
        let whole = micro / 1_000_000, fraction = abs(micro % 1_000_000)
        guard fraction > 0 else { return "\(whole)%" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "\(whole).\(digits)%"
    }

    /// "the shares in 'to' add up to 99.99%, not 100%", with how far off when it is a rounding.
    static func sharesMessage(_ key: String, _ total: Double) -> String {
        let message = "the shares in '\(key)' add up to \(percent(total)), not 100%"
        guard abs(total - 1) <= 0.001 + 1e-9 else { return message }  // 0.1%: three shares rounded to 0.1% each
        return message + " (\(percent(abs(total - 1))) \(total < 1 ? "short" : "over"), a rounding: adjust one share so they add up to exactly 100%)"
    }
}
