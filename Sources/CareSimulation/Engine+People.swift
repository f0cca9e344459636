import Foundation
import ScenarioModel

/// Children entering care, being placed, moving, leaving, turning 18; care leavers; families.
extension Engine {
    // MARK: Entering care

    /// The entry rate per day in `band` at time `t`: base × trend × the step changes in force.
    func entryRate(band: Int, at t: Double) -> Double {
        let entries = model.scenario.entries
        var rate = params.entryRate[band] * exp(log1p(entries.trend) * t / 365.2425)
        for change in entries.changes where Double(change.from.number - start) <= t {
            if change.bands.isEmpty || change.bands.contains(band) { rate *= change.factor }
        }
        return rate
    }

    /// An upper bound of the entry rate over the horizon, for thinning. It ignores reductions, so a
    /// variant that only cuts entries sees the same candidates as its base (common random numbers).
    func ceilingRate(band: Int) -> Double {
        let entries = model.scenario.entries
        var rate = params.entryRate[band] * exp(max(0, log1p(entries.trend)) * model.horizon / 365.2425)
        for change in entries.changes where change.bands.isEmpty || change.bands.contains(band) {
            rate *= max(1, change.factor)
        }
        return rate
    }

    mutating func scheduleEntryCandidate(band: Int, after t: Double) {
        guard entryCeiling[band] > 0 else { return }
        let next = t + entryRNG[band].exponential() / entryCeiling[band]
        if next < model.horizon { queue.schedule(at: next, .entryCandidate, subject: Int32(band)) }
    }

    /// A candidate arrival of a Poisson process at the ceiling rate, kept with probability rate/ceiling
    /// (Lewis & Shedler 1979 thinning), which gives a Poisson process with the time-varying rate.
    mutating func entryCandidate(band: Int, at t: Double) {
        let candidate = entryCandidates[band]
        entryCandidates[band] += 1
        if entryRNG[band].uniform() * entryCeiling[band] < entryRate(band: band, at: t) {
            let seed = SplitMix64.derive(replicationSeed, Stream.enteringChild, UInt64(band), candidate)
            admitChild(seed: seed, band: band, at: t, newborn: false)
        }
        scheduleEntryCandidate(band: band, after: t)
    }

    /// A child entering care at `t`, aged uniformly within `band` (or born that day).
    mutating func admitChild(seed: UInt64, band: Int, at t: Double, newborn: Bool) {
        let i = newPerson(seed: seed, kind: .child)
        let bands = model.scenario.ageBands
        let today = start + Int(t.rounded(.down))
        people[i].birth = Int32(newborn ? today : today - ageInDays(bands[band], for: i))
        setBand(i, at: t)
        let b = Int(people[i].band)
        tally.count(flow: model.flow.entries, year: model.yearIndex(t), band: b)
        let type = drawType(firstMix[b], at: t, for: i)
        placeNew(i, type: type, at: t)
        decideEnd(i, at: t)
        scheduleNext(i)
    }

    /// Children in care on the start date, spread uniformly over ages within their band.
    mutating func placeInitialPopulation() {
        let s = model.scenario
        let bands = s.ageBands
        for (cellIndex, cell) in s.population.enumerated() {
            for k in 0..<cell.count {
                let seed = SplitMix64.derive(replicationSeed, Stream.initialChild, UInt64(cellIndex), UInt64(k))
                let type = model.providerType[cell.provider]
                switch model.typeServes[type] {
                case .families:
                    let i = newPerson(seed: seed, kind: .family)
                    people[i].band = Int16(model.familyBand)
                    people[i].endTime = s.parentAndChild!.duration.sample(&people[i].rng)
                    occupy(i, provider: cell.provider, at: 0)
                    scheduleNext(i)
                case .children, .careLeavers:
                    let isLeaver = model.typeServes[type] == .careLeavers
                    let i = newPerson(seed: seed, kind: isLeaver ? .leaver : .child)
                    people[i].birth = Int32(start - ageInDays(bands[cell.band], for: i))
                    setBand(i, at: 0)
                    occupy(i, provider: cell.provider, at: 0)
                    people[i].yearIndex = 0
                    people[i].yearPlacements = 1
                    if isLeaver { decideSupportEnd(i) } else { decideEnd(i, at: 0) }
                    drawNextMove(i, at: 0)
                    scheduleNext(i)
                }
            }
        }
    }

