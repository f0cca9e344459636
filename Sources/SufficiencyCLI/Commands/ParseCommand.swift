import ScenarioModel
import YAMLReader

/// `sufficiency parse FILE`: the document tree exactly as read, as JSON, before any schema.
enum ParseCommand {
    static let command = CLI.Command(spec: ArgumentSpec(
        command: "parse", summary: "print a YAML file's tree as JSON, exactly as read (no scenario checks)",
        positionals: [.init("file", help: "a YAML file")])
    ) { arguments, console in
        let path = arguments.positional("file")!
        let text: String
        text = try ScenarioLoader.readUTF8(path)
        console.out(try YAML.read(SourceText(path: path, text: text)).json.rendered())
        return 0
    }
}
