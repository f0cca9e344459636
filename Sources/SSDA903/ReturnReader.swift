import Foundation
import Reports
import YAMLReader

/// Reads 903 returns in the two forms councils and regions hold them.
///
/// - Raw: one folder per collection year (`…/2019/episodes.csv`, `header.csv`, `uasc.csv`,
///   `oc3.csv`), dates `dd/mm/YYYY`, as a council extracts its return.
/// - Regional: one folder with the same tables plus `LA` and `YEAR` columns, ISO dates, several
///   LAs in one file.
///
/// A folder or `YEAR` value names a collection year, but conventions differ (the year the
/// collection ends, as DfE writes, or the year it starts, as some pipelines do). With
/// ``YearNaming/inferred`` the reader takes the collection year that holds the latest episode
/// start in that year's rows, provided it is the named year or the one after; each decision is
/// recorded in ``Return903/yearNotes``.
public enum ReturnReader {
    /// What a folder name or `YEAR` value means.
    public enum YearNaming: Sendable {
        /// Decide from the latest episode start date (see ``ReturnReader``).
        case inferred
        /// `2019` is 2018/19.
        case endingYear
        /// `2019` is 2019/20.
        case startingYear
    }

    static let episodeColumns = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                                 "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]

    /// Reads `root`, either a raw return (sub-folders named by year) or a regional folder (an
    /// `episodes.csv` with `LA` and `YEAR` columns).
    /// - Parameter la: the LA to take from a regional file; required when it holds several.
    public static func read(_ root: URL, la: String? = nil, naming: YearNaming = .inferred) throws(ImportError) -> Return903 {
        let episodes = root.appendingPathComponent("episodes.csv")
        if FileManager.default.fileExists(atPath: episodes.path) {
            let table = try CSVReader.read(episodes)
            if table.column("LA") != nil || table.column("YEAR") != nil {
                return try readRegional(root, la: la, naming: naming)
            }
            throw ImportError(path: episodes.path,
                              "a raw episodes file needs its year: put it in a folder named by the collection year")
        }
        return try readRawFolders(root, naming: naming)
    }

