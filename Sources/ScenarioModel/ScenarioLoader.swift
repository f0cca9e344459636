import Foundation
import YAMLReader

/// Loads a scenario file: reads it, follows `extends:` to its baseline (deep-merging the variant
/// on top), applies `--set` overrides, and validates the result.
public struct ScenarioLoader: Sendable {
    /// Reads a file's text; replaceable in tests.
    public var readFile: @Sendable (String) throws -> String

    public init(readFile: @escaping @Sendable (String) throws -> String = ScenarioLoader.readUTF8) {
        self.readFile = readFile
    }

    /// Reads a file as UTF-8, with an error in words a person can act on.
    public static func readUTF8(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic("no such file\(nearestScenario(to: path))", path: path)
        }
        guard !isDirectory.boolValue else { throw Diagnostic("is a directory, not a scenario file", path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic("cannot read the file", path: path)
        }
        if let message = notAScenario(data, path: path) { throw Diagnostic(message, path: path) }
        return try SourceText.utf8Text(data, path: path)
    }

    /// What a file plainly is when it is not a scenario (a workbook, a PDF, a CSV table), said
    /// before YAML would complain about its first byte or comma; `nil` otherwise. From the file's
    /// first bytes and its extension only, never its content.
    static func notAScenario(_ data: Data, path: String) -> String? {
        let head = [UInt8](data.prefix(4))
        let scenario = "a scenario is a text file in YAML, such as scenarios/medway-baseline.yaml (docs/scenario-format.md)"
        if head == [0x50, 0x4B, 0x03, 0x04] {
            return "is an Excel workbook or another zipped file (.xlsx, .docx, .zip), not a scenario: \(scenario)"
        }
        if head == [0xD0, 0xCF, 0x11, 0xE0] { return "is an Excel 97-2003 workbook or another Office file, not a scenario: \(scenario)" }
        if head == Array("%PDF".utf8) { return "is a PDF, not a scenario: \(scenario)" }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return "is UTF-16 text ('Unicode' in Notepad or Excel), which YAML readers do not all read: save it as UTF-8"
        }
        if ["csv", "tsv"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) {
            return "is a table (CSV), not a scenario: \(scenario); a run's CSVs are read from its folder by 'compare' and 'report'"
        }
        return nil
    }

    /// "; did you mean 'medway-baseline.yaml'?" for a missing file whose name is near a scenario
    /// file in the same folder (a file name, never a file's content); "" otherwise.
    static func nearestScenario(to path: String) -> String {
        let url = URL(fileURLWithPath: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        else { return "" }
        let scenarios = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        return Suggestion.didYouMean(url.lastPathComponent, among: scenarios)
    }

    /// A scenario and the files it was read from (the variant first, then each baseline).
    public struct Loaded: Sendable {
        public var scenario: Scenario
        public var sources: [(path: String, text: String)]
    }

    /// The scenario in `path`, validated; throws ``Diagnostics``.
    /// - Parameter overrides: `key.path=value` settings applied after variants are merged.
    public func load(_ path: String, overrides: [String] = []) throws -> Scenario {
        try loadWithSources(path, overrides: overrides).scenario
    }

    /// The scenario in `path` and the text of every file it was built from, for the run record.
    public func loadWithSources(_ path: String, overrides: [String] = []) throws -> Loaded {
        var sources: [(path: String, text: String)] = []
        var tree = try resolvedTree(path, chain: [], sources: &sources)
        for setting in overrides { tree = try Override.apply(setting, to: tree) }
        let scenario = try ScenarioReader.read(tree, fallbackName: ScenarioLoader.baseName(path))
        return Loaded(scenario: scenario, sources: sources)
    }

    /// The document tree with every `extends:` followed and merged, exactly as it will be validated.
    public func resolvedTree(_ path: String, overrides: [String] = []) throws -> Node {
        var sources: [(path: String, text: String)] = []
        var tree = try resolvedTree(path, chain: [], sources: &sources)
        for setting in overrides { tree = try Override.apply(setting, to: tree) }
        return tree
    }

    private func resolvedTree(_ path: String, chain: [String], sources: inout [(path: String, text: String)]) throws -> Node {
        let canonical = ScenarioLoader.canonical(path)
        if chain.contains(canonical) {
            let names = (chain + [canonical]).map { ScenarioLoader.relative($0) }
            throw Diagnostics([Diagnostic("'extends' goes round in a circle: \(names.joined(separator: " → "))", path: path)])
        }
        let text: String
        do { text = try readFile(path) } catch let d as Diagnostic {
            throw Diagnostics([d])
        } catch {
            throw Diagnostics([Diagnostic("cannot read the file: \(error.localizedDescription)", path: path)])
        }
        sources.append((path, text))
        let tree = try YAML.read(SourceText(path: path, text: text))
        guard case .mapping(let pairs) = tree.content, let extends = pairs.first(where: { $0.key == "extends" }) else {
            return tree
        }
        guard case .scalar(let scalar) = extends.value.content, !scalar.text.isEmpty else {
            throw Diagnostics([Diagnostic("expected a file name for 'extends', such as 'medway-baseline.yaml'", at: extends.value.mark)])
        }
        let basePath = ScenarioLoader.sibling(of: path, named: scalar.text)
        let base: Node
        do {
            base = try resolvedTree(basePath, chain: chain + [canonical], sources: &sources)
        } catch let d as Diagnostics where d.items.count == 1 && d.items[0].mark == nil && d.items[0].path == basePath {
            // The baseline itself cannot be read: point at the 'extends' line that names it.
            let shown = basePath == scalar.text ? "" : " ('\(basePath)')"
            throw Diagnostics([Diagnostic("cannot extend '\(scalar.text)'\(shown): \(d.items[0].message)", at: extends.value.mark)])
        }
        return Merge.overlay(tree, on: base)
    }

    static func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where file.hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
        return file
    }

    static func sibling(of path: String, named name: String) -> String {
        if name.hasPrefix("/") { return name }
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func relative(_ canonical: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return canonical.hasPrefix(cwd) ? String(canonical.dropFirst(cwd.count)) : canonical
    }
}

