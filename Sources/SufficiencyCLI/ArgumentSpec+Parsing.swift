import YAMLReader

extension ArgumentSpec {
    /// Reads `commandLine` (the words after the command name) against this spec.
    ///
    /// - Returns: ``ParseResult/help`` if `-h` or `--help` appears before `--`, else the arguments.
    /// - Throws: the first ``ArgumentError`` found, reading left to right.
    /// - Complexity: O(*n*) in the number of words, plus a suggestion search for an unknown option.
    package func parse(_ commandLine: [String]) throws(ArgumentError) -> ParseResult {
        for word in commandLine {
            if word == "--" { break }
            if word == "-h" || word == "--help" { return .help }
        }

        var result = Arguments(spec: self)
        var loose: [String] = []
        var endOfOptions = false
        var index = 0
        while index < commandLine.count {
            let word = commandLine[index]
            index += 1
            if endOfOptions || word == "-" || !word.hasPrefix("-") {
                loose.append(word)
            } else if word == "--" {
                endOfOptions = true
            } else if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                if let option = options.first(where: { $0.name == name }) {
                    var value = inline
                    if value == nil, index < commandLine.count, !commandLine[index].hasPrefix("--") {
                        value = commandLine[index]
                        index += 1
                    }
                    guard let value, !value.isEmpty else { throw ArgumentError(.missingValue(option: "--\(name)")) }
                    if !option.isRepeatable && result.optionValues[name] != nil {
                        throw ArgumentError(.repeatedOption("--\(name)"))
                    }
                    result.optionValues[name, default: []].append(value)
                } else if flags.contains(where: { $0.name == name }) {
                    if let inline { throw ArgumentError(.flagWithValue(flag: "--\(name)", value: inline)) }
                    result.givenFlags.insert(name)
                } else {
                    throw unknownOption("--\(name)")
                }
            } else {
                throw unknownOption(String(word.prefix { $0 != "=" }))
            }
        }
        try assignPositionals(loose, to: &result)
        return .arguments(result)
    }

    /// An unknown-option error, suggesting the nearest option, flag or `--help`.
    private func unknownOption(_ typed: String) -> ArgumentError {
        let known = options.map { "--\($0.name)" } + flags.map { "--\($0.name)" } + ["--help"]
        return ArgumentError(.unknownOption(typed, suggestion: Suggestion.nearest(to: typed, among: known)))
    }

    /// Hands the positional words to the spec's positionals in order.
    private func assignPositionals(_ words: [String], to result: inout Arguments) throws(ArgumentError) {
        var remaining = words[...]
        for positional in positionals {
            if positional.isRepeating {
                if !positional.isOptional && remaining.isEmpty { throw ArgumentError(.missingArgument(positional.name)) }
                result.positionalValues[positional.name] = Array(remaining)
                remaining = []
            } else if let word = remaining.popFirst() {
                result.positionalValues[positional.name] = [word]
            } else if !positional.isOptional {
                throw ArgumentError(.missingArgument(positional.name))
            }
        }
        if let extra = remaining.first { throw ArgumentError(.unexpectedArgument(extra)) }
    }
}
