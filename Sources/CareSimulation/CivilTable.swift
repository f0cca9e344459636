import ScenarioModel

/// Civil dates and day numbers by table lookup, for the days and years a simulation touches
/// (births up to 30 years before the start, birthdays up to 30 years after the end).
///
/// The tables hold exactly what `Day.civilFromDays` and `Day.daysFromCivil` return (Hinnant's
/// algorithms), so results are unchanged; a lookup outside the tables falls back to them.
/// Replaces ~100 instructions of divisions per conversion, on every entry, birthday and exit.
struct CivilTable: Sendable {
    /// The day number of `civil[0]`.
    private let firstDay: Int
    /// Packed civil dates: `year << 9 | month << 5 | day`.
    private let civil: [Int32]
    private let firstYear: Int
    /// `Day.daysFromCivil(year, month, 1)` at `(year - firstYear) * 12 + month - 1`.
    private let monthStart: [Int32]

    init(from first: Day, through last: Day) {
        firstDay = first.number - 30 * 366
        civil = (firstDay...(last.number + 1)).map { n in
            let (y, m, d) = Day(number: n).civil
            return Int32(y << 9 | m << 5 | d)
        }
        firstYear = first.civil.year - 31
        let lastYear = last.civil.year + 31
        var starts: [Int32] = []
        for y in firstYear...lastYear { for m in 1...12 { starts.append(Int32(Day.daysFromCivil(y, m, 1))) } }
        monthStart = starts
    }

    /// The civil date of day number `day`.
    @inline(__always)
    func date(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let k = day - firstDay
        guard k >= 0 && k < civil.count else { return Day(number: day).civil }
        let packed = Int(civil[k])
        return (packed >> 9, (packed >> 5) & 15, packed & 31)
    }

    /// The day number of a civil date; `daysFromCivil` is linear in the day of the month.
    @inline(__always)
    func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let k = (year - firstYear) * 12 + month - 1
        guard k >= 0 && k < monthStart.count else { return Day.daysFromCivil(year, month, day) }
        return Int(monthStart[k]) + day - 1
    }
}
