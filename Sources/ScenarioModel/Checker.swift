import YAMLReader

/// Reads values out of a node tree against the scenario schema, collecting every problem as a
/// diagnostic at the offending node instead of stopping at the first.
final class Checker {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ message: String, at mark: Mark) {
        diagnostics.append(Diagnostic(message, at: mark))
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
                error("unknown key '\(pair.key)' in \(what)\(Suggestion.didYouMean(pair.key, among: allowed))",
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
        error("expected a number for '\(key)', found \(node.shortText)\(quotedHint(node, Checker.isNumber))", at: node.mark)
        return nil
    }

    /// A whole number in `range`.
    func whole(_ node: Node, _ key: String, in range: ClosedRange<Int>) -> Int? {
        if case .scalar(let s) = node.content, s.style == .plain, case .int(let value) = s.resolved {
            if range.contains(value) { return value }
            error("'\(key)' must be \(describe(range)), found \(value)", at: node.mark)
            return nil
        }
        error("expected a whole number for '\(key)', found \(node.shortText)\(quotedHint(node) { if case .int = $0 { true } else { false } })",
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
        error("expected a percentage such as '30%' for '\(key)', found \(node.shortText)\(hint)", at: node.mark)
        return nil
    }

    /// Pounds: `850`, `£850`, `£1,250.50`, `£30k`, `£21.2m`.
    func money(_ node: Node, _ key: String) -> Double? {
        if case .scalar(let s) = node.content {
            if s.style == .plain, case .int(let v) = s.resolved, v >= 0 { return Double(v) }
            if s.style == .plain, case .float(let v) = s.resolved, v >= 0, v.isFinite { return v }
            if let value = Checker.parseMoney(s.text) { return value }
        }
        error("expected an amount in pounds such as '£850' for '\(key)', found \(node.shortText)", at: node.mark)
        return nil
    }

    static func parseMoney(_ text: String) -> Double? {
        var body = Substring(text)
        if body.hasPrefix("£") { body = body.dropFirst() }
        var scale = 1.0
        if body.hasSuffix("k") { scale = 1_000; body = body.dropLast() }
        else if body.hasSuffix("m") { scale = 1_000_000; body = body.dropLast() }
        let digits = body.filter { $0 != "," }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value.isFinite
        else { return nil }
        return value * scale
    }

    /// A duration with its unit: `30 days`, `12 weeks`, `18 months`, `2 years`; returned in days.
    func duration(_ node: Node, _ key: String) -> Double? {
        if case .scalar(let s) = node.content, let days = Checker.parseDuration(s.text) {
            guard days > 0 else {
                error("'\(key)' must be longer than zero, found \(node.shortText)", at: node.mark)
                return nil
            }
            return days
        }
        error("expected a duration such as '12 weeks' or '18 months' for '\(key)', found \(node.shortText)",
              at: node.mark)
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
        error("expected a date such as '2026-04-01' for '\(key)', found \(node.shortText)", at: node.mark)
        return nil
    }

    /// Looks a user-written name up in a list of defined names, suggesting the nearest on a miss.
    func reference(_ name: String, at mark: Mark, among names: [String], kind: String) -> Int? {
        if let index = names.firstIndex(of: name) { return index }
        let known = names.isEmpty ? "" : Suggestion.didYouMean(name, among: names)
        error("unknown \(kind) '\(name)'\(known)", at: mark)
        return nil
    }

    private func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "at least \(range.lowerBound)" }
        return "from \(range.lowerBound) to \(range.upperBound)"
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
