import Foundation
import Testing
@testable import SSDA903
@testable import SufficiencyCLI

/// Broken 903 returns (shifted columns, malformed rows, bad encodings, truncated lines, a missing
/// header) through every reader path and the calibrate and backtest commands: no message, output
/// file or quality report holds a value from the input's identifying columns.
@Suite struct MalformedReturnPrivacyTests {
    /// Ways to break one CSV file.
    enum Breakage: CaseIterable {
        case headerShiftedLeft, headerShiftedRight, headerNameDropped, extraField, missingField, truncatedMidLine,
             invalidUTF8, utf16, latin1, headerRowMissing, columnsSwapped, unclosedQuote, rowsJoined, emptyFile
    }

    /// A file's lines (without line ends) and how they are joined.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? Array(line.dropLast()) : Array(line)
        }
    }

    static func joined(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [0x0D, 0x0A])) }

    static func fields(_ line: [UInt8]) -> [[UInt8]] { line.split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init) }

    static func line(_ fields: [[UInt8]]) -> [UInt8] { Array(fields.joined(separator: [0x2C])) }

    /// `bytes` broken as `breakage`, at places `rng` chooses.
    static func broken(_ bytes: [UInt8], _ breakage: Breakage, _ rng: inout Xoshiro256) -> [UInt8] {
        var lines = Self.lines(bytes)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count > 1 else { return bytes }
        let row = 1 + rng.below(lines.count - 1)
        var header = fields(lines[0])
        switch breakage {
        case .headerShiftedLeft:
            header.append(header.removeFirst())
            lines[0] = line(header)
        case .headerShiftedRight:
            header.insert(header.removeLast(), at: 0)
            lines[0] = line(header)
        case .headerNameDropped:
            header.remove(at: rng.below(header.count))
            lines[0] = line(header)
        case .extraField:
            for k in stride(from: row, to: lines.count, by: 3) {
                var f = fields(lines[k])
                f.insert(f[rng.below(f.count)], at: rng.below(f.count))
                lines[k] = line(f)
            }
        case .missingField:
            for k in stride(from: row, to: lines.count, by: 2) {
                var f = fields(lines[k])
                f.remove(at: rng.below(f.count))
                lines[k] = line(f)
            }
        case .truncatedMidLine:
            let cut = rng.below(lines[row].count + 1)
            lines = Array(lines[..<row]) + [Array(lines[row][..<cut])]
            return Array(lines.joined(separator: [0x0D, 0x0A]))
        case .invalidUTF8:
            for _ in 0..<(1 + rng.below(5)) {
                let k = rng.below(lines.count)
                lines[k].insert([0xFF, 0xC3, 0x80, 0xE2, 0x28][rng.below(5)], at: rng.below(lines[k].count + 1))
            }
        case .utf16:
            let text = String(decoding: joined(lines), as: UTF8.self)
            return [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .latin1:
            for k in stride(from: row, to: lines.count, by: 4) {
                var f = fields(lines[k])
                let i = rng.below(f.count)
                f[i] += [0xE9, 0xA3]
                lines[k] = line(f)
            }
        case .headerRowMissing:
            lines.removeFirst()
        case .columnsSwapped:
            let a = rng.below(header.count), b = rng.below(header.count)
            for k in 1..<lines.count {
                var f = fields(lines[k])
                if a < f.count, b < f.count { f.swapAt(a, b) }
                lines[k] = line(f)
            }
        case .unclosedQuote:
            var f = fields(lines[row])
            f[rng.below(f.count)].insert(0x22, at: 0)
            lines[row] = line(f)
        case .rowsJoined:
            let k = min(row, lines.count - 2)
            if k >= 1 { lines[k] += [0x2C] + lines[k + 1]; lines.remove(at: k + 1) }
        case .emptyFile:
            return []
        }
        return joined(lines)
    }

    /// The same return in the regional form: ISO dates, `LA` and `YEAR` columns, rows for two LAs.
    static func regional(from raw: URL, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for table in ["episodes.csv", "header.csv", "uasc.csv", "oc3.csv"] {
            var out: [String] = []
            for year in try FileManager.default.contentsOfDirectory(atPath: raw.path).sorted() {
                guard let text = try? String(contentsOf: raw.appendingPathComponent(year).appendingPathComponent(table), encoding: .utf8) else { continue }
                let lines = text.split(whereSeparator: \.isNewline).map(String.init)
                if out.isEmpty { out.append(lines[0] + ",LA,YEAR") }
                for line in lines.dropFirst() {
                    let iso = line.replacing(/(\d\d)\/(\d\d)\/(\d{4})/) { "\($0.3)-\($0.2)-\($0.1)" }
                    out.append(iso + ",Medway,\(year)")
                    out.append(iso + ",Kent,\(year)")
                }
            }
            try Data((out.joined(separator: "\r\n") + "\r\n").utf8).write(to: folder.appendingPathComponent(table))
        }
    }

    /// Every text file under `folder`, decoded leniently.
    static func texts(under folder: URL) -> [String] {
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return files.compactMap { ($0 as? URL).flatMap { try? Data(contentsOf: $0) }.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func noFieldValueInAnyMessageOrOutputOfABrokenReturn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = folder.appendingPathComponent("raw"), regional = folder.appendingPathComponent("regional")
        #expect(runCLI(["synth", "--output", raw.path, "--years", "2", "--children", "12", "--seed", "3"]).status == 0)
        try Self.regional(from: raw, to: regional)
        var identifiers = try CommandPrivacyTests.identifiers(in: raw)
        // Start and end dates too, in both forms: only dates from the command line, the day after
        // them, collection-year boundaries and dates after the data (a trend's steps) may be written.
        for year in try FileManager.default.contentsOfDirectory(atPath: raw.path) where year != "synthetic.txt" {
            let text = try String(contentsOf: raw.appendingPathComponent(year).appendingPathComponent("episodes.csv"), encoding: .utf8)
            for m in text.matches(of: /(\d\d)\/(\d\d)\/(\d{4})/) { identifiers.formUnion(["\(m.0)", "\(m.3)-\(m.2)-\(m.1)"]) }
        }
        identifiers = identifiers.filter { value in
            !["2025-09-30", "2025-10-01", "30/09/2025", "01/10/2025", "2025-03-31", "2025-04-01"].contains(value)
                && !(value.hasSuffix("-03-31") || value.hasSuffix("-04-01") || value.hasPrefix("31/03/") || value.hasPrefix("01/04/"))
        }
        #expect(identifiers.count > 100)

        var rng = Xoshiro256(seed: 903)
        var outputs: [String] = []
        var cases = 0, failures = 0
        let tables = ["episodes.csv", "header.csv", "uasc.csv", "oc3.csv"]
        // The two returns' files, in memory: each case writes them afresh, one or two broken.
        var files: [(input: String, path: String, bytes: [UInt8])] = []
        for (name, root) in [("raw", raw), ("regional", regional)] {
            for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! where url.pathExtension == "csv" {
                files.append((name, String(url.path.dropFirst(root.path.count + 1)), [UInt8](try Data(contentsOf: url))))
            }
        }
        for n in 0..<240 {
            let isRegional = n % 3 == 2
            let work = folder.appendingPathComponent("case\(n)")
            let input = work.appendingPathComponent("input")
            var chosen = files.filter { $0.input == (isRegional ? "regional" : "raw") }
            // Break one or two files; episodes most often.
            for _ in 0..<(1 + rng.below(2)) {
                let table = rng.below(2) == 0 ? "episodes.csv" : tables[rng.below(tables.count)]
                let candidates = chosen.indices.filter { chosen[$0].path.hasSuffix(table) }
                guard !candidates.isEmpty else { continue }
                let k = candidates[rng.below(candidates.count)]
                let breakage = Breakage.allCases[(n + rng.below(3)) % Breakage.allCases.count]
                chosen[k].bytes = Self.broken(chosen[k].bytes, breakage, &rng)
            }
            for file in chosen {
                let url = input.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            var runs: [[String]] = []
            let out = work.appendingPathComponent("out")
            if isRegional {
                let la = ["Medway", "Medwy", "Dover"][n % 3]
                runs.append(["calibrate", input.path, "--la", la, "--as-of", "2025-09-30", "--output", out.appendingPathComponent("c.yaml").path])
                if n % 4 == 2 { runs.append(["calibrate", input.path, "--as-of", "2025-09-30", "--output", out.appendingPathComponent("d.yaml").path]) }
            } else {
                runs.append(["calibrate", input.path, "--as-of", "2025-09-30", "--output", out.appendingPathComponent("c.yaml").path]
                            + (n % 4 == 0 ? ["--accept-rejections"] : []))
                if n % 6 == 1 {
                    runs.append(["calibrate", input.appendingPathComponent("2025").path, input.appendingPathComponent("2026").path,
                                 "--as-of", "2025-09-30", "--accept-rejections", "--output", out.appendingPathComponent("y.yaml").path])
                }
            }
            if n % 24 == 0 {
                runs.append(["backtest", input.path, "--as-of", "2025-03-31", "--years", "1", "--replications", "2", "--accept-rejections",
                             "--output", out.appendingPathComponent("bt").path] + (isRegional ? ["--la", "Medway"] : []))
            }
            for arguments in runs {
                let result = runCLI(arguments)
                cases += 1
                if result.status != 0 { failures += 1 }
                outputs += [result.out, result.err]
            }
            // The readers directly, as the tests and other tools call them.
            do { outputs.append(EpisodeStitcher.stitch(try ReturnReader.read(input, la: isRegional ? "Medway" : nil)).report.text) }
            catch { outputs.append(error.description) }
            outputs += Self.texts(under: out)
        }
        #expect(cases >= 250)
        #expect(failures > 20 && failures < cases, "\(failures) of \(cases) runs failed")
        // Outputs repeat a lot (one scenario's lines in many files): search each distinct line once.
        let distinct = Set(outputs.flatMap { $0.split(whereSeparator: \.isNewline) }).joined(separator: "\n")
        let leaked = identifiers.filter { distinct.contains($0) }
        #expect(leaked.count == 0, "leaked \(leaked.count) values, such as \(leaked.sorted().prefix(3).map { String($0.prefix(2)) + "…" })")
    }
}
