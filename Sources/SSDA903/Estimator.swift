/// Estimates a ``Calibration`` from stitched periods of care.
///
/// Method: occurrence/exposure rates (the maximum-likelihood estimate of a constant hazard,
/// events ÷ person-time; Poisson standard error √events ÷ person-time). Exposure is counted in
/// child-days inside the window, split at birthdays into DfE age bands and by placement type.
/// Exits on or after the day before the 18th birthday count as ageing out, not as band exits; an
/// exit on day *e* belongs to the age band of day *e* (exposure runs to the start of that day).
public enum Estimator {
    /// Estimates rates as of `asOf` over the `windowYears` before it.
    ///
    /// The window is clipped to the data: it starts no earlier than the first collection year and
    /// ends no later than ``StitchedReturn/dataEnd``.
    /// - Parameters:
    ///   - asOf: the snapshot date (day number); defaults to the end of the data.
    ///   - windowYears: the length of the reference window in years.
    /// - Complexity: O(*n*) in the number of episodes.
    public static func estimate(_ data: StitchedReturn, asOf: Int? = nil, windowYears: Double = 3) -> Calibration {
        let snapshot = asOf ?? data.dataEnd
        let firstDay = data.years.first?.firstDay ?? snapshot
        let end = min(snapshot + 1, data.dataEnd)  // the window includes the snapshot day
        let start = max(firstDay, end - Int((windowYears * 365.25).rounded()))
        var c = Calibration(asOf: snapshot, windowStart: start, windowEnd: max(start, end))
        let years = c.windowYears
        var bandDays = [Int](repeating: 0, count: AgeBand.allCases.count)
        var placementDays = [Placement: Int]()
        var entryCounts = [Int](repeating: 0, count: AgeBand.allCases.count)
        var exitCounts = [ExitReason: [Int]]()
        var moveCounts = [Placement: Int]()
        var r3Days = 0
        var aged18Beyond = 0

        for child in data.children {
            var edges = [child.dob]
            for band in AgeBand.allCases { edges.append(CivilDate.birthday(child.dob, age: band.upperAge)) }
            let eighteen = edges[5]
            func band(_ day: Int) -> Int? {
                guard day >= edges[0] else { return nil }
                for k in 0..<5 where day < edges[k + 1] { return k }
                return nil
            }
            /// Whole years of age on `day`, given its band `b`.
            func age(_ day: Int, band b: Int) -> Int {
                var a = AgeBand.allCases[b].lowerAge
                while a + 1 < AgeBand.allCases[b].upperAge, day >= CivilDate.birthday(child.dob, age: a + 1) { a += 1 }
                return a
            }
            for period in child.periods {
                // A baby placed first with a parent (R3) is a family: counted once, in parent_and_child's
                // starts, not as an entry; whether it stayed in care after the placement gives baby_enters_care.
                let firstInParentAndChild = period.episodes[0].placement == .parentAndChild && band(period.start) == 0
                if firstInParentAndChild {
                    if period.start >= c.windowStart, period.start < c.windowEnd { c.babiesFirstInParentAndChild += 1 }
                    let r3 = period.episodes.prefix { $0.placement == .parentAndChild }
                    if let e = r3.last?.end, e >= c.windowStart, e < c.windowEnd {
                        if r3.count < period.episodes.count { c.babiesStayingAfterParentAndChild += 1 }
                        else if case .exit = period.ending { c.babiesLeavingWithParentAndChild += 1 }
                    }
                }
                // Entry.
                if !firstInParentAndChild, period.start >= c.windowStart, period.start < c.windowEnd, let b = band(period.start) {
                    entryCounts[b] += 1
                    c.entriesByAge[age(period.start, band: b)] += 1
                    let ab = AgeBand.allCases[b]
                    c.firstPlacement[ab, default: [:]][period.episodes[0].placement, default: 0] += 1
                    c.entriesByYear[CollectionYear(containing: period.start), default: [:]][ab, default: 0] += 1
                }
                // Exposure, moves, population.
                for (n, episode) in period.episodes.enumerated() {
                    let stop = episode.end ?? data.dataEnd
                    let lo = max(episode.start, c.windowStart), hi = min(stop, c.windowEnd, eighteen)
                    if hi > lo {
                        placementDays[episode.placement, default: 0] += hi - lo
                        for k in 0..<5 {
                            let a = max(lo, edges[k]), z = min(hi, edges[k + 1])
                            if z > a { bandDays[k] += z - a }
                        }
                    }
                    if n > 0, episode.isMove, episode.start >= c.windowStart, episode.start < c.windowEnd {
                        let origin = period.episodes[n - 1].placement
                        moveCounts[origin, default: 0] += 1
                        c.moveDestinations[origin, default: [:]][episode.placement, default: 0] += 1
                        if let b = band(episode.start) {
                            c.moveDestinationsByAge[origin, default: [:]][AgeBand.allCases[b], default: [:]][episode.placement, default: 0] += 1
                        }
                    }
                    if episode.start <= snapshot, episode.end.map({ $0 > snapshot }) ?? (period.ending == .open) {
                        if let b = band(snapshot) {
                            c.population[episode.placement, default: [:]][AgeBand.allCases[b], default: 0] += 1
                            c.populationByAge[age(snapshot, band: b)] += 1
                            if episode.placement == .childrensHome, episode.inHouse {
                                c.childrensHomeInHouse[AgeBand.allCases[b], default: 0] += 1
                            }
                            if child.isMother { c.mothersInCare += 1 }
                        } else {
                            aged18Beyond += 1
                        }
                    }
                    if episode.placement == .parentAndChild {
                        if episode.start >= c.windowStart, episode.start < c.windowEnd { c.parentAndChildStarts.events += 1 }
                        if let e = episode.end, e >= c.windowStart, e < c.windowEnd {
                            c.parentAndChildEnded += 1
                            r3Days += e - episode.start
                        }
                    }
                }
                // Exit.
                if case .exit(let rec) = period.ending, let e = period.end, e >= c.windowStart, e < c.windowEnd {
                    let reason = PlacementCodes.exitReason(rec: rec) ?? .other
                    if e >= eighteen - 1 {
                        c.agedOut[reason, default: 0] += 1
                        c.agedOutFrom[period.episodes[period.episodes.count - 1].placement, default: [:]][reason, default: 0] += 1
                    } else if let b = band(e) {
                        exitCounts[reason, default: [Int](repeating: 0, count: 5)][b] += 1
                    }
                }
            }
        }
        for (k, ab) in AgeBand.allCases.enumerated() {
            let y = Double(bandDays[k]) / 365.25
            c.exposure[ab] = y
            c.entries[ab] = Rate(events: entryCounts[k], exposure: years)
            for reason in ExitReason.allCases {
                c.exits[reason, default: [:]][ab] = Rate(events: exitCounts[reason]?[k] ?? 0, exposure: y)
            }
        }
        for placement in Placement.allCases where placementDays[placement] != nil {
            c.moves[placement] = Rate(events: moveCounts[placement] ?? 0, exposure: Double(placementDays[placement]!) / 365.25)
        }
        c.parentAndChildStarts.exposure = years
        c.parentAndChildMeanDays = c.parentAndChildEnded > 0 ? Double(r3Days) / Double(c.parentAndChildEnded) : nil
        for (year, counts) in data.oc3Accommodation where year.lastDay >= c.windowStart && year.lastDay < c.windowEnd {
            for (code, n) in counts { c.leavingCareAccommodation[code, default: 0] += n }
        }
        if aged18Beyond > 0 { c.notes.append("\(aged18Beyond) open episodes of young people aged 18 or over on the snapshot date left out of the population") }
        if snapshot > data.dataEnd { c.notes.append("the snapshot date is after the end of the data: the population is the children still open at the end of the data") }
        return c
    }
}
