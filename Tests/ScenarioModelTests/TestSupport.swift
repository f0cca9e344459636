import Foundation
import Testing
import YAMLReader
@testable import ScenarioModel

/// Scenario texts in memory, and helpers to load them and render what goes wrong.
enum Fixture {
    /// A small valid scenario: one placement type with two providers, entries for every band.
    static let minimal = """
        start: 2025-04-01
        placements:
          foster care:
            providers:
              - name: in-house fostering
                capacity: 10
                weekly_cost: £500
              - name: agency fostering
                weekly_cost: £900
        entries:
          per_year: {all: 10}
          first_placement: {all: {foster care: 100%}}

        """

    /// A loader reading from `files` (path → text); a missing path fails as a missing file does.
    static func loader(_ files: [String: String]) -> ScenarioLoader {
        ScenarioLoader { path in
            guard let text = files[path] else { throw Diagnostic("no such file", path: path) }
            return text
        }
    }

    /// Loads `path` from `files`: the scenario, or `nil` and the rendered diagnostics.
    static func load(
        _ path: String, _ files: [String: String], overrides: [String] = []
    ) -> (scenario: Scenario?, errors: String) {
        do {
            return (try loader(files).load(path, overrides: overrides), "")
        } catch let d as Diagnostics {
            return (nil, d.rendered)
        } catch {
            return (nil, "unexpected error: \(error)")
        }
    }

    /// The rendered diagnostics for one file (empty when it is valid).
    static func errors(_ text: String, path: String = "s.yaml", overrides: [String] = []) -> String {
        load(path, [path: text], overrides: overrides).errors
    }

    /// The scenario in one file; records an issue if it does not validate.
    static func scenario(_ text: String, path: String = "s.yaml", overrides: [String] = []) -> Scenario? {
        let (scenario, errors) = load(path, [path: text], overrides: overrides)
        if scenario == nil { Issue.record("expected a valid scenario, got:\n\(errors)") }
        return scenario
    }

    /// `minimal` with one piece of text replaced (it must occur exactly once).
    static func minimal(replacing old: String, with new: String) -> String {
        precondition(minimal.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        return minimal.replacingOccurrences(of: old, with: new)
    }

    /// One diagnostic as `Diagnostics` renders it for `s.yaml`: the header, the line and a caret under `column`.
    static func rendered(_ line: Int, _ column: Int, _ message: String, _ source: String) -> String {
        "s.yaml:\(line):\(column): error: \(message)\n    \(source)\n    \(String(repeating: " ", count: column - 1))^"
    }

    /// The repository root, found from this file's path.
    static var repoRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // TestSupport.swift, ScenarioModelTests, Tests
        return url
    }
}
