/// What one command accepts: positional arguments, options with a value, and flags.
///
/// A command declares its spec once; ``parse(_:)`` reads a command line against it and
/// ``helpText()`` describes it, so the two never disagree. The syntax accepted:
/// - `--name value` and `--name=value` for options; repeatable options collect every value
///   (`--set a.b=1 --set c=2`); a non-repeatable option given twice is an error;
/// - `--name` for flags;
/// - `-h` or `--help` anywhere before `--` asks for help, whatever else the line holds;
/// - `--` ends options: everything after it is positional, even if it starts with `-`;
/// - options, flags and positionals may come in any order; a lone `-` is positional.
package struct ArgumentSpec: Sendable {
    /// A positional argument, such as the scenario file.
    package struct Positional: Sendable {
        /// The name shown in help and errors as `<name>`.
        package var name: String
        /// One-line description for the help table.
        package var help: String
        /// Whether the command runs without it.
        package var isOptional: Bool
        /// Whether it takes every remaining positional (then it must come last).
        package var isRepeating: Bool

        /// A positional argument; required and single unless stated.
        package init(_ name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
            self.name = name
            self.help = help
            self.isOptional = isOptional
            self.isRepeating = isRepeating
        }
    }

    /// An option that takes a value, such as `--seed 42`.
    package struct Option: Sendable {
        /// The name without dashes: `seed` for `--seed`.
        package var name: String
        /// The placeholder for the value in help, as `<value>`.
        package var valueName: String
        /// One-line description for the help table.
        package var help: String
        /// Whether it may be given more than once, collecting every value.
        package var isRepeatable: Bool

        /// An option; not repeatable unless stated.
        package init(_ name: String, value valueName: String, help: String, isRepeatable: Bool = false) {
            self.name = name
            self.valueName = valueName
            self.help = help
            self.isRepeatable = isRepeatable
        }
    }

    /// An option without a value, such as `--resolved`.
    package struct Flag: Sendable {
        /// The name without dashes.
        package var name: String
        /// One-line description for the help table.
        package var help: String

        /// A flag.
        package init(_ name: String, help: String) {
            self.name = name
            self.help = help
        }
    }

    /// The command as typed, for the usage line: `sufficiency run`.
    package var command: String
    /// A sentence or two on what the command does, shown under the usage line.
    package var summary: String
    /// Positional arguments, in order: required ones, then optional ones, then at most one repeating.
    package var positionals: [Positional]
    /// Options with a value.
    package var options: [Option]
    /// Flags.
    package var flags: [Flag]

    /// A spec; its names are checked once here, as they are the program's, not the user's.
    ///
    /// - Precondition: option and flag names are distinct, not `help` or `h`, and do not start
    ///   with `-`; no required positional follows an optional one; only the last may repeat.
    package init(
        command: String, summary: String, positionals: [Positional] = [], options: [Option] = [], flags: [Flag] = []
    ) {
        let names = options.map(\.name) + flags.map(\.name)
        precondition(Set(names).count == names.count, "option and flag names must be distinct: \(names)")
        precondition(
            names.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.contains("=") && $0 != "help" && $0 != "h" },
            "option names are given without dashes, and 'help' is built in: \(names)")
        for (index, positional) in positionals.enumerated() {
            precondition(!positional.isRepeating || index == positionals.count - 1, "only the last positional may repeat")
            precondition(
                positional.isOptional || !positionals[..<index].contains(where: \.isOptional),
                "required positional <\(positional.name)> follows an optional one")
        }
        self.command = command
        self.summary = summary
        self.positionals = positionals
        self.options = options
        self.flags = flags
    }

    /// The usage line: `usage: sufficiency run [options] <scenario> [<more>...]`.
    package var usage: String {
        var parts = ["usage: sufficiency", command, "[options]"]
        for positional in positionals {
            let name = "<\(positional.name)>" + (positional.isRepeating ? "..." : "")
            parts.append(positional.isOptional ? "[\(name)]" : name)
        }
        return parts.joined(separator: " ")
    }

    /// The full help: usage, summary, then tables of arguments and options with their help.
    ///
    ///     usage: sufficiency run [options] <scenario>
    ///
    ///     Runs a scenario and writes its projections.
    ///
    ///     arguments:
    ///       <scenario>          the scenario file
    ///
    ///     options:
    ///       --seed <n>          master seed for the replications
    ///       -h, --help          show this help
    package func helpText() -> String {
        let argumentRows = positionals.map { ("<\($0.name)>" + ($0.isRepeating ? "..." : ""), $0.help) }
        let optionRows =
            options.map { ("--\($0.name) <\($0.valueName)>", $0.help + ($0.isRepeatable ? " (repeatable)" : "")) }
            + flags.map { ("--\($0.name)", $0.help) }
            + [("-h, --help", "show this help")]
        let allLeft = (argumentRows + optionRows).map(\.0.count)
        let column = min(allLeft.max() ?? 0, Self.widestLeftColumn) + 2

        var lines = [usage]
        if !summary.isEmpty { lines += ["", summary] }
        if !argumentRows.isEmpty { lines += ["", "arguments:"] + argumentRows.flatMap { Self.row($0, $1, column: column) } }
        lines += ["", "options:"] + optionRows.flatMap { Self.row($0, $1, column: column) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The widest left column before help moves to a line of its own.
    static let widestLeftColumn = 24

    /// One table row, indented two spaces; help on the next line if the left side is too wide.
    private static func row(_ left: String, _ help: String, column: Int) -> [String] {
        let indent = "  "
        if help.isEmpty { return [indent + left] }
        if left.count + 2 > column {
            return [indent + left, indent + String(repeating: " ", count: column) + help]
        }
        return [indent + left + String(repeating: " ", count: column - left.count) + help]
    }
}
