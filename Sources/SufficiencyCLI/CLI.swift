import Foundation
import Reports
import YAMLReader

/// The command-line front end: parses arguments, runs a command, returns an exit code.
///
/// Exit status: 0 success; 1 a problem in the input (scenario, data, output folder); 2 a usage error.
public enum CLI {
    /// The tool's version, recorded in every run.json.
    public static let version = "0.1.0"

    /// A command: its argument spec and what it does.
    struct Command: Sendable {
        var spec: ArgumentSpec
        var run: @Sendable (Arguments, Console) throws -> Int32
    }

    static let commands: [Command] = [
        RunCommand.command, MergeCommand.command, CompareCommand.command, SweepCommand.command, ValidateCommand.command, ParseCommand.command,
        ReportCommand.command,
        CalibrateCommand.command, SynthCommand.command, BacktestCommand.command, BenchCommand.command,
    ]

    /// Runs the command named by `arguments` (without the program name) and returns the exit status.
    public static func main(_ arguments: [String]) -> Int32 {
        run(arguments, console: .standard)
    }

    package static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let name = arguments.first, !["-h", "--help", "help"].contains(name) else {
            console.out(overview)
            return arguments.isEmpty ? 2 : 0
        }
        if name == "--version" {
            console.out("sufficiency \(version)")
            return 0
        }
        guard let command = commands.first(where: { $0.spec.command == name }) else {
            let names = commands.map(\.spec.command)
            console.err("error: unknown command '\(Escaping.visible(name))'\(Suggestion.didYouMean(name, among: names))")
            console.err("run 'sufficiency --help' for the commands")
            return 2
        }
        do {
            switch try command.spec.parse(Array(arguments.dropFirst())) {
            case .help:
                console.out(command.spec.helpText())
                return 0
            case .arguments(let parsed):
                return try command.run(parsed, console)
            }
        } catch let error as ArgumentError {
            console.err("error: \(Escaping.visible(error.message))")
            console.err(command.spec.usage)
            return 2
        } catch let error as Diagnostics {
            console.err(error.rendered)
            return 1
        } catch let error as Diagnostic {
            console.err(error.rendered)
            return 1
        } catch let error as CommandFailure {
            console.err("error: \(Escaping.visible(error.message))")
            return error.status
        } catch let error as FileError {
            console.err(error.description)
            return 1
        } catch let error as OutputDirectoryError {
            console.err("error: \(error.description)")
            return 1
        } catch {
            console.err("error: \(error)")
            return 1
        }
    }

    static var overview: String {
        let width = commands.map(\.spec.command.count).max() ?? 0
        let lines = commands.map { "  " + $0.spec.command.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.spec.summary }
        return """
            sufficiency \(version): forecasts demand for places for children in care, and what they cost.

            usage: sufficiency <command> [arguments]

            commands:
            \(lines.joined(separator: "\n"))

            Run 'sufficiency <command> --help' for a command's arguments.
            """
    }
}