    // MARK: Placement

    /// Draws a placement type from a mix for person `i`, with need trends applied at time `t`
    /// (two passes over the shares: no buffer, nothing allocated).
    ///
    /// Draws for a person take its generator out and put it back: passing `&people[i].rng` to a
    /// method of `self` would copy the engine and then copy the whole pool on write.
    mutating func drawType(_ shares: [Double], at t: Double, for i: Int) -> Int {
        var rng = people[i].rng
        defer { people[i].rng = rng }
        var total = 0.0
        for k in shares.indices { total += weight(shares[k], type: k, at: t) }
        let target = rng.uniform() * total
        var sum = 0.0
        for k in shares.indices {
            sum += weight(shares[k], type: k, at: t)
            if target < sum { return k }
        }
        return shares.lastIndex { $0 > 0 } ?? 0
    }

    @inline(__always)
    func weight(_ share: Double, type: Int, at t: Double) -> Double {
        let trend = trendLog[type]
        return trend == 0 || share == 0 ? share : share * exp(trend * t / 365.2425)
    }

    /// The first provider of `type` with a free place; the last provider has no limit.
    /// Counts an overflow when a preferred provider is full.
    mutating func resolve(type: Int, band: Int, at t: Double) -> (provider: Int, overflowed: Bool) {
        let list = model.typeProviders[type]
        for (rank, p) in list.enumerated() where occupants[p].count < capacityNow[p] || rank == list.count - 1 {
            if rank > 0 { tally.count(flow: model.flow.overflowByType[type], year: model.yearIndex(t), band: band) }
            return (p, rank > 0)
        }
        fatalError("unreachable: the last provider of a type has no limit")
    }

    /// Places a person who has no placement yet.
    mutating func placeNew(_ i: Int, type: Int, at t: Double) {
        let (p, overflowed) = resolve(type: type, band: Int(people[i].band), at: t)
        occupy(i, provider: p, at: t)
        people[i].overflowed = overflowed
        people[i].yearIndex = Int16(model.yearIndex(t))
        people[i].yearPlacements = 1
        drawNextMove(i, at: t)
    }

    mutating func occupy(_ i: Int, provider p: Int, at t: Double) {
        people[i].provider = Int32(p)
        people[i].placedAt = t
        people[i].slot = Int32(occupants[p].count)
        occupants[p].append(Int32(i))
        people[i].local = localShare[p] >= 1 || people[i].rng.uniform() < localShare[p]
    }

    /// Ends person `i`'s current placement at `t`: costs accrue and the place is freed.
    mutating func vacate(_ i: Int, at t: Double) {
        accrue(i, until: t)
        let p = Int(people[i].provider)
        let slot = Int(people[i].slot)
        let moved = occupants[p].removeLast()
        if Int(moved) != i {
            occupants[p][slot] = moved
            people[Int(moved)].slot = Int32(slot)
        }
    }

    mutating func drawNextMove(_ i: Int, at t: Double) {
        let rate = params.moveRate[model.providerType[Int(people[i].provider)]]
        people[i].nextMove = rate > 0 ? t + people[i].rng.exponential() / rate : .infinity
    }

    /// A placement move: to a type drawn from the move mix for the child's band, resolved against capacity.
    mutating func move(_ i: Int, at t: Double) {
        updateBand(i, at: t)
        let band = Int(people[i].band)
        let from = Int(people[i].provider)
        let type = drawType(moveMix[model.providerType[from]][band], at: t, for: i)
        vacate(i, at: t)
        let (p, overflowed) = resolve(type: type, band: band, at: t)
        occupy(i, provider: p, at: t)
        people[i].overflowed = overflowed
        tally.count(flow: model.flow.moves, year: model.yearIndex(t), band: band)
        countPlacement(i, at: t)
        drawNextMove(i, at: t)
        scheduleNext(i)
        if p != from { offerFreedPlace(from, at: t) }
    }

    /// Counts a new placement towards the child's placements in the financial year.
    mutating func countPlacement(_ i: Int, at t: Double) {
        guard people[i].kind == .child else { return }
        let year = model.yearIndex(t)
        if Int(people[i].yearIndex) != year {
            people[i].yearIndex = Int16(year)
            people[i].yearPlacements = 1  // the placement held when the year began
        }
        people[i].yearPlacements += 1
        if people[i].yearPlacements == 3 {
            tally.count(flow: model.flow.threePlus, year: year, band: Int(people[i].band))
        }
    }

