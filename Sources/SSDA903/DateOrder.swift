/// Evidence of the order of day and month in `nn/nn/YYYY` dates, counted file by file.
///
/// Raw 903 files write `dd/mm/YYYY`. A spreadsheet set to US dates writes `mm/dd/YYYY`, which
/// reads as impossible dates (month 13 and over) or, worse, as wrong ones (3 December for
/// 12 March). A date whose first number is 13–31 can only be day-first; one whose second number
/// is 13–31 can only be month-first. A file with more month-first dates than day-first ones (and
/// at least three) has its days and months swapped.
public struct DateOrder: Sendable {
    /// Dates that can only be day first, and dates that can only be month first, by file path.
    public var byFile: [String: (dayFirst: Int, monthFirst: Int)] = [:]

    public init() {}

    /// Counts `text` if it has the form `nn/nn/YYYY` (or `n/n/YYYY`, as a US spreadsheet writes `4/13/2019`).
    mutating func count(_ text: String, file: String) {
        let b = Array(text.utf8.prefix { $0 != 0x20 && $0 != 0x54 })
        guard let (first, second, _) = CivilDate.slashed(b) else { return }
        if (13...31).contains(first), (1...12).contains(second) { byFile[file, default: (0, 0)].dayFirst += 1 }
        if (13...31).contains(second), (1...12).contains(first) { byFile[file, default: (0, 0)].monthFirst += 1 }
    }

    mutating func add(_ other: DateOrder) {
        for (file, n) in other.byFile {
            byFile[file, default: (0, 0)].dayFirst += n.dayFirst
            byFile[file, default: (0, 0)].monthFirst += n.monthFirst
        }
    }

    /// Files whose dates look month first, by path: more dates can only be month first than day
    /// first, and at least three (in a correct file such a date is a typo, so one or two in a small
    /// file say little).
    public var monthFirstFiles: [String] {
        byFile.filter { $0.value.monthFirst > $0.value.dayFirst && $0.value.monthFirst >= 3 }.keys.sorted()
    }

    /// Over all files: dates that can only be day first, and only month first.
    public var totals: (dayFirst: Int, monthFirst: Int) {
        byFile.values.reduce((0, 0)) { ($0.0 + $1.dayFirst, $0.1 + $1.monthFirst) }
    }
}
