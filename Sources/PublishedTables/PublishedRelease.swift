import Foundation
import Reports
import YAMLReader

/// The DfE's published local-authority tables ("Children looked after in England including
/// adoptions", Explore Education Statistics) from one folder, indexed for look-up.
///
/// Files are recognised by their columns and what their rows measure, not by name alone, and
/// columns are found by name, so any year's release reads the same way (extra columns and later
/// years are accepted). A `number` is text: `c` suppressed (a small number), `x` not available,
/// `z` not applicable, `k` under 0.5% — each kept as such, never read as a number.
public struct PublishedRelease: Sendable {
    /// The tables the tool uses.
    public enum Table: String, Sendable, CaseIterable {
        case totals = "children looked after, started and ceased (number and rate per 10,000)"
        case stock = "children looked after on 31 March by characteristics"
        case starts = "children who started to be looked after"
        case ceased = "children who ceased to be looked after"
        case stability = "placement stability"
        case newPlacements = "new placements during the year"
        case stayPut = "care leavers staying put"
        case careLeaverAccommodation = "care leavers' accommodation"
        case nationalStock = "England: children looked after on 31 March by characteristics"
    }

    /// A published cell.
    public enum Cell: Sendable, Equatable {
        case number(Double)
        /// `c`: suppressed to protect confidentiality (a small number, or one that would reveal one).
        case suppressed
        /// `x`, `z`, `k`: not available, not applicable, or under 0.5%.
        case unavailable

        init(_ text: String) {
            let t = text.trimmingCharacters(in: .whitespaces)
            if let v = Double(t.replacingOccurrences(of: ",", with: "")), v.isFinite, v >= 0 { self = .number(v); return }
            self = t.lowercased() == "c" ? .suppressed : .unavailable
        }

        public var value: Double? { if case .number(let v) = self { v } else { nil } }
    }

    /// A council in the tables: its code (`E06000035`), name and region, and its old three-digit
    /// code (`887`) where the tables give one.
    public struct Council: Sendable, Hashable {
        public var code: String
        public var name: String
        public var region: String
        public var oldCode: String = ""
        /// England, or a region: an area made of councils, calibrated as one (see ``PublishedCalibrator/calibrate(_:)``).
        public var isAggregate = false
    }

    /// England as an area to calibrate: its rows are keyed ``england``.
    public static let englandArea = Council(code: england, name: england, region: "", isAggregate: true)

    /// A group of rows: one table's rows for an area, year and group (`cla_group`).
    struct GroupKey: Hashable {
        var table: Table
        /// A council's code, a region's code, or `England`.
        var area: String
        var year: Int
        var group: String
    }

    /// Cells by group, then by item (`characteristic`).
    var groups: [GroupKey: [String: Cell]] = [:]
    /// Councils in the totals table, in the order first seen.
    public private(set) var councils: [Council] = []
    /// Regions in the totals table (code and name), in the order first seen.
    public private(set) var regions: [Council] = []
    /// Reporting years (to 31 March) present in each table.
    public private(set) var years: [Table: Set<Int>] = [:]
    /// Reporting years of the totals table in its file, including any later than the last year read.
    public private(set) var yearsInFiles: Set<Int> = []
    /// Which file each table came from.
    public private(set) var files: [Table: String] = [:]
    /// The latest year read from any table (after `--as-of` filtering, none later than it).
    public var latestYear: Int { years.values.compactMap { $0.max() }.max() ?? 0 }

    public static let england = "England"

    /// What the DfE writes for a number it does not give: `x` not available, `z` not applicable,
    /// `k` under 0.5%, `u` low reliability, `:` not available (older releases), or nothing.
    static let notANumber: Set<String> = ["x", "z", "k", "u", ":", ""]

    /// The reporting years of the totals table in its file, first and last.
    public var yearRange: ClosedRange<Int>? {
        guard let first = yearsInFiles.min(), let last = yearsInFiles.max() else { return nil }
        return first...last
    }

    /// An error unless the tables hold children in care at 31 March `year`.
    public func check(asOf year: Int) throws(FileError) {
        guard let years = yearRange, !years.contains(year) else { return }
        throw FileError(path: files[.totals] ?? "the tables",
                        "the tables hold children in care at 31 March \(years.lowerBound) to \(years.upperBound): 31 March \(year) is "
                        + (year > years.upperBound ? "after them (download a later release)" : "before them"))
    }

