import YAMLReader

/// A quick what-if from the command line: `--set entries.trend=5%` or
/// `--set "placements.foster care.providers.in-house fostering.capacity=150"`.
///
/// The path's parts are mapping keys, or the `name` of an item in a list of named items.
/// The value is read as YAML (so `[a, b]` and `{a: 1}` work) and replaces the value at that path.
public enum Override {
    public static func apply(_ setting: String, to tree: Node) throws -> Node {
        let source = SourceText(path: "--set", text: setting)
        guard let equals = setting.firstIndex(of: "=") else {
            throw Diagnostics([Diagnostic("expected 'key.path=value' for --set, found '\(setting)'", path: "--set")])
        }
        let path = setting[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, !path.contains(where: \.isEmpty) else {
            throw Diagnostics([Diagnostic("expected 'key.path=value' for --set, found '\(setting)'", path: "--set")])
        }
        let valueText = String(setting[setting.index(after: equals)...])
        let valueColumn = setting.unicodeScalars.distance(from: setting.unicodeScalars.startIndex, to: equals.samePosition(in: setting.unicodeScalars)!) + 2
        var value = try YAML.read(SourceText(path: "--set \(setting[..<equals])", text: valueText))
        value.mark = Mark(source: source, line: 1, column: valueColumn)
        return try set(path[...], of: path, to: value, in: tree, source: source)
    }

    private static func set(
        _ path: ArraySlice<String>, of whole: [String], to value: Node, in node: Node, source: SourceText
    ) throws -> Node {
        guard let key = path.first else { return value }
        let rest = path.dropFirst()
        // Errors and new keys point at this part of the path in the --set text.
        let column = whole[..<path.startIndex].reduce(1) { $0 + $1.unicodeScalars.count + 1 }
        let mark = Mark(source: source, line: 1, column: column)
        switch node.content {
        case .mapping(var pairs):
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                pairs[i].value = try set(rest, of: whole, to: value, in: pairs[i].value, source: source)
            } else {
                let fresh = Node(.mapping([]), at: mark)
                let built = rest.isEmpty ? value : try set(rest, of: whole, to: value, in: fresh, source: source)
                pairs.append(Node.Pair(key: key, keyMark: mark, value: built))
            }
            return Node(.mapping(pairs), at: node.mark)
        case .sequence(var items):
            let names = Merge.names(items) ?? []
            guard let i = names.firstIndex(of: key) else {
                throw Diagnostics([Diagnostic("no item named '\(key)' in the list here\(Suggestion.didYouMean(key, among: names))", at: mark)])
            }
            items[i] = try set(rest, of: whole, to: value, in: items[i], source: source)
            return Node(.sequence(items), at: node.mark)
        case .scalar:
            let owner = path.startIndex > 0 ? "'\(whole[path.startIndex - 1])' is a single value" : "the scenario is a single value"
            throw Diagnostics([Diagnostic("cannot set '\(key)': \(owner), not a mapping", at: mark)])
        }
    }
}
