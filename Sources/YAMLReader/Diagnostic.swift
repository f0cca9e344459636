/// A problem found in a source file, at a position, in words a person can act on.
///
/// Every stage (the YAML reader, the scenario schema, the SSDA903 importer) reports
/// problems as diagnostics; they are rendered in exactly one place, ``rendered``.
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    /// Where the problem is; `nil` for problems that belong to no position (a missing file).
    public var mark: Mark?
    /// The path to name when there is no mark.
    public var path: String?
    /// Lower-case message; the user's own text quoted in '…'.
    public var message: String

    public init(_ message: String, at mark: Mark, severity: Severity = .error) {
        self.severity = severity
        self.mark = mark
        self.path = mark.source.path
        self.message = message
    }

    public init(_ message: String, path: String?, severity: Severity = .error) {
        self.severity = severity
        self.mark = nil
        self.path = path
        self.message = message
    }

    /// The rendered form, as compilers print it:
    ///
    ///     scenarios/medway.yaml:12:18: error: expected a number for 'weekly_cost', found 'abc'
    ///         weekly_cost: abc
    ///                      ^
    ///
    /// Control characters in the message and the line are shown as escapes (``Escaping``), and a
    /// line longer than ``maxEchoWidth`` is cut to a window around the caret, marked with `…`.
    public var rendered: String {
        guard let mark else {
            return "\(path.map { "\(Escaping.visible($0)): " } ?? "")\(severity.rawValue): \(shownMessage)"
        }
        var line = Substring(mark.source.line(mark.line))
        if mark.line == 1 && line.unicodeScalars.first == "\u{FEFF}" { line = line.dropFirst() }  // the reader skips it too
        // A window of about maxEchoWidth characters around the caret, without reading the
        // whole of a very long line character by character.
        let scalars = line.unicodeScalars
        let count = scalars.count
        let caretAt = max(0, mark.column - 1)
        var first = 0
        var last = count
        if count > Self.maxEchoWidth {
            first = max(0, min(caretAt - Self.maxEchoWidth / 2, count - Self.maxEchoWidth))
            last = first + Self.maxEchoWidth
        }
        var echo = first > 0 ? "…" : ""
        var caret = first > 0 ? " " : ""
        for (offset, scalar) in scalars.dropFirst(first).prefix(last - first).enumerated() {
            let shown = Escaping.visible(scalar, keepingTabs: true)
            echo += shown
            if first + offset < caretAt { caret += scalar == "\t" ? "\t" : String(repeating: " ", count: shown.count) }
        }
        if last < count { echo += "…" }
        if caretAt > last { caret += String(repeating: " ", count: caretAt - last) }
        return "\(Escaping.visible(mark.description)): \(severity.rawValue): \(shownMessage)\n    \(echo)\n    \(caret)^"
    }

    /// The widest source line echoed whole, in characters; longer lines are cut around the caret.
    public static let maxEchoWidth = 120

    /// The longest message shown whole, in characters; a longer one (quoting a very long key or
    /// value) keeps its start and its end (where a suggestion is) around a `…`.
    public static let maxMessageLength = 400

    /// The message with control characters escaped and its middle cut if it is too long.
    private var shownMessage: String {
        let scalars = message.unicodeScalars
        guard scalars.count > Self.maxMessageLength else { return Escaping.visible(message) }
        let head = String(String.UnicodeScalarView(scalars.prefix(Self.maxMessageLength * 2 / 3)))
        let tail = String(String.UnicodeScalarView(scalars.suffix(Self.maxMessageLength / 4)))
        return Escaping.visible(head) + " … " + Escaping.visible(tail)
    }
}

/// Several diagnostics found together: a file reports all its errors at once where it can.
public struct Diagnostics: Error, Sendable, Equatable {
    public var items: [Diagnostic]
    public init(_ items: [Diagnostic]) { self.items = items }

    /// The most diagnostics rendered; the rest are counted ("… and 899,990 more errors").
    public static let maxRendered = 10

    /// Every diagnostic rendered, separated by newlines, up to ``maxRendered`` of them; a count
    /// of the rest follows, so that a file with thousands of problems gives a screenful.
    public var rendered: String {
        var text = items.prefix(Self.maxRendered).map(\.rendered).joined(separator: "\n")
        let rest = items.count - Self.maxRendered
        if rest > 0 {
            let errors = items.dropFirst(Self.maxRendered).filter { $0.severity == .error }.count
            let what = errors == rest ? (rest == 1 ? "error" : "errors") : (rest == 1 ? "problem" : "problems")
            text += "\n… and \(Diagnostics.grouped(rest)) more \(what)"
        }
        return text
    }

    /// `n` with thousands separators: `899,990`.
    static func grouped(_ n: Int) -> String {
        var digits = String(n)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }
}