    /// Whether `directory` looks like a folder of the published tables (it holds the totals file).
    public static func looksLikeRelease(_ directory: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.contains { $0.lowercased().hasSuffix(".csv") && $0.lowercased().contains("number_and_rate") }
            || names.contains { $0.lowercased().hasPrefix("la_cla_") || $0.lowercased().hasPrefix("la_children_who_ceased") }
    }

    /// Reads every table found in `directory`, keeping only years up to `lastYear` (so a
    /// calibration as of a date can never see a later figure).
    public static func read(_ directory: String, lastYear: Int = .max) throws(FileError) -> PublishedRelease {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted() } catch {
            throw FileError(path: directory, "cannot read the folder: \(error.localizedDescription)")
        }
        var release = PublishedRelease()
        for name in names where name.lowercased().hasSuffix(".csv") {
            let path = (directory as NSString).appendingPathComponent(name)
            let file = try CSVReader.read(URL(fileURLWithPath: path))
            guard let table = recognise(name: name, columns: file.columns) else { continue }
            try release.add(file, as: table, lastYear: lastYear)
            release.files[table] = name
        }
        guard release.files[.totals] != nil else {
            throw FileError(path: directory, "no table of children looked after at 31 March by council: expected the DfE's "
                + "'cla_number_and_rate_per_10k_children.csv' (Explore Education Statistics, 'Children looked after in England "
                + "including adoptions', 'Download all data')")
        }
        return release
    }

    /// Which table a file holds, from its name and columns; `nil` for a file the tool does not use.
    static func recognise(name: String, columns: [String]) -> Table? {
        let n = name.lowercased()
        let has = { (c: String) in columns.contains { $0.caseInsensitiveCompare(c) == .orderedSame } }
        guard has("time_period"), has("number") else { return nil }
        if n.contains("number_and_rate") { return .totals }
        if n.contains("national") && n.contains("by_characteristics") { return .nationalStock }
        if n.contains("national") { return nil }
        if n.contains("31_march_by_characteristics") { return .stock }
        if n.contains("started") { return .starts }
        if n.contains("ceased") { return .ceased }
        if n.contains("stability") { return .stability }
        if n.contains("new_placements") { return .newPlacements }
        if n.contains("stayput") || n.contains("stay_put") { return .stayPut }
        if n.contains("accommodation_suitability") { return .careLeaverAccommodation }
        return nil
    }

    private mutating func add(_ file: CSVFile, as table: Table, lastYear: Int) throws(FileError) {
        let year = try file.requiredColumn("time_period")
        let level = try file.requiredColumn("geographic_level")
        let number = try file.requiredColumn("number")
        let code = file.column("new_la_code"), name = file.column("la_name"), oldCode = file.column("old_la_code")
        let region = file.column("region_code"), regionName = file.column("region_name")
        // The measure: `cla_group` and `characteristic` in most tables; the totals table names its
        // measure in a column of its own (`population_count` in the releases seen); the care-leaver
        // tables have `age` and `stay_put`.
        let group = file.column("cla_group") ?? file.column("age")
        let item = file.column("characteristic") ?? file.column("stay_put") ?? file.column("accommodation_suitability")
            ?? measureColumn(file)
        guard let item else {
            throw FileError(path: file.path, line: 1, "no column saying what each row counts (expected 'characteristic')"
                            + Suggestion.didYouMean("characteristic", among: file.columns))
        }
        var seen = Set<Council>()
        for (r, row) in file.rows.enumerated() {
            func field(_ i: Int?) -> String { i.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
            guard row.count > number else {
                throw FileError(path: file.path, line: file.lines[r], "the row has \(row.count) fields, fewer than the \(file.columns.count) columns")
            }
            guard let y = Self.year(field(year)) else {
                throw FileError(path: file.path, line: file.lines[r], "expected a reporting year such as 2021 in 'time_period', found '\(field(year).prefix(20))'")
            }
            if table == .totals { yearsInFiles.insert(y) }
            guard y <= lastYear else { continue }
            let area: String
            switch field(level).lowercased() {
            case "national": area = Self.england
            case "regional":
                area = field(region)
                if table == .totals, !area.isEmpty, !regions.contains(where: { $0.code == area }) {
                    regions.append(Council(code: area, name: field(regionName), region: field(regionName), isAggregate: true))
                }
            case "local authority":
                area = field(code)
                if table == .totals {
                    let council = Council(code: area, name: field(name), region: field(regionName), oldCode: field(oldCode))
                    if !area.isEmpty, seen.insert(council).inserted, !councils.contains(council) { councils.append(council) }
                }
            default: continue
            }
            let cell = Cell(row[number])
            if cell == .unavailable, !Self.notANumber.contains(row[number].trimmingCharacters(in: .whitespaces).lowercased()) {
                throw FileError(path: file.path, line: file.lines[r], "expected a count or one of the DfE's symbols (c suppressed; x, z, k, u, : not available) "
                    + "in 'number', found '\(row[number].prefix(20))'")
            }
            let key = GroupKey(table: table, area: area, year: y, group: Self.normal(field(group)))
            groups[key, default: [:]][Self.normal(field(item))] = cell
            years[table, default: []].insert(y)
        }
    }

    /// The column whose values say what is counted, in a table without `characteristic`.
    private func measureColumn(_ file: CSVFile) -> Int? {
        guard let first = file.rows.first else { return nil }
        return first.indices.first { first[$0].lowercased().contains("looked after") }
    }

    /// `2021`, or `202021` (the academic-year form) as 2021.
    static func year(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let v = Int(t) else { return nil }
        if (1990...2100).contains(v) { return v }
        if t.count == 6, let end = Int(t.suffix(2)), let startYear = Int(t.prefix(4)) { return startYear / 100 * 100 + end }
        return nil
    }

    /// Names compared without case, surrounding spaces or curly apostrophes.
    static func normal(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
    }

    // MARK: Look-up

    /// The cell for an area, year, group and item (names compared as `normal`).
    public func cell(_ table: Table, _ area: String, _ year: Int, group: String, _ item: String) -> Cell? {
        groups[GroupKey(table: table, area: area, year: year, group: Self.normal(group))]?[Self.normal(item)]
    }

    /// Every item of a group for an area and year, with its cell.
    public func items(_ table: Table, _ area: String, _ year: Int, group: String) -> [(item: String, cell: Cell)] {
        (groups[GroupKey(table: table, area: area, year: year, group: Self.normal(group))] ?? [:])
            .map { ($0.key, $0.value) }.sorted { $0.item < $1.item }
    }

    /// The names (at most three) holding every word of `query` but the generic ones: 'Bristol' and
    /// 'City of Bristol' find 'Bristol, City of', 'Hull' finds 'Kingston upon Hull, City of'.
    static func names(containing query: String, among names: [String]) -> [String] {
        let generic: Set<String> = ["city", "of", "the", "council", "county", "borough", "district", "metropolitan", "royal", "and"]
        func words(_ s: String) -> [String] {
            normal(s).split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        }
        let wanted = words(query).filter { !generic.contains($0) }
        guard !wanted.isEmpty else { return [] }
        let found = names.filter { name in Set(words(name)).isSuperset(of: wanted) }.sorted()
        return found.count <= 3 ? found : []
    }

    /// A council by code or name (case-insensitive); otherwise an error with the nearest names.
    /// England (`England` or `E92000001`) and the regions (by name or code) are found too.
    public func council(_ query: String) throws(FileError) -> Council {
        let q = Self.normal(query)
        if let c = councils.first(where: { Self.normal($0.code) == q || Self.normal($0.name) == q || (!$0.oldCode.isEmpty && $0.oldCode == q) }) {
            return c
        }
        if q == Self.normal(Self.england) || q == "e92000001" { return Self.englandArea }
        if let r = regions.first(where: { Self.normal($0.code) == q || Self.normal($0.name) == q }) { return r }
        let names = councils.map(\.name) + [Self.england] + regions.map(\.name)
        var near = Suggestion.didYouMean(query, among: names)
        if near.isEmpty {
            let containing = Self.names(containing: query, among: names)
            if !containing.isEmpty { near = "; did you mean " + containing.map { "'\($0)'" }.joined(separator: " or ") + "?" }
        }
        throw FileError(path: files[.totals] ?? "the tables", "no council '\(query)' in the tables\(near.isEmpty ? "; give" : near + " Give") "
            + "its name as the DfE writes it (such as 'Medway') or its code (such as 'E06000035' or '887'), or 'England' or a region's name")
    }
}
