import Foundation
import ScenarioModel

/// The strategy's measures (docs/measures.md): counted over the people at the start and at each
/// 31 March, once per year per replication, and at adoptions; never per event otherwise.
extension Engine {
    /// Counts the measures' snapshot figures over everyone in the model at time `t`, the end of
    /// the day the figures are as at (0 for the start), into `slot` (0 the start, *y* + 1 year *y*).
    mutating func recordMeasures(slot: Int, at t: Double) {
        // Ages are as on the day: a child is under 16 on it when born after the same date 16 years
        // before, so a birth date (as year, month and day in one number) against a threshold,
        // rather than a birthday looked up per child.
        let (y, m, d) = calendar.date(start + Self.day(max(0, t - 1)))
        func born(yearsBefore n: Int) -> Int { (y - n) << 9 | m << 5 | d }
        let under16After = born(yearsBefore: 16), aged19By = born(yearsBefore: 19), under22After = born(yearsBefore: 22)
        let year = slot - 1
        var inCare = 0, three = 0, longTerm = 0, samePlacement = 0, outOfArea = 0
        var foster = 0, inHouseFoster = 0, leavers = 0, suitable = 0
        let longTermFrom = Float32(t - Self.twoAndAHalfYears), samePlacementFrom = Float32(t - Self.twoYears)
        let people = people
        measureFlags.withUnsafeBufferPointer { flags in
            for i in 0..<people.count {
                switch people[i].kind {
                case .child:
                    let f = flags[Int(people[i].provider)]
                    inCare += 1
                    outOfArea += people[i].local ? 0 : 1
                    foster += Int(f & MeasureSetup.foster)
                    inHouseFoster += Int(f & MeasureSetup.inHouseFoster) >> 1
                    if Int(people[i].yearIndex) == year && people[i].yearPlacements >= 3 { three += 1 }
                    if people[i].careStart <= longTermFrom && birth(i) > under16After {
                        longTerm += 1
                        samePlacement += people[i].placementStart <= samePlacementFrom ? 1 : 0
                    }
                case .leaver:
                    let born = birth(i)
                    if born <= aged19By && born > under22After {
                        leavers += 1
                        suitable += Int(~flags[Int(people[i].provider)] & MeasureSetup.unsuitable) >> 2
                    }
                case .family, .none:
                    break
                }
            }
        }
        var households = 0
        for p in model.measureSetup.carerProviders { households += self.households[p] }
        func put(_ count: MeasureCount, _ value: Int) { measureCounts[MeasureCount.index(count, slot: slot)] = Double(value) }
        put(.childrenInCare, inCare)
        put(.threePlacements, three)
        put(.longTermInCare, longTerm)
        put(.longTermSamePlacement, samePlacement)
        put(.outOfArea, outOfArea)
        put(.inFoster, foster)
        put(.inHouseFoster, inHouseFoster)
        put(.fosterHouseholds, households)
        put(.leaversAged19to21, leavers)
        put(.leaversSuitable, suitable)
    }

    /// Person `i`'s date of birth as one number, ordered as the dates are.
    @inline(__always)
    func birth(_ i: Int) -> Int { Int(people[i].birthYear) << 9 | Int(people[i].birthMonth) << 5 | Int(people[i].birthDay) }

    /// 2.5 years and 2 years in days (years of 365.25 days).
    static let twoAndAHalfYears = 2.5 * 365.25
    static let twoYears = 2 * 365.25

    /// Records the measures at month end `month` when it is a financial year's 31 March.
    @inline(__always)
    mutating func recordMeasures(month: Int) {
        let year = measureYearOfMonth[month]
        if year >= 0 { recordMeasures(slot: year + 1, at: model.snapshotTimes[month]) }
    }

    /// An adoption at `t`: counted, with the days since the child entered care.
    @inline(__always)
    mutating func countAdoption(_ i: Int, year: Int, at t: Double) {
        measureCounts[MeasureCount.index(.adopted, slot: year + 1)] += 1
        measureCounts[MeasureCount.index(.adoptionDays, slot: year + 1)] += t - Double(people[i].careStart)
    }

    /// Time in care and in the current placement of the children in care on the start date, which
    /// the scenario does not give: drawn from what a steady state implies (docs/measures.md).
    ///
    /// Time since entering care is drawn, given the child's age, from `StartingTimes` (entries at
    /// the scenario's rates, surviving its exit rates); time since the last move from the
    /// backward-recurrence time of the placement type's moves (exponential at the move rate),
    /// capped by the time in care. Both draws are hashed from the child's generator without
    /// advancing it, so no other draw changes (the golden tallies stay as they were).
    /// Called for each child of the starting population as it is placed, while its person is in
    /// the cache (a pass over everyone afterwards costs a cache miss per child).
    mutating func drawStartingTimes(_ i: Int) {
        let age = -birthdayTime(i, age: 0)
        let inCare = startingTimes.draw(age: age, u: hashedUniform(i, salt: 0xA24B_AED4_963E_E407))
        let rate = params.moveRate[providerType[Int(people[i].provider)]]
        let sinceMove = rate > 0 ? -log1p(-hashedUniform(i, salt: 0x9FB2_1C65_1E98_DF25)) / rate : .infinity
        people[i].careStart = Float32(-inCare)
        people[i].placementStart = Float32(-min(inCare, sinceMove))
    }
}

