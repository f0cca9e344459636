/// Placeholder until the benchmark lands (see issue 4).
enum BenchCommand {
    static let command = CLI.Command(spec: ArgumentSpec(command: "bench", summary: "time fixed cases (build with -c release)")) { _, console in
        throw CommandFailure("bench is not built yet")
    }
}
