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
    public var rendered: String {
        guard let mark else {
            return "\(path.map { "\($0): " } ?? "")\(severity.rawValue): \(message)"
        }
        let line = String(mark.source.line(mark.line))
        var caret = ""
        var column = 1
        for scalar in line.unicodeScalars {
            if column >= mark.column { break }
            caret.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            column += 1
        }
        if column < mark.column { caret += String(repeating: " ", count: mark.column - column) }
        return "\(mark): \(severity.rawValue): \(message)\n    \(line)\n    \(caret)^"
    }
}

/// Several diagnostics found together: a file reports all its errors at once where it can.
public struct Diagnostics: Error, Sendable, Equatable {
    public var items: [Diagnostic]
    public init(_ items: [Diagnostic]) { self.items = items }

    /// Every diagnostic rendered, separated by newlines.
    public var rendered: String { items.map(\.rendered).joined(separator: "\n") }
}
