import Dispatch
import Foundation
import Testing
@testable import SufficiencyCLI

@Suite("Progress reporter")
struct ProgressReporterTests {
    @Test("the progress line", arguments: [
        ("Medway baseline", 412, 1000, 3.14, "running 'Medway baseline': 412/1000 replications, 3.1 s"),
        ("Kent", 0, 200, 0, "running 'Kent': 0/200 replications, 0.0 s"),
        ("one", 1, 1, 59.96, "running 'one': 1/1 replication, 60.0 s"),
        ("two homes", 5000, 5000, 125.04, "running 'two homes': 5000/5000 replications, 125.0 s"),
    ])
    func line(label: String, completed: Int, total: Int, seconds: Double, expected: String) {
        #expect(ProgressReporter.line(label: label, completed: completed, total: total, seconds: seconds) == expected)
    }

    /// Collects what a reporter writes, safely from many threads.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks: [String] = []
        var written: [String] { lock.withLock { chunks } }
        func append(_ text: String) { lock.withLock { chunks.append(text) } }
    }

    @Test("counts every advance from many threads and finishes with one final line")
    func concurrentAdvances() throws {
        let sink = Sink()
        let reporter = ProgressReporter(label: "Medway", total: 1000, writer: { sink.append($0) })
        DispatchQueue.concurrentPerform(iterations: 1000) { _ in reporter.advance() }
        reporter.finish()
        reporter.finish()
        reporter.advance(by: 5)

        let written = sink.written
        let last = try #require(written.last)
        #expect(last.hasPrefix("\rrunning 'Medway': 1000/1000 replications, "))
        #expect(last.hasSuffix(" s\u{1B}[K\n"))
        #expect(written.filter { $0.hasSuffix("\n") }.count == 1)
        // The first advance always draws; the rest are throttled, so at least that and the final line.
        #expect(written.first?.hasPrefix("\rrunning 'Medway': ") == true)
        #expect(written.count >= 2)
    }
}
