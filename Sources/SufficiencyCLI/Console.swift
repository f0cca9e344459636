import Foundation

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
    package static let standard = Console(
        out: { text in FileHandle.standardOutput.write(Data((text + "\n").utf8)) },
        err: { text in FileHandle.standardError.write(Data((text + "\n").utf8)) },
        errIsTerminal: isatty(2) == 1)
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