/// The distribution of time already spent in care by a child of a given age in care on the start
/// date, in a steady state: a child aged *a* who entered at age *e* = *a* − *x* is there with
/// density proportional to the entry rate at age *e* times the chance of staying in care from
/// *e* to *a* — exp(−∫ exit rate) over the bands passed through, or, for a band whose time in care
/// is a shaped distribution, an exponential with its mean. Entries are spread evenly within each
/// band. Tabulated by month of age and month of time in care, once per engine.
struct StartingTimes {
    static let month = 365.2425 / 12
    static let months = 18 * 12
    /// Row *r* (age *r* months) holds the cumulative probabilities of *k* + 1 months in care, k = 0 … r,
    /// at `cumulative[r * (r + 1) / 2 + k]`.
    let cumulative: [Double]
    /// The days in care at u = j / `steps`, j = 0 … `steps`, for each row (`quantiles[r * (steps + 1) + j]`),
    /// so that a draw is a look-up and a linear interpolation.
    static let steps = 256
    private(set) var quantiles: [Double] = []

    init(_ s: Scenario) {
        let bands = s.firstLeaverBand
        let ageBands = Array(s.ageBands.prefix(bands))
        let month = Self.month
        func band(ofMonth m: Int) -> Int {
            let years = m / 12
            return ageBands.lastIndex { $0.fromAge <= years } ?? 0
        }
        // Entries per day of age, and exit rates (per day), at each month of age.
        var entry = [Double](repeating: 0, count: Self.months)
        var exit = [Double](repeating: 0, count: Self.months)
        var meanStay = [Double?](repeating: nil, count: Self.months)
        for m in 0..<Self.months {
            let b = band(ofMonth: m)
            let width = Double(ageBands[b].toAge - ageBands[b].fromAge + 1) * 365.2425
            entry[m] = (b < s.entries.perYear.count ? s.entries.perYear[b].perYear : 0) / width
            exit[m] = s.exits.rates.reduce(0) { $0 + (b < $1.count ? $1[b].perYear : 0) } / 365.2425
            meanStay[m] = b < s.exits.duration.count ? s.exits.duration[b]?.meanDays : nil
        }
        // Cumulative exit hazard from birth to the start of each month of age.
        var hazard = [Double](repeating: 0, count: Self.months + 1)
        for m in 0..<Self.months { hazard[m + 1] = hazard[m] + exit[m] * month }
        var table: [Double] = []
        table.reserveCapacity(Self.months * (Self.months + 1) / 2)
        for r in 0..<Self.months {
            let age = (Double(r) + 0.5) * month
            var weights: [Double] = []
            for k in 0...r {
                let elapsed = (Double(k) + 0.5) * month
                let entryAge = max(0, age - elapsed)
                let e = min(Int(entryAge / month), Self.months - 1)
                let survival: Double
                if let mean = meanStay[e] {
                    survival = exp(-elapsed / mean)
                } else {
                    let h = hazard[r] + exit[r] * (age - Double(r) * month)
                        - (hazard[e] + exit[e] * (entryAge - Double(e) * month))
                    survival = exp(-max(0, h))
                }
                weights.append(entry[e] * survival)
            }
            let total = weights.reduce(0, +)
            var sum = 0.0
            for w in weights {
                sum += total > 0 ? w / total : 1 / Double(weights.count)
                table.append(sum)
            }
        }
        cumulative = table
        var quantiles: [Double] = []
        quantiles.reserveCapacity(Self.months * (Self.steps + 1))
        for r in 0..<Self.months {
            for j in 0...Self.steps { quantiles.append(invert(row: r, u: min(Double(j) / Double(Self.steps), 1 - 1e-12))) }
        }
        self.quantiles = quantiles
    }

    /// Days in care, for a child aged `age` days, from a uniform `u`: the quantile function of the
    /// row of the child's month of age, interpolated linearly between 257 points; never more than
    /// the child's age.
    func draw(age: Double, u: Double) -> Double {
        let r = min(max(Int(age / Self.month), 0), Self.months - 1)
        let q = u * Double(Self.steps)
        let j = min(Int(q), Self.steps - 1)
        let k = r * (Self.steps + 1) + j
        return min(quantiles[k] + (q - Double(j)) * (quantiles[k + 1] - quantiles[k]), max(age, 0))
    }

    /// Days in care at the quantile `u` of row `r`: the month by inverting the row's cumulative
    /// probabilities, evenly within it (at most the row's age).
    func invert(row r: Int, u: Double) -> Double {
        let start = r * (r + 1) / 2
        var low = 0, high = r
        while low < high {
            let mid = (low + high) / 2
            if cumulative[start + mid] > u { high = mid } else { low = mid + 1 }
        }
        let before = low > 0 ? cumulative[start + low - 1] : 0
        let width = cumulative[start + low] - before
        let fraction = width > 0 ? min(max((u - before) / width, 0), 1) : 0.5
        return min((Double(low) + fraction) * Self.month, (Double(r) + 1) * Self.month)
    }
}
