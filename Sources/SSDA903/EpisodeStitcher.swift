/// Joins the yearly tables of a return into children's periods of care, accounting for every row.
///
/// Rules, each counted in the ``DataQualityReport``:
/// - a row is rejected for a missing or impossible date (not a date, before 1990, after the end
///   of its collection year, end before start), a PLACE code not valid for its collection year,
///   an unknown REC code, or a closed episode without a REC;
/// - rows with the same child and start date: the row from the latest year is used (an open
///   episode reappears, closed or still open, in the next year's return); the others are merged;
///   two different rows in one year for the same child and start are a conflict (the first kept);
/// - overlapping episodes (a start before the previous episode ends): the earlier one is truncated;
/// - a gap after an episode that continues (REC X1): bridged, the child stays in care;
/// - an open episode with no later row: censored at the end of its collection year;
/// - a period of care ends with an episode whose REC is an exit (not X1);
/// - ages need a date of birth (header, else uasc, else OC3): episodes of a child without one,
///   starting before birth, or starting on or after the 18th birthday are rejected.
public enum EpisodeStitcher {
    private struct Parsed {
        var child: Int
        var start: Int
        var end: Int?
        var placement: Placement
        var place: String
        var provider: String
        var rec: String
        var rne: String
        var ls: String
        var year: CollectionYear
        var row: Int
    }

    static let earliest = CivilDate.days(year: 1990, month: 1, day: 1)

    /// Stitches `data` into periods of care.
    /// - Complexity: O(*n* log *n*) in the number of episode rows.
    public static func stitch(_ data: Return903) -> StitchedReturn {
        var report = DataQualityReport()
        report.notes = data.yearNotes
        let order = data.dateOrder.totals
        if order.monthFirst > 0 {
            report.notes.append("dates written nn/nn/YYYY: \(order.dayFirst) can only be day first and \(order.monthFirst) only month first"
                                + " (in \(data.dateOrder.monthFirstFiles.count) files more are month first)")
        }
        for table in Table.allCases {
            for (reason, n) in data.unreadable[table] ?? [:] { report.count(table, .rejected, reason, n) }
        }
        report.rowsRead[.episodes] = data.episodes.count + (data.unreadable[.episodes]?.values.reduce(0, +) ?? 0)
        report.rowsRead[.header] = data.headers.count + (data.unreadable[.header]?.values.reduce(0, +) ?? 0)
        report.rowsRead[.uasc] = data.uasc.count + (data.unreadable[.uasc]?.values.reduce(0, +) ?? 0)
        report.rowsRead[.oc3] = data.oc3.count + (data.unreadable[.oc3]?.values.reduce(0, +) ?? 0)
        let years = data.years
        let lastYear = years.last ?? CollectionYear(endingYear: 2000)
        let dataEnd = lastYear.lastDay + 1

        var ids: [String: Int] = [:]
        func id(_ s: String) -> Int {
            if let i = ids[s] { return i }
            ids[s] = ids.count
            return ids.count - 1
        }
        var validCodes: [CollectionYear: Set<String>] = [:]
        for y in years { validCodes[y] = PlacementCodes.validPlaceCodes(in: y) }

        // 1. Row by row.
        var parsed: [Parsed] = []
        parsed.reserveCapacity(data.episodes.count)
        for (index, row) in data.episodes.enumerated() {
            func reject(_ reason: String) { report.count(.episodes, .rejected, reason) }
            guard !row.child.isEmpty else { reject("child identifier (CHILD) missing"); continue }
            guard let start = CivilDate.parse(row.decom) else { reject("start date (DECOM) missing or not a date"); continue }
            var end: Int?
            if !row.dec.isEmpty {
                guard let e = CivilDate.parse(row.dec) else { reject("end date (DEC) not a date"); continue }
                end = e
            }
            if start < earliest { reject("start date before 1990"); continue }
            if start > row.year.lastDay { reject("start date after its collection year ends"); continue }
            if let end, end > row.year.lastDay { reject("end date after its collection year ends"); continue }
            if let end, end < start { reject("end date before start date"); continue }
            if row.place.isEmpty { reject("placement code (PLACE) missing"); continue }
            // A code is quoted only when it is one of the 903's codes: a shifted column must not
            // put a child's data into the report.
            if !(validCodes[row.year] ?? []).contains(row.place) {
                reject(PlacementCodes.allPlaceCodes.contains(row.place) ? "placement code '\(row.place)' not valid in \(row.year)"
                                                                       : "placement code (PLACE) not recognised"); continue
            }
            if end != nil {
                if row.rec.isEmpty { reject("episode ended without a reason (REC)"); continue }
                if !PlacementCodes.reasonCeasedCodes.contains(row.rec) { reject("reason ceased code (REC) not recognised"); continue }
            }
            parsed.append(Parsed(child: id(row.child), start: start, end: end,
                                 placement: PlacementCodes.placement(code: row.place, provider: row.provider),
                                 place: row.place, provider: row.provider, rec: end == nil ? "" : row.rec, rne: row.rne,
                                 ls: row.ls, year: row.year, row: index))
        }

        // 2. Dates of birth: header first, then uasc, then OC3; the latest year's row wins.
        let births = BirthDates.resolve(data, ids: ids, report: &report)

        // 3. Child by child, in start order; the latest year's row first among equal starts.
        parsed.sort { ($0.child, $0.start, $1.year, $0.row) < ($1.child, $1.start, $0.year, $1.row) }
        var children: [StitchedChild] = []
        var used = 0
        var i = 0
        while i < parsed.count {
            var j = i
            while j < parsed.count, parsed[j].child == parsed[i].child { j += 1 }
            var kept: [Parsed] = []
            var k = i
            while k < j {
                let first = parsed[k]
                var m = k + 1
                while m < j, parsed[m].start == first.start {
                    let other = parsed[m]
                    if other.year != first.year {
                        report.count(.episodes, .merged, "episode repeated in a later year's return (later row used)")
                    } else if (other.end, other.place, other.provider, other.rec, other.rne, other.ls)
                                == (first.end, first.place, first.provider, first.rec, first.rne, first.ls) {
                        report.count(.episodes, .merged, "exact duplicate row")
                    } else {
                        report.count(.episodes, .rejected, "two different episodes with the same child and start date in one year")
                    }
                    m += 1
                }
                kept.append(first)
                k = m
            }
            let child = parsed[i].child
            i = j
            guard let birth = births.dob[child] else {
                report.count(.episodes, .rejected, "no date of birth for the child (no header, uasc or oc3 row)", kept.count)
                continue
            }
            let eighteen = CivilDate.birthday(birth, age: 18)
            kept.removeAll { e in
                if e.start < birth { report.count(.episodes, .rejected, "start date before the date of birth"); return true }
                if e.start >= eighteen { report.count(.episodes, .rejected, "start date on or after the 18th birthday"); return true }
                return false
            }
            guard !kept.isEmpty else { continue }
            used += kept.count
            children.append(StitchedChild(dob: birth, isMother: births.mothers.contains(child), isUASC: births.uasc.contains(child),
                                          periods: periods(kept, dataEnd: dataEnd, lastYear: lastYear, report: &report)))
        }
        report.rowsUsed[.episodes] = used
        let withEpisodes = Set(parsed.map(\.child))
        births.account(usedChildren: withEpisodes, report: &report)
        let oc3 = OC3Counts.count(data.oc3, report: &report)
        return StitchedReturn(children: children, report: report, years: years, dataEnd: dataEnd, oc3Accommodation: oc3,
                              dateOrder: data.dateOrder)
    }

