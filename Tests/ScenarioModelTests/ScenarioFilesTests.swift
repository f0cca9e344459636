import Foundation
import Testing
import YAMLReader
@testable import ScenarioModel

/// Every scenario shipped in scenarios/ validates.
@Suite struct ScenarioFilesTests {
    static var files: [String] {
        let folder = Fixture.repoRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    @Test func thereAreScenarios() {
        #expect(Self.files.contains { $0.hasSuffix("/medway-baseline.yaml") })
        #expect(Self.files.contains { $0.hasSuffix("/example-annotated.yaml") })
    }

    @Test(arguments: files)
    func validates(path: String) {
        do {
            _ = try ScenarioLoader().load(path)
        } catch let d as Diagnostics {
            Issue.record("\(d.rendered)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func annotatedExampleUsesEverySection() throws {
        let path = Fixture.repoRoot.appendingPathComponent("scenarios/example-annotated.yaml").path
        let tree = try ScenarioLoader().resolvedTree(path)
        #expect(Set(tree.pairs.map(\.key)) == Set(ScenarioReader.topKeys).subtracting(["extends"]))
        let s = try ScenarioLoader().load(path)
        #expect(s.parentAndChild != nil && s.careLeavers != nil)
        #expect(s.ageBands.map(\.name) == AgeBand.dfe.map(\.name) + AgeBand.careLeavers.map(\.name))
        #expect(s.exits.duration[3]?.kind == .gamma)
        #expect(s.providers.contains { $0.fosterCarers != nil } && s.providers.contains { !$0.capacityChanges.isEmpty })
    }
}
