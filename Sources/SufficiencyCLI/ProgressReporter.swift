import Foundation

/// A one-line progress report on standard error while Monte Carlo replications run:
///
///     running 'Medway baseline': 412/1000 replications, 3.1 s
///
/// The line is redrawn in place (carriage return, then erase to end of line) at most ten
/// times a second, and left on screen with a newline by ``finish()``. It is written only
/// when standard error is a terminal, so redirected output, CI logs and tests stay clean.
///
/// Replications call ``advance(by:)`` from many threads at once, so the count and the
/// redraw are guarded by a lock. It is an `NSLock` rather than `Synchronization.Mutex`
/// because `Mutex` needs macOS 15 and the package declares no minimum platform; the
/// class is `@unchecked Sendable` on the strength of that lock: every mutable property
/// is read and written only while holding it.
///
/// Named `ProgressReporter`, not `Progress`, so it never clashes with Foundation's `Progress`.
package final class ProgressReporter: @unchecked Sendable {
    /// Where lines go: standard error, or a sink in tests; `nil` to report nothing.
    package typealias Writer = @Sendable (String) -> Void

    /// The run's name, shown quoted.
    private let label: String
    /// Replications in the whole run.
    private let total: Int
    /// Where to write, or `nil` for silence.
    private let writer: Writer?
    /// When the run started.
    private let start: ContinuousClock.Instant
    /// The shortest time between two redraws.
    private static let interval: Duration = .milliseconds(100)

    /// Guards everything below.
    private let lock = NSLock()
    /// Replications completed so far.
    private var completed = 0
    /// When the line was last drawn, if ever.
    private var lastDrawn: ContinuousClock.Instant?
    /// Whether ``finish()`` has run.
    private var isFinished = false

    /// A reporter for `total` replications of the run called `label`, writing to standard
    /// error if and only if it is a terminal.
    package convenience init(label: String, total: Int) {
        self.init(label: label, total: total, writer: isatty(2) == 1 ? Self.writeToStandardError : nil)
    }

    /// A reporter writing to `writer`, or silent if it is `nil`.
    package init(label: String, total: Int, writer: Writer?) {
        self.label = label
        self.total = total
        self.writer = writer
        self.start = ContinuousClock.now
    }

    /// Records `count` more completed replications, redrawing the line if it is time to.
    /// Safe to call from any thread; does nothing after ``finish()``.
    package func advance(by count: Int = 1) {
        guard writer != nil else { return }
        let now = ContinuousClock.now
        lock.withLock {
            guard !isFinished else { return }
            completed += count
            if let lastDrawn, now - lastDrawn < Self.interval { return }
            lastDrawn = now
            draw(now: now, ending: "\u{1B}[K")
        }
    }

    /// Draws the final count and ends the line; later calls do nothing.
    package func finish() {
        guard writer != nil else { return }
        let now = ContinuousClock.now
        lock.withLock {
            guard !isFinished else { return }
            isFinished = true
            draw(now: now, ending: "\u{1B}[K\n")
        }
    }

    /// Writes the current line; the caller holds the lock.
    private func draw(now: ContinuousClock.Instant, ending: String) {
        let elapsed = now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        writer?("\r" + Self.line(label: label, completed: completed, total: total, seconds: seconds) + ending)
    }

    /// The text of the progress line: `running 'Medway baseline': 412/1000 replications, 3.1 s`.
    ///
    /// Seconds are shown with one decimal, with '.' whatever the locale.
    package static func line(label: String, completed: Int, total: Int, seconds: Double) -> String {
        let noun = total == 1 ? "replication" : "replications"
        return "running '\(label)': \(completed)/\(total) \(noun), \(String(format: "%.1f", seconds)) s"
    }

    /// Writes `text` to file descriptor 2 in full.
    private static let writeToStandardError: Writer = { text in
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