    // MARK: Leaving

    /// Decides when and why child `i` leaves care: by the exit rates of each band it passes through
    /// (a unit-exponential budget spent at the band's total rate), or from a duration distribution;
    /// at the 18th birthday at the latest.
    mutating func decideEnd(_ i: Int, at t: Double) {
        let eighteen = birthdayTime(i, age: 18)
        let reasons = model.scenario.exits.reasons.count
        people[i].endReason = -1
        people[i].endTime = eighteen
        guard reasons > 0 else { return }
        let entryBand = Int(people[i].band)
        if let duration = model.scenario.exits.duration[entryBand] {
            let leave = t + duration.sample(&people[i].rng)
            if leave < eighteen {
                people[i].endTime = leave
                people[i].endReason = Int32(drawReason(band: bandIndex(i, at: leave), for: i))
            }
            return
        }
        var budget = people[i].rng.exponential()
        var now = t
        var band = entryBand
        while now < eighteen {
            let bandEnd = min(band + 1 < model.childBands ? birthdayTime(i, age: model.bandFromAge[band + 1]) : eighteen, eighteen)
            let rate = params.exitTotal[band]
            let span = bandEnd - now
            if rate * span >= budget {
                people[i].endTime = now + budget / rate
                people[i].endReason = Int32(drawReason(band: band, for: i))
                return
            }
            budget -= rate * span
            now = bandEnd
            band += 1
        }
    }

    mutating func drawReason(band: Int, for i: Int) -> Int {
        var rng = people[i].rng
        defer { people[i].rng = rng }
        let reasons = model.scenario.exits.reasons.count
        return params.exitCumulative.withUnsafeBufferPointer { all in
            rng.pick(cumulative: UnsafeBufferPointer(rebasing: all[(band * reasons)..<(band * reasons + reasons)]))
        }
    }

    /// The end of a stage: leaving care, turning 18, the end of support, the end of an assessment.
    mutating func end(_ i: Int, at t: Double) {
        updateBand(i, at: t)
        let year = model.yearIndex(t)
        let band = Int(people[i].band)
        switch people[i].kind {
        case .child:
            if people[i].endReason >= 0 {
                tally.count(flow: model.flow.exitReasons[Int(people[i].endReason)], year: year, band: band)
                remove(i, at: t)
            } else {
                tally.count(flow: model.flow.turned18, year: year, band: band)
                if model.scenario.careLeavers != nil { becomeCareLeaver(i, at: t) } else { remove(i, at: t) }
            }
        case .leaver:
            tally.count(flow: model.flow.leaversSupportEnded, year: year, band: band)
            remove(i, at: t)
        case .family:
            let babyShare = model.scenario.parentAndChild?.babyEntersCare ?? 0
            let babyEnters = people[i].rng.uniform() < babyShare
            let seed = SplitMix64.derive(replicationSeed, Stream.baby, people[i].rng.next())
            remove(i, at: t)
            if babyEnters {
                tally.count(flow: model.flow.babiesIntoCare, year: year, band: 0)
                admitChild(seed: seed, band: 0, at: t, newborn: true)
            }
        case .none:
            break
        }
    }

    mutating func remove(_ i: Int, at t: Double) {
        let p = Int(people[i].provider)
        vacate(i, at: t)
        people[i].kind = .none
        people[i].version &+= 1
        free.append(Int32(i))
        offerFreedPlace(p, at: t)
    }

    /// At 18 a child becomes a care leaver: accommodation by the pathway for the placement left.
    mutating func becomeCareLeaver(_ i: Int, at t: Double) {
        let from = Int(people[i].provider)
        let type = drawType(pathwayMix[model.providerType[from]], at: t, for: i)
        vacate(i, at: t)
        people[i].kind = .leaver
        setBand(i, at: t)
        let (p, overflowed) = resolve(type: type, band: Int(people[i].band), at: t)
        occupy(i, provider: p, at: t)
        people[i].overflowed = overflowed
        decideSupportEnd(i)
        drawNextMove(i, at: t)
        scheduleNext(i)
        offerFreedPlace(from, at: t)
    }

