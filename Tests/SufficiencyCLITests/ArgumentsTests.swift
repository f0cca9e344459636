import Testing
@testable import SufficiencyCLI

@Suite("Arguments")
struct ArgumentsTests {
    let run = ArgumentSpec(
        command: "run",
        summary: "Runs a scenario and writes its projections.",
        positionals: [.init("scenario", help: "the scenario file")],
        options: [
            .init("seed", value: "n", help: "master seed for the replications"),
            .init("replications", value: "n", help: "how many replications to run"),
            .init("set", value: "key=value", help: "override a scenario value", isRepeatable: true),
            .init("years", value: "x", help: "how many years to project"),
        ],
        flags: [.init("resolved", help: "print the resolved scenario and stop")])

    /// The arguments of a command line that must parse.
    func parsed(_ words: [String], spec: ArgumentSpec? = nil) throws -> Arguments {
        guard case .arguments(let arguments) = try (spec ?? run).parse(words) else {
            Issue.record("expected arguments, got a help request")
            throw ArgumentError(.missingArgument("help"))
        }
        return arguments
    }

    /// The message of the error a command line must produce.
    func message(_ words: [String], spec: ArgumentSpec? = nil) -> String? {
        #expect(throws: ArgumentError.self) { try (spec ?? run).parse(words) }?.message
    }

    @Test("options, flags and positionals in any order, both option forms")
    func mixedOrder() throws {
        let arguments = try parsed(["--seed=7", "medway.yaml", "--resolved", "--replications", "500"])
        #expect(arguments.positional("scenario") == "medway.yaml")
        #expect(arguments.string("seed") == "7")
        #expect(try arguments.int("seed") == 7)
        #expect(try arguments.int("replications", atLeast: 1) == 500)
        #expect(arguments.flag("resolved"))
        #expect(try arguments.double("years") == nil)
        #expect(arguments.strings("set") == [])
    }

    @Test("absent options and flags read as nil and false")
    func absent() throws {
        let arguments = try parsed(["kent.yaml"])
        #expect(arguments.string("seed") == nil)
        #expect(try arguments.int("replications", atLeast: 1) == nil)
        #expect(!arguments.flag("resolved"))
    }

    @Test("a repeatable option collects its values in order; '=' inside a value is kept")
    func repeatable() throws {
        let arguments = try parsed(["--set", "a.b=1", "x.yaml", "--set=c=2", "--set", "-3"])
        #expect(arguments.strings("set") == ["a.b=1", "c=2", "-3"])
    }

    @Test("'--' ends options; a lone '-' is positional")
    func endOfOptions() throws {
        #expect(try parsed(["--", "--odd-name.yaml"]).positional("scenario") == "--odd-name.yaml")
        #expect(try parsed(["-"]).positional("scenario") == "-")
        #expect(message(["a.yaml", "--", "--help"]) == "unexpected argument '--help'")
    }

    @Test("'-h' or '--help' anywhere before '--' asks for help, even beside errors", arguments: [
        ["-h"], ["--help"], ["a.yaml", "b.yaml", "--help"], ["--sed", "-h"], ["--seed", "--help"],
    ])
    func help(words: [String]) throws {
        guard case .help = try run.parse(words) else {
            Issue.record("expected a help request for \(words)")
            return
        }
    }

    @Test("unknown options suggest the nearest known one")
    func unknownOptions() {
        #expect(message(["--sed", "3", "a.yaml"]) == "unknown option '--sed'; did you mean '--seed'?")
        #expect(message(["--sed=3", "a.yaml"]) == "unknown option '--sed'; did you mean '--seed'?")
        #expect(message(["--replicatons", "5"]) == "unknown option '--replicatons'; did you mean '--replications'?")
        #expect(message(["--resolve"]) == "unknown option '--resolve'; did you mean '--resolved'?")
        #expect(message(["-seed", "3"]) == "unknown option '-seed'; did you mean '--seed'?")
        #expect(message(["--hlep"]) == "unknown option '--hlep'; did you mean '--help'?")
        #expect(message(["--output", "x"]) == "unknown option '--output'")
        #expect(message(["-x"]) == "unknown option '-x'")
    }

    @Test("an option without its value")
    func missingValue() {
        #expect(message(["a.yaml", "--seed"]) == "option '--seed' needs a value")
        #expect(message(["--seed", "--resolved", "a.yaml"]) == "option '--seed' needs a value")
        #expect(message(["--seed=", "a.yaml"]) == "option '--seed' needs a value")
        #expect(message(["--seed", "", "a.yaml"]) == "option '--seed' needs a value")
    }

