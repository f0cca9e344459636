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
/// ``YearNaming/inferred`` the reader decides once for all of a raw return's folders named by a
/// bare year, from the share of episode starts that fall after the named year's 31 March (see
/// ``StartEvidence``), and for a regional file from the collection year holding each `YEAR`'s
/// latest start, by a vote over the years; each decision is recorded in ``Return903/yearNotes``.
/// How day and month are ordered in each file's dates is counted in ``Return903/dateOrder``.
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
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("episodes.csv").path) else {
                // A year's folder with its other tables but no episodes is a year missing, not a
                // folder to pass over: its children's care would go unrecorded.
                if let other = otherTables.first(where: { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }) {
                    throw ImportError(path: url.appendingPathComponent("episodes.csv").path,
                                      "missing: the folder holds \(other) but no episodes table, so the year's care would go unrecorded; "
                                      + "export the year's episodes, or move the folder out if the year is before or after the years you need")
                }
                continue
            }
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
        // One naming for every folder named by a bare year, decided from all their episode starts:
        // folders of one return are named one way, and a few odd dates must not shift one year.
        var tables: [(folder: (year: Int, naming: YearNaming, url: URL), episodes: CSVFile, evidence: StartEvidence)] = []
        var evidence = StartEvidence()
        for folder in folders.sorted(by: { $0.year < $1.year }) {
            let episodes = try episodesTable(folder.url)
            let own = folder.naming == .inferred ? try StartEvidence(episodes, nominal: folder.year) : StartEvidence()
            evidence.add(own)
            tables.append((folder, episodes, own))
        }
        let inferred = tables.count { $0.folder.naming == .inferred }
        var result = Return903()
        for (folder, episodes, own) in tables {
            let year = folder.naming == .inferred ? own.decide(nominal: folder.year, overall: inferred > 1 ? (evidence, inferred) : nil)
                : decide(nominal: folder.year, naming: folder.naming)
            result.append(try readRawYear(folder.url, episodes: episodes, year: year))
        }
        try checkNoYearMissing(result, path: root.path)
        return result
    }

    /// The tables of a year's return other than its episodes.
    static let otherTables = ["header.csv", "uasc.csv", "oc3.csv", "ad1.csv", "missing.csv", "reviews.csv", "sbpfa.csv", "prev_perm.csv"]

    /// Throws when the collection years in `data` leave one out between the first and the last:
    /// children in care carry over from year to year, so the missing year's episodes would be
    /// censored, its exits lost and its rates silently low.
    static func checkNoYearMissing(_ data: Return903, path: String) throws(ImportError) {
        let years = data.years
        guard let first = years.first, let last = years.last, years.count < last.endingYear - first.endingYear + 1 else { return }
        let present = Set(years.map(\.endingYear))
        let missing = (first.endingYear...last.endingYear).filter { !present.contains($0) }.map { CollectionYear(endingYear: $0).description }
        throw ImportError(path: path, "the return holds collection years \(first) to \(last) but not \(missing.joined(separator: ", ")): "
                          + "a year missing leaves its children's care unrecorded (episodes cut short, exits lost); "
                          + "add the missing \(missing.count == 1 ? "year" : "years"), or give only the years on one side of the gap")
    }

    /// Reads one raw year folder; `nominalYear` is the year its name gives.
    public static func readRawYear(_ folder: URL, nominalYear: Int, naming: YearNaming = .inferred) throws(ImportError) -> Return903 {
        let episodes = try episodesTable(folder)
        let year = naming == .inferred ? try StartEvidence(episodes, nominal: nominalYear).decide(nominal: nominalYear, overall: nil)
            : decide(nominal: nominalYear, naming: naming)
        return try readRawYear(folder, episodes: episodes, year: year)
    }

    private static func episodesTable(_ folder: URL) throws(ImportError) -> CSVFile {
        let episodesURL = folder.appendingPathComponent("episodes.csv")
        guard FileManager.default.fileExists(atPath: episodesURL.path) else {
            throw ImportError(path: episodesURL.path, "missing episodes table")
        }
        let table = try CSVReader.read(episodesURL)
        // Children in care carry over from year to year, so a year's episodes are never none: a
        // file with only its header is a year missing, whose children's care would go unrecorded
        // (their episodes censored, their exits lost) and the rates silently low.
        guard !table.rows.isEmpty else {
            throw ImportError(path: episodesURL.path, "holds no episodes, only its header row: a year's return is missing; "
                              + "export the year's episodes again, or move its folder out if the year is before or after the years you need")
        }
        return table
    }

    private static func readRawYear(_ folder: URL, episodes: CSVFile, year: (year: CollectionYear, note: String)) throws(ImportError) -> Return903 {
        var result = Return903()
        result.yearNotes.append("\(folder.lastPathComponent): collection year \(year.year)\(year.note)")
        try readEpisodes(episodes, into: &result) { _ in year.year }
        try readOptional(folder, into: &result) { _, _ in year.year }
        return result
    }

    /// Reads a regional folder and keeps the rows of one LA.
    public static func readRegional(_ folder: URL, la: String?, naming: YearNaming = .inferred) throws(ImportError) -> Return903 {
        let episodes = try CSVReader.read(folder.appendingPathComponent("episodes.csv"))
        let laIndex = try SafeEcho.requiredColumn(episodes, "LA")
        let yearIndex = try SafeEcho.requiredColumn(episodes, "YEAR")
        let present = Array(Set(episodes.rows.compactMap { $0.count > laIndex ? $0[laIndex] : nil })).sorted()
        let chosen: String
        if let la {
            guard let match = present.first(where: { $0.caseInsensitiveCompare(la) == .orderedSame }) else {
                let near = Suggestion.didYouMean(la, among: present.filter(SafeEcho.isLAName))
                throw ImportError(path: episodes.path, "no rows for LA '\(la)'\(near.isEmpty ? "; the" : near + " The") file holds \(SafeEcho.laList(present))")
            }
            chosen = match
        } else {
            guard present.count == 1, SafeEcho.isLAName(present[0]) else {
                throw ImportError(path: episodes.path, present.count == 1
                    ? "the LA column holds no LA name (are the columns shifted?)"
                    : "the file holds several LAs (\(SafeEcho.laList(present))); choose one with '--la NAME'")
            }
            chosen = present[0]
        }
        // One offset for the whole file, decided from the episodes.
        let decomIndex = try SafeEcho.requiredColumn(episodes, "DECOM")
        var offsets: [Int: Int] = [:]
        var latest: [Int: Int] = [:]
        for row in episodes.rows where row.count > max(laIndex, yearIndex, decomIndex) && row[laIndex] == chosen {
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
        result.regionalLAs = [chosen]
        result.yearNotes.append("LA '\(chosen)': YEAR \(offset == 1 ? "is the year the collection starts" : "is the year the collection ends")\(naming == .inferred ? " (inferred from episode start dates)" : "")")
        let select: (CSVFile, [String]) -> CollectionYear? = { table, row in
            guard let l = table.column("LA"), let y = table.column("YEAR"), row.count > max(l, y), row[l] == chosen,
                  let value = Int(row[y]) else { return nil }
            return CollectionYear(endingYear: value + offset)
        }
        try readEpisodes(episodes, into: &result) { select(episodes, $0) }
        try readOptional(folder, into: &result, filter: select)
        try checkNoYearMissing(result, path: folder.appendingPathComponent("episodes.csv").path)
        return result
    }

    private static func decide(nominal: Int, naming: YearNaming) -> (year: CollectionYear, note: String) {
        (CollectionYear(endingYear: naming == .startingYear ? nominal + 1 : nominal), "")
    }

    /// Episode starts of raw year folders, counted for deciding what a folder's year means.
    ///
    /// A folder named by the year its collection ends holds no start after that year's 31 March
    /// (but for faults); one named by the year it starts holds a whole year of starts after it,
    /// most of the folder's recent starts. So a folder is the year starting only when at least two
    /// fifths of its starts in the two candidate collection years fall in the later one: a few
    /// mistyped dates, or day and month swapped (which moves only some January to March dates
    /// into the later year), do not shift it.
    struct StartEvidence {
        /// Starts inside the collection year ending in the named year, and inside the one after.
        var inNamed = 0, after = 0

        init() {}

        init(_ episodes: CSVFile, nominal: Int) throws(ImportError) {
            let decom = try SafeEcho.requiredColumn(episodes, "DECOM")
            let named = CollectionYear(endingYear: nominal), next = CollectionYear(endingYear: nominal + 1)
            for row in episodes.rows where row.count > decom {
                guard let day = CivilDate.parse(row[decom]) else { continue }
                if day >= named.firstDay, day <= named.lastDay { inNamed += 1 }
                if day >= next.firstDay, day <= next.lastDay { after += 1 }
            }
        }

        mutating func add(_ other: StartEvidence) {
            inNamed += other.inNamed
            after += other.after
        }

        /// At least two fifths of the starts fall after the named year (about three fifths do in a
        /// folder named by the year it starts; under a quarter when day and month are swapped).
        var isStartingYear: Bool { after > 0 && 5 * after >= 2 * (inNamed + after) }

        /// The collection year of a folder named `nominal`, decided by `overall` (the evidence of
        /// all the return's folders named by a bare year, and how many) when given, else by this folder's.
        func decide(nominal: Int, overall: (evidence: StartEvidence, folders: Int)?) -> (year: CollectionYear, note: String) {
            let decider = overall?.evidence ?? self
            if decider.inNamed + decider.after == 0 { return (CollectionYear(endingYear: nominal), " (no dates; folder name taken as the year ending)") }
            var counted = "\(after) of \(inNamed + after) episode starts in the two candidate years fall after the named year's 31 March"
            if let overall { counted += "; \(overall.evidence.after) of \(overall.evidence.inNamed + overall.evidence.after) over all \(overall.folders) year folders, decided together" }
            return decider.isStartingYear ? (CollectionYear(endingYear: nominal + 1), " (folder name is the year starting: \(counted))")
                : (CollectionYear(endingYear: nominal), " (folder name is the year ending: \(counted))")
        }
    }

    /// Rows are kept when `year` gives a collection year (the LA filter), else skipped as another LA's.
    private static func readEpisodes(_ table: CSVFile, into result: inout Return903,
                                     year: ([String]) -> CollectionYear?) throws(ImportError) {
        var index: [Int] = []
        for name in ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PLACE_PROVIDER", "DEC", "REC"] { index.append(try SafeEcho.requiredColumn(table, name)) }
        let reasonChange = table.column("REASON_PLACE_CHANGE")
        result.episodes.reserveCapacity(result.episodes.count + table.rows.count)
        for (row, line) in zip(table.rows, table.lines) {
            guard let y = year(row) else { continue }
            guard row.count == table.columns.count else {
                result.unreadable[.episodes, default: [:]]["wrong number of fields", default: 0] += 1
                continue
            }
            result.dateOrder.count(row[index[1]], file: table.path)
            result.dateOrder.count(row[index[6]], file: table.path)
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
            let (c, d) = (try SafeEcho.requiredColumn(table, "CHILD"), try SafeEcho.requiredColumn(table, "DOB"))
            let m = table.column("MOTHER")
            for (row, line) in zip(table.rows, table.lines) {
                guard let y = filter(table, row) else { continue }
                guard row.count == table.columns.count else { result.unreadable[.header, default: [:]]["wrong number of fields", default: 0] += 1; continue }
                result.dateOrder.count(row[d], file: table.path)
                result.headers.append(HeaderRow(child: row[c].trimmed, dob: row[d].trimmed, mother: m.map { row[$0].trimmed } ?? "",
                                                year: y, source: RowSource(file: table.path, line: line)))
            }
        }
        if let table = try load("uasc.csv") {
            let (c, d) = (try SafeEcho.requiredColumn(table, "CHILD"), try SafeEcho.requiredColumn(table, "DOB"))
            for (row, line) in zip(table.rows, table.lines) {
                guard let y = filter(table, row) else { continue }
                guard row.count == table.columns.count else { result.unreadable[.uasc, default: [:]]["wrong number of fields", default: 0] += 1; continue }
                result.uasc.append(UASCRow(child: row[c].trimmed, dob: row[d].trimmed, year: y, source: RowSource(file: table.path, line: line)))
            }
        }
        if let table = try load("oc3.csv") {
            let (c, d, a) = (try SafeEcho.requiredColumn(table, "CHILD"), try SafeEcho.requiredColumn(table, "DOB"), try SafeEcho.requiredColumn(table, "ACCOM"))
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
