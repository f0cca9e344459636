import YAMLReader

/// Reads values out of a node tree against the scenario schema, collecting every problem as a
/// diagnostic at the offending node instead of stopping at the first.
final class Checker {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ message: String, at mark: Mark) {
        diagnostics.append(Diagnostic(message, at: mark))
    }

    // MARK: Errors that follow from an earlier one
    //
    // One mistake should give one error. A misspelt key ('weekly_cots') is reported with its
    // suggestion; the key it was meant to be is then missing, and the provider it belongs to
    // cannot be built, so every later mention of that provider would be "unknown". Those
    // consequences are not reported again: the checker remembers what each misspelling was
    // taken for, and the names that are defined but were left out because of an error.

    /// Unknown keys that were taken for a valid key ("did you mean"): where their mapping is,
    /// the key meant, and the value written under the misspelling.
    private var misspellings: [(mapping: Mark, meant: String, value: Node)] = []
    /// Names defined in the file but left out because of an error already reported, by kind.
    private var brokenNames: [String: Set<String>] = [:]
    /// Unknown keys reported so far, and how many of them get a "did you mean".
    private var unknownKeys = 0
    static let maxSuggestions = 1_000

    /// The value written under a misspelling of `key` in `fields`' mapping, if there was one.
    func misspelt(_ key: String, in fields: Fields) -> Node? {
        misspellings.first { $0.meant == key && $0.mapping == fields.node.mark }?.value
    }

    /// Reports that `key` is missing from `fields`, unless it was misspelt (already reported).
    func missing(_ key: String, in fields: Fields, _ message: String, at mark: Mark) {
        if misspelt(key, in: fields) == nil { error(message, at: mark) }
    }

    /// Records that a `kind` named `name` is defined but was left out because of an error
    /// already reported, so that references to it are not reported as unknown.
    func defined(_ name: String, kind: String) {
        brokenNames[kind, default: []].insert(name)
    }

    /// Whether any `kind` was left out because of an error already reported.
    func hasBroken(kind: String) -> Bool { !(brokenNames[kind]?.isEmpty ?? true) }

    /// Records the names of the items in a list written under a misspelt key (the `name` of
    /// each mapping in it) as defined, as ``defined(_:kind:)`` does.
    func definedNames(in list: Node, kind: String) {
        guard case .sequence(let items) = list.content else { return }
        for item in items {
            if let name = item.pairs.first(where: { $0.key == "name" || Suggestion.nearest(to: $0.key, among: ["name"]) != nil }),
               case .scalar(let scalar) = name.value.content {
                defined(scalar.text, kind: kind)
            }
        }
    }

    /// The pairs of a mapping node, with unknown keys reported (suggesting the nearest valid one).
    ///
    /// - Parameters:
    ///   - what: how to name the mapping in messages, such as "'entries'" or "the scenario".
    ///   - allowed: the valid keys; `nil` accepts any key (names chosen by the user).
    func fields(_ node: Node, _ what: String, allowed: [String]?) -> Fields? {
        guard case .mapping(let pairs) = node.content else {
            error("expected a mapping of keys and values for \(what), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        if let allowed {
            for pair in pairs where !allowed.contains(pair.key) {
                // Suggestions cost an edit distance per valid key; past the first thousand
                // unknown keys (a generated or corrupt file) nobody reads them, so none is sought.
                let meant = unknownKeys < Checker.maxSuggestions ? Suggestion.nearest(to: pair.key, among: allowed) : nil
                unknownKeys += 1
                if let meant, !pairs.contains(where: { $0.key == meant }) {
                    misspellings.append((node.mark, meant, pair.value))
                }
                error("unknown key '\(pair.key)' in \(what)\(meant.map { "; did you mean '\($0)'?" } ?? "")",
                      at: pair.keyMark)
            }
        }
        return Fields(node: node, pairs: pairs)
    }

    /// The items of a sequence node.
    func items(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let items) = node.content else {
            error("expected a list for \(what), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        return items
    }

    /// A plain or quoted text value.
    func text(_ node: Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node.content else {
            error("expected text for '\(key)', found \(node.kindDescription)", at: node.mark)
            return nil
        }
        return scalar.text
    }

    func bool(_ node: Node, _ key: String) -> Bool? {
        if case .scalar(let s) = node.content, s.style == .plain, case .bool(let value) = s.resolved { return value }
        error("expected true or false for '\(key)', found \(node.shortText)\(quotedHint(node) { if case .bool = $0 { true } else { false } })", at: node.mark)
        return nil
    }

    /// A number written plainly (`12`, `0.5`); quoted numbers are text and rejected.
    func number(_ node: Node, _ key: String) -> Double? {
        if case .scalar(let s) = node.content, s.style == .plain {
            switch s.resolved {
            case .int(let value): return Double(value)
            case .float(let value) where value.isFinite: return value
            default: break
            }
        }
        error("expected a number for '\(key)', found \(node.shortText)\(quotedHint(node, Checker.isNumber))\(commaHint(node))\(spaceHint(node))",
              at: node.mark)
        return nil
    }

    /// A whole number in `range`.
    func whole(_ node: Node, _ key: String, in range: ClosedRange<Int>) -> Int? {
        if case .scalar(let s) = node.content, s.style == .plain, case .int(let value) = s.resolved {
            if range.contains(value) { return value }
            error("'\(key)' must be \(describe(range)), found \(value)", at: node.mark)
            return nil
        }
        error("expected a whole number for '\(key)', found \(node.shortText)\(quotedHint(node) { if case .int = $0 { true } else { false } })\(commaHint(node))",
              at: node.mark)
        return nil
    }

    /// A number that may not be negative.
    func nonNegative(_ node: Node, _ key: String) -> Double? {
        guard let value = number(node, key) else { return nil }
        guard value >= 0 else {
            error("'\(key)' cannot be negative, found \(node.shortText)", at: node.mark)
            return nil
        }
        return value
    }

    /// A share: `30%` or a number from 0 to 1.
    func share(_ node: Node, _ key: String) -> Double? {
        guard let value = percentage(node, key) else { return nil }
        guard (0...1).contains(value) else {
            error("'\(key)' must be a share between 0% and 100%, found \(node.shortText)", at: node.mark)
            return nil
        }
        return value
    }

    /// A yearly change or uplift: `3%`, `-10%`, or a fraction such as 0.03; more than −100%.
    func change(_ node: Node, _ key: String) -> Double? {
        guard let value = percentage(node, key) else { return nil }
        if value <= -1, !isPercentText(node) {
            // '-10' is read as a fraction, -1000%: the writer almost certainly meant '-10%'.
            error("'\(key)' of \(node.shortText) means \(Int((value * 100).rounded()))%; write a percentage such as '\(node.shortText.trimmingQuotes)%'",
                  at: node.mark)
            return nil
        }
        guard value > -1 else {
            error("'\(key)' must be more than -100%, found \(node.shortText)", at: node.mark)
            return nil
        }
        if value >= 1, !isPercentText(node) {
            error("'\(key)' of \(node.shortText) means \(Int(value * 100))%; write a percentage such as '\(node.shortText.trimmingQuotes)%'",
                  at: node.mark)
            return nil
        }
        return value
    }

    /// A percentage `12.5%` as 0.125, or a plain number taken as a fraction.
    func percentage(_ node: Node, _ key: String) -> Double? {
        if case .scalar(let s) = node.content {
            if s.text.hasSuffix("%"), s.style == .plain,
               let value = Double(s.text.dropLast().trimmingCharacters(in: " ")), value.isFinite {
                return value / 100
            }
            if s.style == .plain, !s.text.hasSuffix("%") {
                switch s.resolved {
                case .int(let value): return Double(value)
                case .float(let value) where value.isFinite: return value
                default: break
                }
            }
        }
        let hint = quotedHint(node) { Checker.isNumber($0) || Checker.isPercentage($0) }
        error("expected a percentage such as '30%' for '\(key)', found \(node.shortText)\(hint)\(spaceHint(node))", at: node.mark)
        return nil
    }

    /// Pounds: `850`, `£850`, `£1,250.50`, `£30k`, `£21.2m`.
    func money(_ node: Node, _ key: String) -> Double? {
        if case .scalar(let s) = node.content {
            if s.style == .plain, case .int(let v) = s.resolved, v >= 0 { return Double(v) }
            if s.style == .plain, case .float(let v) = s.resolved, v >= 0, v.isFinite { return v }
            if let value = Checker.parseMoney(s.text) { return value }
        }
        error("expected an amount in pounds such as '£850' for '\(key)', found \(node.shortText)\(moneyHint(node))\(spaceHint(node))", at: node.mark)
        return nil
    }

    static func parseMoney(_ text: String) -> Double? {
        var body = Substring(text)
        if body.hasPrefix("£") { body = body.dropFirst() }
        var scale = 1.0
        if body.hasSuffix("k") { scale = 1_000; body = body.dropLast() }
        else if body.hasSuffix("m") { scale = 1_000_000; body = body.dropLast() }
        // Commas only between groups of thousands: '£1,2500' (a mistyped £1,250 or £12,500) and
        // '£5,20' are errors, not £12,500 and £520.
        let whole = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count == 1 || (1...3).contains(groups[0].count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }), !body.dropFirst(whole.count).contains(",") else { return nil }
        let digits = body.filter { $0 != "," }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value.isFinite
        else { return nil }
        return value * scale
    }

    /// A duration with its unit: `30 days`, `12 weeks`, `18 months`, `2 years`; returned in days.
    /// - Parameters:
    ///   - examples: valid durations for this key, for the message.
    ///   - unitForNumber: the unit to suggest for a number written without one (`5` → `'5 years'`).
    func duration(
        _ node: Node, _ key: String, examples: String = "'12 weeks' or '18 months'", unitForNumber: String? = nil
    ) -> Double? {
        if case .scalar(let s) = node.content, let days = Checker.parseDuration(s.text) {
            guard days > 0 else {
                error("'\(key)' must be longer than zero, found \(node.shortText)", at: node.mark)
                return nil
            }
            return days
        }
        if let unitForNumber, case .scalar(let s) = node.content, s.style == .plain, Checker.isNumber(s.resolved) {
            error("expected a duration with its unit for '\(key)', such as '\(s.text) \(unitForNumber)', found \(node.shortText)",
                  at: node.mark)
            return nil
        }
        error("expected a duration such as \(examples) for '\(key)', found \(node.shortText)\(spaceHint(node))", at: node.mark)
        return nil
    }

    /// Days per unit: a month is 1/12 of an average Gregorian year (365.2425 days).
    static let daysPer: [String: Double] = [
        "day": 1, "days": 1, "week": 7, "weeks": 7,
        "month": 365.2425 / 12, "months": 365.2425 / 12, "year": 365.2425, "years": 365.2425,
    ]

    static func parseDuration(_ text: String) -> Double? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let value = Double(parts[0]), value.isFinite,
              let unit = daysPer[String(parts[1])]
        else { return nil }
        return value * unit
    }

    /// An ISO date `YYYY-MM-DD`.
    func date(_ node: Node, _ key: String) -> Day? {
        if case .scalar(let s) = node.content, let day = Day(iso: Substring(s.text)) { return day }
        let hint = if case .scalar(let s) = node.content { Checker.isoHint(s.text) } else { "" }
        error("expected a date such as '2026-04-01' for '\(key)', found \(node.shortText)\(hint)\(spaceHint(node))", at: node.mark)
        return nil
    }

    /// "; did you mean '2025-04-01'? …" for a real date written another way (``Day/isoSpelling(of:)``); "" otherwise.
    static func isoHint(_ text: String) -> String {
        Day.isoSpelling(of: text).map { "; did you mean '\($0)'? Write dates as year-month-day" } ?? ""
    }

    /// Looks a user-written name up in a list of defined names, suggesting the nearest on a miss.
    ///
    /// A name defined in the file but left out because of an earlier error is not reported again.
    /// - Parameter hint: a message for a name that is not of this kind but means something else
    ///   (a placement type where a provider is expected), used instead of "unknown".
    func reference(
        _ name: String, at mark: Mark, among names: [String], kind: String, hint: ((String) -> String?)? = nil
    ) -> Int? {
        if let index = names.firstIndex(of: name) { return index }
        if brokenNames[kind]?.contains(name) == true { return nil }
        if let message = hint?(name) {
            error(message, at: mark)
            return nil
        }
        let straight = String(name.map { $0 == "\u{2019}" ? "'" : $0 == "\u{00A0}" ? " " : $0 })
        if straight != name, names.contains(straight) {
            // Pasted from a word processor: the same name to the eye, with a curly apostrophe or a no-break space.
            error("unknown \(kind) '\(name)': it is written with a curly apostrophe (’) or a no-break space, as word processors write; type '\(straight)' with a straight apostrophe and ordinary spaces", at: mark)
            return nil
        }
        let known = names.isEmpty ? "" : Suggestion.didYouMean(name, among: names)
        error("unknown \(kind) '\(name)'\(known)", at: mark)
        return nil
    }

    private func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "at least \(range.lowerBound)" }
        return "from \(range.lowerBound) to \(range.upperBound)"
    }

    /// "; it contains a no-break space …" for a value pasted from a word processor, where it looks
    /// like an ordinary space ('5 years') but is not one.
    private func spaceHint(_ node: Node) -> String {
        guard case .scalar(let s) = node.content, s.text.unicodeScalars.contains("\u{00A0}") else { return "" }
        return "; it contains a no-break space (U+00A0), as word processors write: type an ordinary space instead"
    }

    /// "; write '1000' without the comma" for a number written with thousands separators.
    private func commaHint(_ node: Node) -> String {
        guard case .scalar(let s) = node.content, s.text.contains(","), s.text.first != ",", s.text.last != "," else { return "" }
        let plain = s.text.filter { $0 != "," }
        guard Checker.isNumber(Node.Scalar(text: plain, style: .plain).resolved) else { return "" }
        return "; write '\(plain)' without the comma"
    }

    /// "; write '£5.5k'" for an amount that is refused only for its capital K or M, or its spaces.
    private func moneyHint(_ node: Node) -> String {
        guard case .scalar(let s) = node.content else { return "" }
        var fixed = s.text.replacingOccurrences(of: " ", with: "")
        if fixed.hasSuffix("K") || fixed.hasSuffix("M") { fixed = String(fixed.dropLast()) + fixed.suffix(1).lowercased() }
        if s.text.contains(","), Checker.parseMoney(s.text.filter { $0 != "," }) != nil {
            return "; a comma goes between groups of three digits, as in '£1,250' or '£12,500'"
        }
        guard fixed != s.text, Checker.parseMoney(fixed) != nil else { return "" }
        let why = fixed.count == s.text.count ? " (a lower-case 'k' for thousands, 'm' for millions)" : ""
        return "; write '\(fixed)'\(why)"
    }

    /// " in quotes; remove the quotes" when a quoted scalar would be accepted if written plainly.
    private func quotedHint(_ node: Node, _ acceptsPlain: (Resolved) -> Bool) -> String {
        guard case .scalar(let s) = node.content, s.style == .singleQuoted || s.style == .doubleQuoted,
              acceptsPlain(Node.Scalar(text: s.text, style: .plain).resolved)
        else { return "" }
        return " in quotes; remove the quotes"
    }

    private static func isNumber(_ value: Resolved) -> Bool {
        switch value {
        case .int: return true
        case .float(let v): return v.isFinite
        default: return false
        }
    }

    private static func isPercentage(_ value: Resolved) -> Bool {
        guard case .string(let text) = value, text.hasSuffix("%") else { return false }
        return Double(text.dropLast().trimmingCharacters(in: " ")).map(\.isFinite) ?? false
    }

    private func isPercentText(_ node: Node) -> Bool {
        if case .scalar(let s) = node.content { return s.text.hasSuffix("%") }
        return false
    }
}

/// The pairs of one mapping, looked up by key.
struct Fields {
    let node: Node
    let pairs: [Node.Pair]

    subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }
}

extension Node {
    /// "a list", "a mapping" or the scalar quoted, for messages.
    var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return s.text.isEmpty && s.style == .plain ? "nothing" : "'\(s.text)'"
        }
    }

    /// The scalar's text quoted for a message, or what kind of node it is.
    var shortText: String { kindDescription }
}

extension String {
    var trimmingQuotes: String { filter { $0 != "'" } }

    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String { String(self).trimmingCharacters(in: set) }
}
