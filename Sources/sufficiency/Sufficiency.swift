import Foundation
import SufficiencyCLI

/// The `sufficiency` executable: everything it does is in SufficiencyCLI.
@main
struct Sufficiency {
    static func main() {
        exit(CLI.main(Array(CommandLine.arguments.dropFirst())))
    }
}