/// Deep merge of a variant onto its baseline.
enum Merge {
    /// Mappings merge key by key; lists whose items all have a `name` merge item by item (new names
    /// are appended); anything else in the variant replaces the baseline's value. `extends` is dropped.
    static func overlay(_ top: Node, on base: Node) -> Node {
        switch (top.content, base.content) {
        case (.mapping(let topPairs), .mapping(let basePairs)):
            var merged = basePairs.filter { $0.key != "extends" }
            for pair in topPairs where pair.key != "extends" {
                if let i = merged.firstIndex(where: { $0.key == pair.key }) {
                    merged[i].value = overlay(pair.value, on: merged[i].value)
                } else {
                    merged.append(pair)
                }
            }
            // The variant's position: an error in the merged mapping is for the variant's author to fix.
            return Node(.mapping(merged), at: top.mark)
        case (.sequence(let topItems), .sequence(let baseItems)):
            guard let topNames = names(topItems), let baseNames = names(baseItems) else { return top }
            var merged = baseItems
            for (item, name) in zip(topItems, topNames) {
                if let i = baseNames.firstIndex(of: name) { merged[i] = overlay(item, on: merged[i]) } else { merged.append(item) }
            }
            return Node(.sequence(merged), at: top.mark)
        default:
            return top
        }
    }

    /// The `name` of every item, or `nil` if any item is not a mapping with a name.
    static func names(_ items: [Node]) -> [String]? {
        var names: [String] = []
        for item in items {
            guard case .mapping(let pairs) = item.content,
                  let name = pairs.first(where: { $0.key == "name" }),
                  case .scalar(let s) = name.value.content
            else { return nil }
            names.append(s.text)
        }
        return names
    }
}
