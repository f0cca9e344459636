/// What a command line said, read against a command's ``ArgumentSpec``, with typed accessors.
///
/// Names are the spec's, without dashes. Asking for a name the spec does not declare is a
/// programming error and stops the program; every problem in the user's text is an
/// ``ArgumentError``.
package struct Arguments: Sendable {
    /// The spec the command line was read against.
    package let spec: ArgumentSpec
    /// Values of options, by name, in the order given.
    var optionValues: [String: [String]] = [:]
    /// Flags that were given.
    var givenFlags: Set<String> = []
    /// Positional values, by name; a repeating positional may hold several.
    var positionalValues: [String: [String]] = [:]

    /// Empty arguments for `spec`; filled in by ``ArgumentSpec/parse(_:)``.
    init(spec: ArgumentSpec) {
        self.spec = spec
    }

    /// The value of a single positional argument, or `nil` if an optional one was not given.
    package func positional(_ name: String) -> String? {
        precondition(spec.positionals.contains { $0.name == name && !$0.isRepeating }, "no single positional <\(name)>")
        return positionalValues[name]?.first
    }

    /// Every value of a repeating positional argument, in order.
    package func positionals(_ name: String) -> [String] {
        precondition(spec.positionals.contains { $0.name == name && $0.isRepeating }, "no repeating positional <\(name)>")
        return positionalValues[name] ?? []
    }

    /// Whether a flag was given.
    package func flag(_ name: String) -> Bool {
        precondition(spec.flags.contains { $0.name == name }, "no flag --\(name)")
        return givenFlags.contains(name)
    }

    /// The value of a non-repeatable option, or `nil` if it was not given.
    package func string(_ name: String) -> String? {
        precondition(spec.options.contains { $0.name == name && !$0.isRepeatable }, "no single option --\(name)")
        return optionValues[name]?.first
    }

    /// Every value of a repeatable option, in the order given.
    package func strings(_ name: String) -> [String] {
        precondition(spec.options.contains { $0.name == name && $0.isRepeatable }, "no repeatable option --\(name)")
        return optionValues[name] ?? []
    }

    /// An option's value as a whole number, or `nil` if it was not given.
    /// - Throws: "'--seed' expects a whole number, found 'x'".
    package func int(_ name: String) throws(ArgumentError) -> Int? {
        try int(name, where: { _ in true }, expected: "a whole number")
    }

    /// An option's value as a whole number no smaller than `lower`, or `nil` if not given.
    /// - Throws: "'--replications' expects a whole number from 1 up, found '0'".
    package func int(_ name: String, atLeast lower: Int) throws(ArgumentError) -> Int? {
        try int(name, where: { $0 >= lower }, expected: "a whole number from \(lower) up")
    }

    /// An option's value as a whole number within `range`, or `nil` if not given.
    /// - Throws: "'--threads' expects a whole number from 1 to 64, found '65'".
    package func int(_ name: String, in range: ClosedRange<Int>) throws(ArgumentError) -> Int? {
        try int(name, where: range.contains, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }

    /// An option's value as a finite decimal number (`2.5`, `-1`, `1e3`), or `nil` if not given.
    /// - Throws: "'--years' expects a number, found 'five'".
    package func double(_ name: String) throws(ArgumentError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw ArgumentError(.invalidValue(option: "--\(name)", expected: "a number", found: text))
        }
        return value
    }

    /// An option's value as a whole number accepted by `isValid`, described by `expected` in errors.
    private func int(_ name: String, where isValid: (Int) -> Bool, expected: String) throws(ArgumentError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), isValid(value) else {
            throw ArgumentError(.invalidValue(option: "--\(name)", expected: expected, found: text))
        }
        return value
    }
}

/// The outcome of reading a command line: arguments to run with, or a request for help.
package enum ParseResult: Sendable {
    /// The command line is valid; run the command with these.
    case arguments(Arguments)
    /// `-h` or `--help` was given; print ``ArgumentSpec/helpText()`` and exit successfully.
    case help
}