    /// Support ends at 21, or at 25 for the share who keep it.
    mutating func decideSupportEnd(_ i: Int) {
        let share = model.scenario.careLeavers?.supportTo25 ?? 0
        let age = people[i].rng.uniform() < share ? 25 : 21
        people[i].endReason = -1
        people[i].endTime = birthdayTime(i, age: age)
    }

    // MARK: Parent-and-child families

    mutating func scheduleFamilyCandidate(after t: Double) {
        guard familyCeiling > 0 else { return }
        let next = t + familyRNG.exponential() / familyCeiling
        if next < model.horizon { queue.schedule(at: next, .familyCandidate, subject: 0) }
    }

    mutating func familyCandidate(at t: Double) {
        let pc = model.scenario.parentAndChild!
        let candidate = familyCandidates
        familyCandidates += 1
        let rate = params.familyRate * exp(log1p(pc.trend) * t / 365.2425)
        if familyRNG.uniform() * familyCeiling < rate {
            let i = newPerson(seed: SplitMix64.derive(replicationSeed, Stream.family, candidate), kind: .family)
            people[i].band = Int16(model.familyBand)
            let year = model.yearIndex(t)
            tally.count(flow: model.flow.familyArrivals, year: year, band: model.familyBand)
            let type = drawType(familyMix, at: t, for: i)
            let (p, overflowed) = resolve(type: type, band: model.familyBand, at: t)
            occupy(i, provider: p, at: t)
            people[i].overflowed = overflowed
            people[i].endTime = t + pc.duration.sample(&people[i].rng)
            scheduleNext(i)
        }
        scheduleFamilyCandidate(after: t)
    }

    // MARK: People and their ages

    /// An age in days drawn uniformly over the band's years, kept strictly inside the band
    /// whatever the leap years (so a child drawn for '1 to 4' is never 5 by a day).
    mutating func ageInDays(_ band: AgeBand, for i: Int) -> Int {
        let years = Double(band.fromAge) + people[i].rng.uniform() * Double(band.toAge + 1 - band.fromAge)
        return min(max(Int(years * 365.2425), band.fromAge * 366), (band.toAge + 1) * 365 - 1)
    }

    mutating func newPerson(seed: UInt64, kind: PersonKind) -> Int {
        var person = Person(seed: seed)
        person.kind = kind
        if let i = free.popLast() {
            person.version = people[Int(i)].version &+ 1
            people[Int(i)] = person
            return Int(i)
        }
        people.append(person)
        return people.count - 1
    }

    /// Schedules person `i`'s next own event (a move or the end of its stage) if it falls in the horizon.
    mutating func scheduleNext(_ i: Int) {
        people[i].version &+= 1
        let t = min(people[i].nextMove, people[i].endTime)
        if t < model.horizon { queue.schedule(at: t, .person, subject: Int32(i), stamp: people[i].version) }
    }

    /// Simulation time of person `i`'s birthday at `age` (exact calendar birthdays).
    func birthdayTime(_ i: Int, age: Int) -> Double {
        Double(Day(number: Int(people[i].birth)).birthday(age: age).number - start)
    }

    /// The age band of person `i` at time `t`, from the exact birthdays.
    func bandIndex(_ i: Int, at t: Double) -> Int {
        if people[i].kind == .family { return model.familyBand }
        var band = people[i].kind == .leaver ? model.childBands : 0
        let last = people[i].kind == .leaver ? model.bandFromAge.count - 1 : model.childBands - 1
        while band < last && birthdayTime(i, age: model.bandFromAge[band + 1]) <= t { band += 1 }
        return band
    }

    /// Sets person `i`'s band for time `t` and when it next changes.
    mutating func setBand(_ i: Int, at t: Double) {
        let band = bandIndex(i, at: t)
        people[i].band = Int16(band)
        let last = people[i].kind == .leaver ? model.bandFromAge.count - 1 : model.childBands - 1
        people[i].nextBandTime = band < last ? birthdayTime(i, age: model.bandFromAge[band + 1]) : .infinity
    }

    /// Moves person `i`'s band on if a birthday has passed; cheap when nothing has changed.
    @inline(__always)
    mutating func updateBand(_ i: Int, at t: Double) {
        if people[i].nextBandTime <= t { setBand(i, at: t) }
    }
}
