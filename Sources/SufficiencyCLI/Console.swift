import Foundation
import YAMLReader

/// Where a command's output goes: standard output and standard error, or buffers in tests.
package struct Console: Sendable {
    package var out: @Sendable (String) -> Void
    package var err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (progress is shown only then).
    package var errIsTerminal: Bool

    package init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, errIsTerminal: Bool) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
    }

    /// The process's own standard output and error.
    ///
    /// Every line passes through ``terminalSafe(_:)`` on its way out, so that text from a file
    /// (a scenario's name, a key) can never send a control sequence to the terminal.
    package static let standard = Console(
        out: { text in FileHandle.standardOutput.write(Data((terminalSafe(text) + "\n").utf8)) },
        err: { text in FileHandle.standardError.write(Data((terminalSafe(text) + "\n").utf8)) },
        errIsTerminal: isatty(2) == 1)

    /// `text` with every control character escaped except the line breaks and tabs the tool's
    /// own output is laid out with (names and keys have those escaped where they are quoted).
    package static func terminalSafe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Escaping.visible($0, keepingTabs: true) }
            .joined(separator: "\n")
    }
}

/// A failure a command reports in words, with the exit status to use.
package struct CommandFailure: Error, Sendable {
    package var message: String
    package var status: Int32
    package init(_ message: String, status: Int32 = 1) {
        self.message = message
        self.status = status
    }
}