    @Test("a single option given twice, a flag given a value")
    func repeatedAndFlagValue() {
        #expect(message(["--seed", "1", "a.yaml", "--seed=2"]) == "option '--seed' can be given only once")
        #expect(message(["--resolved=yes", "a.yaml"]) == "flag '--resolved' takes no value, found 'yes'")
    }

    @Test("missing and unexpected positionals")
    func positionals() {
        #expect(message([]) == "missing argument <scenario>")
        #expect(message(["--resolved"]) == "missing argument <scenario>")
        #expect(message(["a.yaml", "b.yaml"]) == "unexpected argument 'b.yaml'")
    }

    @Test("optional and repeating positionals")
    func optionalAndRepeating() throws {
        let compare = ArgumentSpec(
            command: "compare", summary: "",
            positionals: [.init("baseline", help: ""), .init("variants", help: "", isRepeating: true)])
        #expect(try parsed(["a", "b", "c"], spec: compare).positionals("variants") == ["b", "c"])
        #expect(message(["a"], spec: compare) == "missing argument <variants>")

        let list = ArgumentSpec(
            command: "list", summary: "",
            positionals: [.init("directory", help: "", isOptional: true), .init("more", help: "", isOptional: true, isRepeating: true)])
        let empty = try parsed([], spec: list)
        #expect(empty.positional("directory") == nil)
        #expect(empty.positionals("more") == [])

        let bare = ArgumentSpec(command: "version", summary: "")
        #expect(message(["extra"], spec: bare) == "unexpected argument 'extra'")
    }

    @Test("typed values: whole numbers, ranges and decimals")
    func typedValues() throws {
        #expect(try parsed(["a", "--seed", "-12"]).int("seed") == -12)
        #expect(try parsed(["a", "--replications", "1"]).int("replications", atLeast: 1) == 1)
        #expect(try parsed(["a", "--replications", "64"]).int("replications", in: 1...64) == 64)
        #expect(try parsed(["a", "--years", "2.5"]).double("years") == 2.5)

        func typedError(_ words: [String], _ read: (Arguments) throws -> Void) throws -> String? {
            let arguments = try parsed(words)
            return #expect(throws: ArgumentError.self) { try read(arguments) }?.message
        }
        #expect(try typedError(["a", "--replications", "x"]) { _ = try $0.int("replications", atLeast: 1) }
            == "'--replications' expects a whole number from 1 up, found 'x'")
        #expect(try typedError(["a", "--replications", "0"]) { _ = try $0.int("replications", atLeast: 1) }
            == "'--replications' expects a whole number from 1 up, found '0'")
        #expect(try typedError(["a", "--replications", "65"]) { _ = try $0.int("replications", in: 1...64) }
            == "'--replications' expects a whole number from 1 to 64, found '65'")
        #expect(try typedError(["a", "--seed", "1.5"]) { _ = try $0.int("seed") }
            == "'--seed' expects a whole number, found '1.5'")
        #expect(try typedError(["a", "--seed", "99999999999999999999"]) { _ = try $0.int("seed") }
            == "'--seed' expects a whole number, found '99999999999999999999'")
        #expect(try typedError(["a", "--years", "five"]) { _ = try $0.double("years") }
            == "'--years' expects a number, found 'five'")
        #expect(try typedError(["a", "--years", "inf"]) { _ = try $0.double("years") }
            == "'--years' expects a number, found 'inf'")
    }

    @Test("help text: usage line, summary, and aligned tables")
    func helpText() {
        #expect(run.helpText() == """
            usage: sufficiency run [options] <scenario>

            Runs a scenario and writes its projections.

            arguments:
              <scenario>          the scenario file

            options:
              --seed <n>          master seed for the replications
              --replications <n>  how many replications to run
              --set <key=value>   override a scenario value (repeatable)
              --years <x>         how many years to project
              --resolved          print the resolved scenario and stop
              -h, --help          show this help

            """)
    }

    @Test("help text: optional and repeating positionals, and a left column too wide to align")
    func helpTextLayout() {
        let spec = ArgumentSpec(
            command: "import", summary: "",
            positionals: [.init("return", help: "the 903 return"), .init("more", help: "", isOptional: true, isRepeating: true)],
            options: [.init("financial-year-start-month", value: "month", help: "when the year starts")])
        #expect(spec.helpText() == """
            usage: sufficiency import [options] <return> [<more>...]

            arguments:
              <return>                  the 903 return
              <more>...

            options:
              --financial-year-start-month <month>
                                        when the year starts
              -h, --help                show this help

            """)
    }
}
