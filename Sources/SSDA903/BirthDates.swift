/// Dates of birth and flags per child, resolved from the header, uasc and OC3 tables.
struct BirthDates {
    var dob: [Int: Int] = [:]
    var mothers: Set<Int> = []
    var uasc: Set<Int> = []
    /// Per table, per row: the child (nil if the child has no usable episode) and whether the row was chosen.
    private var headerRows: [(child: Int?, dobValid: Bool, chosen: Bool)] = []
    private var uascRows: [(child: Int?, chosen: Bool)] = []

    /// Resolves dates of birth for the children in `ids`; the latest year's valid row wins.
    static func resolve(_ data: Return903, ids: [String: Int], report: inout DataQualityReport) -> BirthDates {
        var result = BirthDates()
        var best: [Int: (year: CollectionYear, row: Int, dob: Int)] = [:]
        for (index, row) in data.headers.enumerated() {
            let child = ids[row.child]
            let day = CivilDate.parse(row.dob)
            result.headerRows.append((child, day != nil, false))
            guard let child, let day else { continue }
            if let b = best[child], b.dob != day { report.count(.header, .adjusted, "date of birth differs between years (latest year used)") }
            if best[child].map({ row.year >= $0.year }) ?? true { best[child] = (row.year, index, day) }
            if ["1", "1.0", "1.00", "Y", "TRUE"].contains(row.mother.uppercased()) { result.mothers.insert(child) }
        }
        for (child, b) in best {
            result.dob[child] = b.dob
            result.headerRows[b.row].chosen = true
        }
        var latestUASC: [Int: (year: CollectionYear, row: Int)] = [:]
        for (index, row) in data.uasc.enumerated() {
            let child = ids[row.child]
            result.uascRows.append((child, false))
            guard let child else { continue }
            result.uasc.insert(child)
            if latestUASC[child].map({ row.year >= $0.year }) ?? true { latestUASC[child] = (row.year, index) }
            if result.dob[child] == nil, let day = CivilDate.parse(row.dob) {
                result.dob[child] = day
                report.count(.uasc, .adjusted, "date of birth taken from the uasc table (no header row)")
            }
        }
        for (_, l) in latestUASC { result.uascRows[l.row].chosen = true }
        for row in data.oc3 {
            guard let child = ids[row.child], result.dob[child] == nil, let day = CivilDate.parse(row.dob) else { continue }
            result.dob[child] = day
            report.count(.oc3, .adjusted, "date of birth taken from the oc3 table (no header or uasc row)")
        }
        return result
    }

    /// Counts every header and uasc row as used, merged or rejected.
    func account(usedChildren: Set<Int>, report: inout DataQualityReport) {
        var used = 0
        for row in headerRows {
            if row.child == nil || !usedChildren.contains(row.child!) {
                report.count(.header, .rejected, "no usable episodes for this child")
            } else if !row.dobValid {
                report.count(.header, .rejected, "date of birth (DOB) missing or not a date")
            } else if row.chosen {
                used += 1
            } else {
                report.count(.header, .merged, "child repeated in another year's header (latest year used)")
            }
        }
        report.rowsUsed[.header] = used
        used = 0
        for row in uascRows {
            if row.child == nil || !usedChildren.contains(row.child!) {
                report.count(.uasc, .rejected, "no usable episodes for this child")
            } else if row.chosen {
                used += 1
            } else {
                report.count(.uasc, .merged, "child repeated in another year's uasc table (latest year used)")
            }
        }
        report.rowsUsed[.uasc] = used
    }
}

/// OC3 accommodation codes counted by collection year.
enum OC3Counts {
    static func count(_ rows: [OC3Row], report: inout DataQualityReport) -> [CollectionYear: [String: Int]] {
        var result: [CollectionYear: [String: Int]] = [:]
        var seen: Set<String> = []
        var used = 0
        for row in rows {
            if row.accommodation.isEmpty { report.count(.oc3, .rejected, "accommodation code (ACCOM) missing"); continue }
            // Counted by code, and the codes are written out: only a code's shape (a letter, then
            // at most one digit) is kept, so a shifted column cannot carry a child's data out.
            guard isAccommodationCode(row.accommodation) else {
                report.count(.oc3, .rejected, "accommodation code (ACCOM) not recognised")
                continue
            }
            guard seen.insert("\(row.year.endingYear)\u{1F}\(row.child)").inserted else {
                report.count(.oc3, .merged, "child repeated in one year's oc3 table")
                continue
            }
            result[row.year, default: [:]][row.accommodation, default: 0] += 1
            used += 1
        }
        report.rowsUsed[.oc3] = used
        return result
    }

    /// OC3 ACCOM codes are a letter (B, C, D, …), with a 1 or 2 for suitable or not in some years.
    static func isAccommodationCode(_ code: String) -> Bool {
        let u = Array(code.unicodeScalars)
        guard (1...2).contains(u.count), ("A"..."Z").contains(u[0]) else { return false }
        return u.count == 1 || ("0"..."9").contains(u[1])
    }
}
