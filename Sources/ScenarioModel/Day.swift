/// A calendar date as a day number: days since 1970-01-01 in the proleptic Gregorian calendar.
///
/// Plain integer arithmetic, no time zones: a scenario's dates are civil dates in England.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var number: Int

    public init(number: Int) { self.number = number }

    /// The day for a civil date; `nil` if the date does not exist (31 June, 29 February 2025).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.number = Day.daysFromCivil(year, month, day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD` for a real date written another way: day first with the year last
    /// (`01/04/2025`, `1.4.2025`, as UK spreadsheets write them), or without leading zeros
    /// (`2025-4-1`); `nil` for anything else, and for text already in that form.
    public static func isoSpelling(of text: String) -> String? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" || $0 == "." }
        guard parts.count == 3,
              parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let (year, month, day) = parts[0].count == 4 ? (parts[0], parts[1], parts[2])
            : parts[2].count == 4 ? (parts[2], parts[1], parts[0]) : ("", "", "")
        guard year.count == 4, month.count <= 2, day.count <= 2 else { return nil }
        func padded(_ part: Substring) -> String { part.count == 1 ? "0\(part)" : String(part) }
        let iso = "\(year)-\(padded(month))-\(padded(day))"
        guard iso != text, Day(iso: Substring(iso)) != nil else { return nil }
        return iso
    }

    /// The civil date of this day.
    public var civil: (year: Int, month: Int, day: Int) { Day.civilFromDays(number) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = civil
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    public static func + (day: Day, days: Int) -> Day { Day(number: day.number + days) }

    /// `1 June 2025`, as a UK council writes a date.
    public var longDescription: String {
        let (y, m, d) = civil
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(d) \(months[m - 1]) \(y)"
    }

    /// The last day of this day's month.
    public var monthEnd: Day {
        let (y, m, _) = civil
        return Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!
    }

    /// The same calendar day `months` months later, clamped to the month's last day.
    public func adding(months: Int) -> Day {
        let (y, m, d) = civil
        let total = y * 12 + (m - 1) + months
        let (ny, nm) = (total / 12, total % 12 + 1)
        return Day(year: ny, month: nm, day: min(d, Day.daysIn(month: nm, year: ny)))!
    }

    /// The day someone born on this day reaches `years` years of age.
    ///
    /// In England a person born on 29 February reaches a new age on 1 March in common years.
    public func birthday(age years: Int) -> Day {
        let (y, m, d) = civil
        if m == 2, d == 29, !Day.isLeap(y + years) { return Day(year: y + years, month: 3, day: 1)! }
        return Day(year: y + years, month: m, day: d)!
    }

    /// The financial year (1 April – 31 March) containing this day, by the calendar year it starts in.
    public var financialYear: FinancialYear {
        let (y, m, _) = civil
        return FinancialYear(startYear: m >= 4 ? y : y - 1)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's `days_from_civil` (http://howardhinnant.github.io/date_algorithms.html).
    @inline(__always)
    public static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Howard Hinnant's `civil_from_days`.
    public static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// A financial year, 1 April to 31 March, written as councils write it: `2025/26`.
public struct FinancialYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year of its 1 April.
    public var startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// Parses `2025/26` (the second part must be the next year's last two digits).
    public init?(label: Substring) {
        let parts = label.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let next = Int(parts[1]), (y + 1) % 100 == next
        else { return nil }
        self.startYear = y
    }

    public var firstDay: Day { Day(year: startYear, month: 4, day: 1)! }
    public var lastDay: Day { Day(year: startYear + 1, month: 3, day: 31)! }

    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)/\(next < 10 ? "0" : "")\(next)"
    }

    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }
}
