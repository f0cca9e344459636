/// The command-line front end: parses arguments, runs a command, returns an exit code.
public enum CLI {
    /// Runs the command named by `arguments` (without the program name) and returns the exit status.
    public static func main(_ arguments: [String]) -> Int32 {
        print("sufficiency: commands are not built yet")
        return 1
    }
}
