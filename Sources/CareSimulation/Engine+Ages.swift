import ScenarioModel

/// Dates of birth, ages and age bands: exact calendar birthdays, by table lookup (`CivilTable`).
extension Engine {
    /// An age in days drawn over the band's years — evenly, or by the shares of `ages` (evenly
    /// within each year of age; 0 days for a child entering at birth) — kept strictly inside the
    /// band, and inside the year of age drawn, whatever the leap years (so a child drawn for '1 to 4'
    /// is never 5 by a day). One uniform draw either way, so stating ages changes no other draw.
    mutating func ageInDays(band: Int, for i: Int, within ages: AgesWithinBand? = nil) -> Int {
        let from = bandFrom[band], to = bandTo[band]
        let u = people[i].rng.uniform()
        guard let ages else {
            let years = Double(from) + u * Double(to + 1 - from)
            return min(max(Int(years * 365.2425), from * 366), (to + 1) * 365 - 1)
        }
        guard let (year, fraction) = Self.yearOfAge(u, ages) else { return 0 }
        let age = from + year
        return min(max(Int((Double(age) + fraction) * 365.2425), age * 366), (age + 1) * 365 - 1)
    }

    /// The inverse distribution function of ages within a band: for a uniform `u`, the year of age
    /// (from the band's first) and how far into it; `nil` for the share entering at birth.
    static func yearOfAge(_ u: Double, _ ages: AgesWithinBand) -> (year: Int, fraction: Double)? {
        if u < ages.atBirth { return nil }
        var rest = u - ages.atBirth
        for (k, share) in ages.byAge.enumerated() where share > 0 {
            if rest < share { return (k, rest / share) }
            rest -= share
        }
        return (ages.byAge.lastIndex { $0 > 0 } ?? 0, 0.999_999)
    }

    mutating func setBirth(_ i: Int, day: Int) {
        let (y, m, d) = calendar.date(day)
        people[i].birthYear = Int16(y)
        people[i].birthMonth = UInt8(m)
        people[i].birthDay = UInt8(d)
    }

    /// Simulation time of person `i`'s birthday at `age`: exact calendar birthdays, and 1 March
    /// in common years for those born on 29 February (as in English law).
    @inline(__always)
    func birthdayTime(_ i: Int, age: Int) -> Double {
        let year = Int(people[i].birthYear) + age
        var month = Int(people[i].birthMonth), day = Int(people[i].birthDay)
        if month == 2 && day == 29 && !Day.isLeap(year) { (month, day) = (3, 1) }
        return Double(calendar.dayNumber(year, month, day) - start)
    }

    /// Person `i`'s age in whole years on the day containing time `t` (exact calendar birthdays).
    mutating func age(_ i: Int, at t: Double) -> Int {
        let (y, m, d) = calendar.date(start + Self.day(t))
        var bm = Int(people[i].birthMonth), bd = Int(people[i].birthDay)
        if bm == 2 && bd == 29 && !Day.isLeap(y) { (bm, bd) = (3, 1) }
        return y - Int(people[i].birthYear) - ((m, d) < (bm, bd) ? 1 : 0)
    }

    /// The day of time `t` (≥ 0) since the start: truncation, which for times not before the start
    /// is `floor` without its library call.
    @inline(__always)
    static func day(_ t: Double) -> Int {
        assert(t >= 0, "a time before the start")
        return Int(t)
    }

    /// The age band of person `i` at time `t`.
    mutating func bandIndex(_ i: Int, at t: Double) -> Int {
        if people[i].kind == .family { return familyBand }
        let years = max(0, age(i, at: t))
        let band = bandOfAge[min(years, bandOfAge.count - 1)]
        // A care leaver is in a leaver band even on the day care ends; a child never is.
        return people[i].kind == .leaver ? max(band, childBands) : min(band, childBands - 1)
    }

    /// Sets person `i`'s band for time `t` and when it next changes.
    mutating func setBand(_ i: Int, at t: Double) {
        storeBand(i, bandIndex(i, at: t))
    }

    /// Sets person `i`'s band at time `t` to `ageBand`, already known to hold its age then (an age
    /// drawn within a band, a birthday that starts one), with the same adjustment for children and
    /// care leavers as `bandIndex`; debug builds check that `bandIndex` agrees. It saves working the
    /// age out from the calendar again.
    mutating func setBand(_ i: Int, to ageBand: Int, at t: Double) {
        let band = people[i].kind == .leaver ? max(ageBand, childBands) : min(ageBand, childBands - 1)
        assert(band == bandIndex(i, at: t), "a known band that the calendar disagrees with")
        storeBand(i, band)
    }

    @inline(__always)
    private mutating func storeBand(_ i: Int, _ band: Int) {
        people[i].band = Int16(band)
        let last = people[i].kind == .leaver ? bandFromAge.count - 1 : childBands - 1
        people[i].nextBandTime = band < last && people[i].kind != .family
            ? birthdayTime(i, age: bandFromAge[band + 1]) : .infinity
    }

    /// Moves a placed person's band on if a birthday has passed, keeping the live counts right.
    /// Usually the birthday that starts the next band has just come and the one after has not.
    @inline(__always)
    mutating func updateBand(_ i: Int, at t: Double) {
        guard people[i].nextBandTime <= t else { return }
        count(i, by: -1)
        let next = Int(people[i].band) + 1
        if next + 1 >= bandFromAge.count || t < birthdayTime(i, age: bandFromAge[next + 1]) {
            setBand(i, to: next, at: t)
        } else {
            setBand(i, at: t)
        }
        count(i, by: 1)
    }
}