    /// Builds periods of care from one child's episodes, sorted by start, one per start date.
    private static func periods(_ episodes: [Parsed], dataEnd: Int, lastYear: CollectionYear,
                                report: inout DataQualityReport) -> [CarePeriod] {
        var result: [CarePeriod] = []
        var current: [CareEpisode] = []
        var previous: Parsed?
        for (n, e) in episodes.enumerated() {
            var e = e
            let next = n + 1 < episodes.count ? episodes[n + 1] : nil
            if let nextStart = next?.start {
                if e.end == nil || e.end! > nextStart {
                    report.count(.episodes, .adjusted, e.end == nil ? "open episode followed by a later one: ended when the next began"
                                                                   : "overlapping episodes: earlier one truncated")
                    e.end = nextStart
                    e.rec = "X1"
                } else if e.rec == "X1", e.end! < nextStart {
                    report.count(.episodes, .adjusted, "gap after an episode that continues (X1): bridged")
                    e.end = nextStart
                }
            }
            var isMove = false
            if let p = previous, !current.isEmpty {
                isMove = ["P", "B", "T", "U"].contains(e.rne) || p.place != e.place || p.provider != e.provider
            }
            current.append(CareEpisode(start: e.start, end: e.end, placement: e.placement, inHouse: e.provider == "PR1", isMove: isMove))
            previous = e
            let ending: PeriodEnding?
            if e.end == nil {
                if e.year < lastYear {
                    report.count(.episodes, .adjusted, "open episode missing from the next year's return: censored at year end")
                    current[current.count - 1].end = e.year.lastDay + 1
                    ending = .censored
                } else {
                    ending = .open
                }
            } else if e.rec != "X1" {
                ending = .exit(rec: e.rec)
            } else if next == nil {
                report.count(.episodes, .adjusted, "episode continues (X1) but no later episode: censored")
                ending = .censored
            } else {
                ending = nil
            }
            if let ending {
                result.append(CarePeriod(episodes: current, ending: ending))
                current = []
            }
        }
        if !current.isEmpty { result.append(CarePeriod(episodes: current, ending: .censored)) }
        return result
    }
}
