/// A command line that does not fit its command's ``ArgumentSpec``, in words a person can act on.
///
/// The problem is kept structured (``kind``) and worded in exactly one place (``message``).
package struct ArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong; option names are stored as typed (`--sed`), with their dashes.
    package enum Kind: Sendable, Equatable {
        /// An option or flag the command does not have, with the nearest one it does have.
        case unknownOption(String, suggestion: String?)
        /// An option at the end of the line, or followed by another option, or given `=` and nothing.
        case missingValue(option: String)
        /// A non-repeatable option given more than once.
        case repeatedOption(String)
        /// A flag written with a value, `--resolved=yes`.
        case flagWithValue(flag: String, value: String)
        /// A positional argument beyond those the command takes.
        case unexpectedArgument(String)
        /// A required positional argument that is missing, by its name in the spec.
        case missingArgument(String)
        /// A value of the wrong form: `expected` completes "expects …" ("a whole number from 1 up").
        case invalidValue(option: String, expected: String, found: String)
    }

    /// What went wrong.
    package var kind: Kind

    /// An error of the given kind.
    package init(_ kind: Kind) {
        self.kind = kind
    }

    /// The message, lower case, with the user's text quoted in '…'.
    package var message: String {
        switch kind {
        case .unknownOption(let option, let suggestion):
            return "unknown option '\(option)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .missingValue(let option):
            return "option '\(option)' needs a value"
        case .repeatedOption(let option):
            return "option '\(option)' can be given only once"
        case .flagWithValue(let flag, let value):
            return "flag '\(flag)' takes no value, found '\(value)'"
        case .unexpectedArgument(let argument):
            return "unexpected argument '\(argument)'"
        case .missingArgument(let name):
            return "missing argument <\(name)>"
        case .invalidValue(let option, let expected, let found):
            return "'\(option)' expects \(expected), found '\(found)'"
        }
    }

    /// The same as ``message``.
    package var description: String { message }
}
