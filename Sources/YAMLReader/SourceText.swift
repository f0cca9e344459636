/// The text of one source file, shared by every node and diagnostic that points into it.
///
/// Immutable, so it can be shared freely between threads.
public final class SourceText: Sendable {
    /// The path as the user wrote it (used verbatim in diagnostics).
    public let path: String
    /// The whole text, as read.
    public let text: String
    /// The text split into lines, without their line terminators (`\n` or `\r\n`).
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// The line with the given 1-based number, or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }
}

/// A position in a source file: 1-based line and 1-based column (counted in Unicode scalars).
public struct Mark: Sendable, CustomStringConvertible {
    public let source: SourceText
    public let line: Int
    public let column: Int

    public init(source: SourceText, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the prefix of every diagnostic.
    public var description: String { "\(source.path):\(line):\(column)" }
}

extension Mark: Equatable {
    public static func == (a: Mark, b: Mark) -> Bool {
        a.source === b.source && a.line == b.line && a.column == b.column
    }
}
