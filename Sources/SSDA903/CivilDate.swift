import ScenarioModel

/// Calendar dates as day numbers: days since 1970-01-01 in the proleptic Gregorian calendar.
///
/// No `Calendar`, no time zones: a 903 date is a civil date, and day arithmetic on plain
/// integers is both faster and free of daylight-saving traps.
/// Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms"
/// (`days_from_civil`, `civil_from_days`), http://howardhinnant.github.io/date_algorithms.html
package enum CivilDate {
    /// The day number of `year`-`month`-`day` (no validation).
    package static func days(year: Int, month: Int, day: Int) -> Int {
        Day.daysFromCivil(year, month, day)
    }

    /// The civil date of a day number.
    package static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        Day(number: days).civil
    }

    /// Days in `month` of `year`.
    package static func daysInMonth(year: Int, month: Int) -> Int {
        Day.daysIn(month: month, year: year)
    }

    /// Parses `dd/mm/YYYY` (raw 903; `d/m/YYYY` too) or `YYYY-MM-DD` (regional ISO); `nil` for
    /// anything else or an impossible date such as 31/02/2019. A trailing time (` 00:00:00`, `T00:00:00`) is ignored.
    package static func parse(_ text: String) -> Int? {
        var bytes = Array(text.utf8)
        if let cut = bytes.firstIndex(where: { $0 == 0x20 || $0 == 0x54 }), cut >= 8 { bytes.removeSubrange(cut...) }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        let year: Int, month: Int, day: Int
        if let (first, second, y) = slashed(bytes) {
            (year, month, day) = (y, second, first)
        } else if bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D {
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// The numbers of `n/n/YYYY` with one or two digits each before the year (`01/04/2019`, and
    /// `1/4/2019` as a spreadsheet may save it), in the order written; `nil` for anything else.
    package static func slashed(_ bytes: [UInt8]) -> (Int, Int, Int)? {
        let parts = bytes.split(separator: 0x2F, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { (0x30...0x39).contains($0) } }) else { return nil }
        let value = { (part: Array<UInt8>.SubSequence) in part.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        return (value(parts[0]), value(parts[1]), value(parts[2]))
    }

    /// `dd/mm/YYYY`, as raw 903 files write dates.
    package static func formatRaw(_ days: Int) -> String {
        let c = civil(days)
        return "\(pad(c.day))/\(pad(c.month))/\(c.year)"
    }

    /// `YYYY-MM-DD`.
    package static func formatISO(_ days: Int) -> String {
        Day(number: days).description
    }

    /// `1 April 2026`: for people, and unlike either input format.
    package static func formatLong(_ days: Int) -> String {
        Day(number: days).longDescription
    }

    /// The day on which someone born on `birth` turns `years` old (29 February birthdays fall on 1 March).
    package static func birthday(_ birth: Int, age years: Int) -> Int {
        Day(number: birth).birthday(age: years).number
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