    /// Reads every sub-folder of `root` whose name is a year (`2019`, or `2018-19`).
    public static func readRawFolders(_ root: URL, naming: YearNaming = .inferred) throws(ImportError) -> Return903 {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: root.path) } catch {
            throw ImportError(path: root.path, "cannot list the folder: \(error.localizedDescription)")
        }
        var folders: [(year: Int, naming: YearNaming, url: URL)] = []
        for name in names {
            guard let year = Int(name.prefix(4)), year > 1900 else { continue }
            let url = root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("episodes.csv").path) else { continue }
            // '2018-19' names the collection year outright.
            if name.count == 7, let tail = Int(name.suffix(2)), (year + 1) % 100 == tail {
                folders.append((year + 1, .endingYear, url))
            } else if name.count == 4 {
                folders.append((year, naming, url))
            }
        }
        guard !folders.isEmpty else {
            throw ImportError(path: root.path, "no year folders found (expected folders such as '2019' holding episodes.csv)")
        }
        var result = Return903()
        for folder in folders.sorted(by: { $0.year < $1.year }) {
            result.append(try readRawYear(folder.url, nominalYear: folder.year, naming: folder.naming))
        }
        return result
    }

    /// Reads one raw year folder; `nominalYear` is the year its name gives.
    public static func readRawYear(_ folder: URL, nominalYear: Int, naming: YearNaming = .inferred) throws(ImportError) -> Return903 {
        var result = Return903()
        let episodesURL = folder.appendingPathComponent("episodes.csv")
        guard FileManager.default.fileExists(atPath: episodesURL.path) else {
            throw ImportError(path: episodesURL.path, "missing episodes table")
        }
        let episodes = try CSVReader.read(episodesURL)
        let decomIndex = try episodes.requiredColumn("DECOM")
        let year = decide(nominal: nominalYear, naming: naming, starts: episodes.rows.lazy.compactMap {
            $0.count > decomIndex ? CivilDate.parse($0[decomIndex]) : nil
        })
        result.yearNotes.append("\(folder.lastPathComponent): collection year \(year.year)\(year.note)")
        try readEpisodes(episodes, into: &result) { _ in year.year }
        try readOptional(folder, into: &result) { _, _ in year.year }
        return result
    }

    /// Reads a regional folder and keeps the rows of one LA.
    public static func readRegional(_ folder: URL, la: String?, naming: YearNaming = .inferred) throws(ImportError) -> Return903 {
        let episodes = try CSVReader.read(folder.appendingPathComponent("episodes.csv"))
        let laIndex = try episodes.requiredColumn("LA")
        let yearIndex = try episodes.requiredColumn("YEAR")
        let present = Array(Set(episodes.rows.compactMap { $0.count > laIndex ? $0[laIndex] : nil })).sorted()
        let chosen: String
        if let la {
            guard let match = present.first(where: { $0.caseInsensitiveCompare(la) == .orderedSame }) else {
                throw ImportError(path: episodes.path, "no rows for LA '\(la)'\(Suggestion.didYouMean(la, among: present)); the file holds \(list(present))")
            }
            chosen = match
        } else {
            guard present.count == 1 else {
                throw ImportError(path: episodes.path, "the file holds several LAs (\(list(present))); choose one with the la option")
            }
            chosen = present[0]
        }
        // One offset for the whole file, decided from the episodes.
        let decomIndex = try episodes.requiredColumn("DECOM")
        var offsets: [Int: Int] = [:]
        var latest: [Int: Int] = [:]
        for row in episodes.rows where row.count > yearIndex && row[laIndex] == chosen {
            guard let y = Int(row[yearIndex]), let d = CivilDate.parse(row[decomIndex]) else { continue }
            latest[y] = max(latest[y] ?? d, d)
        }
        for (y, day) in latest { offsets[CollectionYear(containing: day).endingYear - y, default: 0] += 1 }
        let offset: Int
        switch naming {
        case .endingYear: offset = 0
        case .startingYear: offset = 1
        case .inferred: offset = offsets.filter { $0.key == 0 || $0.key == 1 }.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
        }
        var result = Return903()
        result.yearNotes.append("LA '\(chosen)': YEAR \(offset == 1 ? "is the year the collection starts" : "is the year the collection ends")\(naming == .inferred ? " (inferred from episode start dates)" : "")")
        let select: (CSVFile, [String]) -> CollectionYear? = { table, row in
            guard let l = table.column("LA"), let y = table.column("YEAR"), row.count > max(l, y), row[l] == chosen,
                  let value = Int(row[y]) else { return nil }
            return CollectionYear(endingYear: value + offset)
        }
        try readEpisodes(episodes, into: &result) { select(episodes, $0) }
        try readOptional(folder, into: &result, filter: select)
        return result
    }

    private static func list(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }

    private static func decide(nominal: Int, naming: YearNaming, starts: some Sequence<Int>) -> (year: CollectionYear, note: String) {
        switch naming {
        case .endingYear: return (CollectionYear(endingYear: nominal), "")
        case .startingYear: return (CollectionYear(endingYear: nominal + 1), "")
        case .inferred:
            guard let last = starts.max() else { return (CollectionYear(endingYear: nominal), " (no dates; folder name taken as the year ending)") }
            let held = CollectionYear(containing: last).endingYear
            if held == nominal { return (CollectionYear(endingYear: nominal), " (folder name is the year ending; inferred from start dates)") }
            if held > nominal { return (CollectionYear(endingYear: nominal + 1), " (folder name is the year starting; inferred from start dates)") }
            return (CollectionYear(endingYear: nominal), " (latest start is earlier; folder name taken as the year ending)")
        }
    }

    /// Rows are kept when `year` gives a collection year (the LA filter), else skipped as another LA's.
    private static func readEpisodes(_ table: CSVFile, into result: inout Return903,
                                     year: ([String]) -> CollectionYear?) throws(ImportError) {
        var index: [Int] = []
        for name in ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PLACE_PROVIDER", "DEC", "REC"] { index.append(try table.requiredColumn(name)) }
        let reasonChange = table.column("REASON_PLACE_CHANGE")
        result.episodes.reserveCapacity(result.episodes.count + table.rows.count)
        for (row, line) in zip(table.rows, table.lines) {
            guard let y = year(row) else { continue }
            guard row.count == table.columns.count else {
                result.unreadable[.episodes, default: [:]]["wrong number of fields", default: 0] += 1
                continue
            }
            result.episodes.append(EpisodeRow(
                child: row[index[0]].trimmed, decom: row[index[1]].trimmed, rne: row[index[2]].trimmed,
                ls: row[index[3]].trimmed, place: row[index[4]].trimmed.uppercased(), provider: row[index[5]].trimmed.uppercased(),
                dec: row[index[6]].trimmed, rec: row[index[7]].trimmed.uppercased(),
                reasonPlaceChange: reasonChange.map { row[$0].trimmed } ?? "", year: y,
                source: RowSource(file: table.path, line: line)))
        }
    }

    /// Reads header, uasc and oc3 when present (each is optional).
    private static func readOptional(_ folder: URL, into result: inout Return903,
                                     filter: @escaping (CSVFile, [String]) -> CollectionYear?) throws(ImportError) {
        func load(_ name: String) throws(ImportError) -> CSVFile? {
            let url = folder.appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: url.path) ? try CSVReader.read(url) : nil
        }
        if let table = try load("header.csv") {
            let (c, d) = (try table.requiredColumn("CHILD"), try table.requiredColumn("DOB"))
            let m = table.column("MOTHER")
            for (row, line) in zip(table.rows, table.lines) {
                guard let y = filter(table, row) else { continue }
                guard row.count == table.columns.count else { result.unreadable[.header, default: [:]]["wrong number of fields", default: 0] += 1; continue }
                result.headers.append(HeaderRow(child: row[c].trimmed, dob: row[d].trimmed, mother: m.map { row[$0].trimmed } ?? "",
                                                year: y, source: RowSource(file: table.path, line: line)))
            }
        }
        if let table = try load("uasc.csv") {
            let (c, d) = (try table.requiredColumn("CHILD"), try table.requiredColumn("DOB"))
            for (row, line) in zip(table.rows, table.lines) {
                guard let y = filter(table, row) else { continue }
                guard row.count == table.columns.count else { result.unreadable[.uasc, default: [:]]["wrong number of fields", default: 0] += 1; continue }
                result.uasc.append(UASCRow(child: row[c].trimmed, dob: row[d].trimmed, year: y, source: RowSource(file: table.path, line: line)))
            }
        }
        if let table = try load("oc3.csv") {
            let (c, d, a) = (try table.requiredColumn("CHILD"), try table.requiredColumn("DOB"), try table.requiredColumn("ACCOM"))
            for (row, line) in zip(table.rows, table.lines) {
                guard let y = filter(table, row) else { continue }
                guard row.count == table.columns.count else { result.unreadable[.oc3, default: [:]]["wrong number of fields", default: 0] += 1; continue }
                result.oc3.append(OC3Row(child: row[c].trimmed, dob: row[d].trimmed, accommodation: row[a].trimmed.uppercased(),
                                         year: y, source: RowSource(file: table.path, line: line)))
            }
        }
    }
}

extension String {
    /// Without leading and trailing spaces or tabs (fast path: most fields have none).
    var trimmed: String {
        guard let f = utf8.first, let l = utf8.last, f == 0x20 || f == 0x09 || l == 0x20 || l == 0x09 else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
