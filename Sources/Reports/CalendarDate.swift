/// A calendar date read from `YYYY-MM-DD…`, for labels.
package struct CalendarDate: Sendable, Equatable {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date at the start of `text`, if it starts `YYYY-MM-DD`.
    package init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `2025-06-01`.
    package var iso: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `1 June 2025`, as a UK council writes a date.
    package var long: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// The financial year (1 April to 31 March) holding this date, e.g. `2025/26`.
    package var financialYear: String {
        let start = month >= 4 ? year : year - 1
        let end = (start + 1) % 100
        return "\(start)/\(end < 10 ? "0" : "")\(end)"
    }
}
