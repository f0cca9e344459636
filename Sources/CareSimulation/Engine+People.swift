import Foundation
import ScenarioModel

/// Children entering care, being placed, moving, leaving, turning 18; care leavers; families.
extension Engine {
    // MARK: Entering care

    /// The entry rate per day in entry `lane` (`stream * bands + band`) at time `t`: base × the year's
    /// variability × trend × the step changes in force.
    mutating func entryRate(lane: Int, at t: Double) -> Double {
        var rate = params.entryRate[lane] * params.entryYearFactor[yearIndex(t)]
        let trend = entryTrendLog[lane / childBands]
        if trend != 0 { rate *= exp(trend * t / 365.2425) }
        for k in changeTime.indices where changeTime[k] <= t && changeLanes[k] & (1 << UInt64(lane)) != 0 {
            rate *= changeFactor[k]
        }
        return rate
    }

    /// An upper bound of the entry rate over the horizon, for thinning. It ignores reductions, so a
    /// variant that only cuts entries sees the same candidates as its base (common random numbers).
    func ceilingRate(lane: Int) -> Double {
        var rate = params.entryRate[lane] * exp(max(0, entryTrendLog[lane / childBands]) * horizon / 365.2425)
            * (params.entryYearFactor.max() ?? 1)
        for k in changeTime.indices where changeLanes[k] & (1 << UInt64(lane)) != 0 { rate *= max(1, changeFactor[k]) }
        return rate
    }

    mutating func scheduleEntryCandidate(lane: Int, after t: Double) {
        guard entryCeiling[lane] > 0 else { return }
        let next = t + entryRNG[lane].exponential() / entryCeiling[lane]
        if next < horizon { queue.schedule(at: next, .entryCandidate, subject: Int32(lane)) }
    }

    /// A candidate arrival of a Poisson process at the ceiling rate, kept with probability rate/ceiling
    /// (Lewis & Shedler 1979 thinning), which gives a Poisson process with the time-varying rate.
    mutating func entryCandidate(lane: Int, at t: Double) {
        let candidate = entryCandidates[lane]
        entryCandidates[lane] += 1
        if entryRNG[lane].uniform() * entryCeiling[lane] < entryRate(lane: lane, at: t) {
            let seed = SplitMix64.derive(prefix: entrySeedPrefix[lane], candidate)
            // Sibling groups are the entries' own stream's (its lanes are its bands).
            if siblings.isOn && lane < childBands {
                admitGroup(seed: seed, band: lane, at: t)
            } else {
                admitChild(seed: seed, band: lane % childBands, stream: lane / childBands, at: t, newborn: false)
            }
        }
        scheduleEntryCandidate(lane: lane, after: t)
    }

    /// A child of `stream` entering care at `t`, aged within `band` as the stream's ages say (or born that day).
    mutating func admitChild(seed: UInt64, band: Int, stream: Int = 0, at t: Double, newborn: Bool) {
        let i = enterCare(seed: seed, band: band, stream: stream, at: t, newborn: newborn)
        let type = drawType(mix: stream * childBands + Int(people[i].band), at: t, for: i)
        placeEntering(i, type: type, at: t)
    }

    /// A child of `stream` entering care at `t`, counted, not yet placed: its age and band set.
    mutating func enterCare(seed: UInt64, band: Int, stream: Int = 0, at t: Double, newborn: Bool) -> Int {
        let i = newPerson(seed: seed, kind: .child)
        people[i].stream = UInt8(stream)
        people[i].careStart = Float32(t)
        let today = start + Self.day(t)
        let lane = stream * childBands + band
        setBirth(i, day: newborn ? today : today - ageInDays(band: band, for: i, within: entryAges[lane]))
        setBand(i, to: newborn ? bandOfAge[0] : band, at: t)
        let b = Int(people[i].band)
        count(flow: flow.entries, year: yearIndex(t), band: b)
        if hasStreams { count(flow: flow.streamEntries[stream], year: yearIndex(t), band: b) }
        return i
    }

    /// Children in care on the start date, spread uniformly over ages within their band.
    mutating func placeInitialPopulation() {
        let s = model.scenario
        let serves = model.typeServes
        for (cellIndex, cell) in s.population.enumerated() {
            let prefix = SplitMix64.derivePrefix(replicationSeed, Stream.initialChild, UInt64(cellIndex))
            for k in 0..<starting.count[cellIndex] {
                let seed = SplitMix64.derive(prefix: prefix, UInt64(k))
                let type = providerType[cell.provider]
                switch serves[type] {
                case .families:
                    let i = newPerson(seed: seed, kind: .family)
                    people[i].band = Int16(familyBand)
                    people[i].endTime = s.parentAndChild!.duration.sample(&people[i].rng)
                    occupy(i, provider: cell.provider, at: 0)
                    scheduleNext(i)
                case .emergency:
                    preconditionFailure("the reader refuses a population in emergency beds")
                case .children, .careLeavers:
                    let isLeaver = serves[type] == .careLeavers
                    let i = newPerson(seed: seed, kind: isLeaver ? .leaver : .child)
                    people[i].stream = UInt8(cell.stream)
                    setBirth(i, day: start - ageInDays(band: cell.band, for: i,
                                                       within: cell.band < childBands ? populationAges[cell.band] : nil))
                    setBand(i, to: cell.band, at: 0)
                    occupy(i, provider: cell.provider, at: 0)
                    if !isLeaver { drawStartingTimes(i) }
                    people[i].yearIndex = 0
                    people[i].yearPlacements = 1
                    if isLeaver { decideSupportEnd(i) } else { decideEnd(i, at: 0) }
                    drawNextMove(i, at: 0)
                    scheduleNext(i)
                }
            }
        }
    }

    /// The sufficiency gap on the start date. Why a child is with a later provider is not known, but
    /// if the preferred providers have *f* free places and *n* children are with later providers, at
    /// least *n* − *f* of them could not have been placed with a preferred one: that many (the first
    /// in placement order) count as placed beyond a full preferred provider from day one.
    mutating func markStartingGap() {
        for providers in model.typeProviders where providers.count > 1 {
            var free = 0
            for (rank, p) in providers.enumerated() {
                let placed = Int(placedCount[p])
                if rank > 0 {
                    let beyond = max(0, placed - free)
                    for j in 0..<beyond {
                        let i = Int(occupants.element(p, j))
                        count(i, by: -1)
                        people[i].overflowed = true
                        count(i, by: 1)
                    }
                    free -= placed - beyond
                }
                if capacityNow[p] != Int.max { free += max(0, capacityNow[p] - placed) }
            }
        }
    }

    // MARK: Placement

    /// Draws a placement type from mix `m` for person `i`, with need trends and the placement
    /// types' yearly walks (``MixTable/walk(factor:variance:typeCount:)``) applied at time `t`,
    /// unless `drifts` is false (care leavers' pathways). Nothing is allocated.
    ///
    /// Without need trends the running sums are precomputed (`MixTable`, each year's with the
    /// walks); with them, two passes over the weights.
    mutating func drawType(mix m: Int, at t: Double, for i: Int, drifts: Bool = true) -> Int {
        let start = mixes.offset[m], end = start + mixes.length[m]
        let walks = drifts && !mixes.yearCumulative.isEmpty
        let row = walks ? yearIndex(t) * mixes.shares.count : 0
        if !hasNeedTrends {
            let u = people[i].rng.uniform()
            if walks {
                let target = u * (end > start ? mixes.yearCumulative[row + end - 1] : 0)
                for k in start..<end where target < mixes.yearCumulative[row + k] { return mixes.types[k] }
            } else {
                let target = u * (end > start ? mixes.cumulative[end - 1] : 0)
                for k in start..<end where target < mixes.cumulative[k] { return mixes.types[k] }
            }
            return mixes.fallback[m]
        }
        var total = 0.0
        for k in start..<end {
            total += weight(walks ? mixes.yearShares[row + k] : mixes.shares[k], type: mixes.types[k], at: t)
        }
        let target = people[i].rng.uniform() * total
        var sum = 0.0
        for k in start..<end {
            sum += weight(walks ? mixes.yearShares[row + k] : mixes.shares[k], type: mixes.types[k], at: t)
            if target < sum { return mixes.types[k] }
        }
        return mixes.fallback[m]
    }

    @inline(__always)
    func weight(_ share: Double, type: Int, at t: Double) -> Double {
        let trend = trendLog[type]
        return trend == 0 || share == 0 ? share : share * exp(trend * t / 365.2425)
    }

    /// The first provider of `type` with a free place; the last provider has no limit.
    /// Counts an overflow when a preferred provider is full.
    mutating func resolve(type: Int, band: Int, at t: Double) -> (provider: Int, overflowed: Bool) {
        let first = typeStart[type], last = typeStart[type + 1] - 1
        for p in first...last where Int(placedCount[p]) < capacityNow[p] || p == last {
            if p > first { count(flow: flow.overflowByType[type], year: yearIndex(t), band: band) }
            return (p, p > first)
        }
        fatalError("unreachable: the last provider of a type has no limit")
    }

    /// Places a person who has no placement yet.
    mutating func placeNew(_ i: Int, type: Int, at t: Double) {
        let (p, overflowed) = resolve(type: type, band: Int(people[i].band), at: t)
        occupy(i, provider: p, overflowed: overflowed, at: t)
        people[i].yearIndex = Int8(yearIndex(t))
        people[i].yearPlacements = 1
        drawNextMove(i, at: t)
    }

    /// Places person `i` with provider `p` (its band must be set) and counts it there.
    mutating func occupy(_ i: Int, provider p: Int, overflowed: Bool = false, at t: Double) {
        people[i].provider = Int16(p)
        people[i].overflowed = overflowed
        people[i].placementStart = Float32(t)
        accrue(provider: p, until: t)
        placedCount[p] &+= 1
        if keepsOccupants[p] { people[i].slot = Int32(occupants.append(p, Int32(i))) }
        people[i].local = localShare[p] >= 1 || localDraw(i, provider: p) < localShare[p]
        count(i, by: 1)
    }

    /// Adds person `i` to (or, with −1, removes it from) the live counts of its placement.
    ///
    /// Without branches on whether the placement is local or beyond a full preferred provider:
    /// both are as good as random, so a branch on them was mispredicted about as often as not.
    @inline(__always)
    mutating func count(_ i: Int, by n: Int32) {
        let p = Int(people[i].provider)
        live[p * tally.bands + Int(people[i].band)] &+= n
        liveLocal[p] &+= people[i].local ? n : 0
        liveGap[providerType[p]] &+= people[i].overflowed ? n : 0
        if hasStreams { liveStream[Int(people[i].stream) * tally.bands + Int(people[i].band)] &+= n }
    }

    /// Ends person `i`'s current placement at `t`: the place is freed.
    mutating func vacate(_ i: Int, at t: Double) {
        count(i, by: -1)
        let p = Int(people[i].provider)
        leaveSiblingHousehold(i, provider: p)
        accrue(provider: p, until: t)
        placedCount[p] &-= 1
        guard keepsOccupants[p] else { return }
        let slot = Int(people[i].slot)
        let moved = occupants.remove(p, at: slot)
        if Int(moved) != i { people[Int(moved)].slot = Int32(slot) }
    }

    /// A uniform number on [0, 1) for whether person `i`'s placement with `p` is local, hashed from
    /// the person's generator without advancing it: which provider a child gets depends on capacity,
    /// so a draw consumed here would shift every later draw of that child and break common random
    /// numbers between scenarios that differ only in places.
    @inline(__always)
    func localDraw(_ i: Int, provider p: Int) -> Double {
        Double(SplitMix64.mix(people[i].rng.state ^ (UInt64(p + 1) &* 0xD1B5_4A32_D192_ED03)) >> 11) * 0x1p-53
    }

    /// Draws when person `i` next moves. The draw is taken even when the type has no moves, so every
    /// placement consumes the same draws whatever its type (common random numbers again).
    mutating func drawNextMove(_ i: Int, at t: Double) {
        let rate = params.moveRate[providerType[Int(people[i].provider)]]
        var clock = people[i].rng.exponential()
        guard rate > 0, !params.moveYearFactor.isEmpty else {
            people[i].nextMove = rate > 0 ? t + clock / rate : .infinity
            return
        }
        // With a yearly factor the hazard is constant within each financial year: spend the
        // exponential clock year by year (inverting the cumulative hazard).
        var now = t, year = yearIndex(t)
        while true {
            let yearRate = rate * params.moveYearFactor[year]
            let end = year + 1 < yearStarts.count ? yearStarts[year + 1] : .infinity
            if yearRate > 0 && now + clock / yearRate <= end {
                people[i].nextMove = now + clock / yearRate
                return
            }
            guard end < .infinity else {
                people[i].nextMove = .infinity
                return
            }
            clock -= (end - now) * yearRate
            now = end
            year += 1
        }
    }

    /// A placement move: to a type drawn from the move mix for the child's band, resolved against
    /// capacity; a share of children's moves go to an emergency bed first, and a child in one moves
    /// on to the type decided when its stay ends.
    mutating func move(_ i: Int, at t: Double) {
        updateBand(i, at: t)
        if people[i].inEmergencyBed { return leaveEmergencyBed(i, at: t) }
        let band = Int(people[i].band)
        let from = Int(people[i].provider)
        let type = drawType(mix: moveStart[providerType[from]] + band, at: t, for: i)
        vacate(i, at: t)
        if people[i].kind == .child && needsEmergencyBed(i, share: emergency.moveShare) {
            placeInEmergencyBed(i, then: type, afterMove: true, at: t)
        } else {
            let (p, overflowed) = resolve(type: type, band: band, at: t)
            occupy(i, provider: p, overflowed: overflowed, at: t)
            drawNextMove(i, at: t)
        }
        count(flow: flow.moves, year: yearIndex(t), band: band)
        countPlacement(i, at: t)
        // Exit rates are memoryless, so the end is drawn afresh when the rates change with the placement.
        if params.hasOwnExits[providerType[from]] || params.hasOwnExits[providerType[Int(people[i].provider)]] { decideEnd(i, at: t) }
        scheduleNext(i)
        if Int(people[i].provider) != from { offerFreedPlace(from, at: t) }
    }

    /// Counts a new placement towards the child's placements in the financial year.
    mutating func countPlacement(_ i: Int, at t: Double) {
        guard people[i].kind == .child else { return }
        let year = yearIndex(t)
        if Int(people[i].yearIndex) != year {
            people[i].yearIndex = Int8(year)
            people[i].yearPlacements = 1  // the placement held when the year began
        }
        if people[i].yearPlacements < Int8.max { people[i].yearPlacements += 1 }
        if people[i].yearPlacements == 3 {
            count(flow: flow.threePlus, year: year, band: Int(people[i].band))
        }
    }

    // MARK: Leaving

    /// Decides when and why child `i` leaves care: by the exit rates of each band it passes through
    /// (a unit-exponential budget spent at the band's total rate), or from a duration distribution;
    /// at the 18th birthday at the latest.
    mutating func decideEnd(_ i: Int, at t: Double) {
        let eighteen = birthdayTime(i, age: 18)
        let reasons = reasonCount
        people[i].endReason = -1
        people[i].endTime = eighteen
        guard reasons > 0 else { return }
        let type = providerType[Int(people[i].provider)]
        if params.hasOwnExits[type] {
            decideEndInPlacement(i, type: type, at: t, eighteen: eighteen)
            return
        }
        let entryBand = Int(people[i].band)
        if let duration = exitDuration[entryBand] {
            let leave = t + duration.sample(&people[i].rng)
            if leave < eighteen {
                people[i].endTime = leave
                let first = params.exitTable[Int(people[i].stream)] * params.exitSpanStart.count
                people[i].endReason = Int8(drawReason(span: first + params.exitSpan(at: leave), band: bandIndex(i, at: leave), for: i))
            }
            return
        }
        // A unit-exponential budget spent at the total exit rate of each stretch of constant rates:
        // the child's age band, and (when exit rates vary over time) the span of the calendar.
        var budget = people[i].rng.exponential()
        var now = t
        var band = entryBand
        var span = params.exitSpanStart.count > 1 ? params.exitSpan(at: t) : 0
        // The spans of the person's stream's exit table: `(table * spans + span) * bands + band`.
        let first = params.exitTable[Int(people[i].stream)] * params.exitSpanStart.count
        while now < eighteen {
            let bandEnd = min(band + 1 < childBands ? birthdayTime(i, age: bandFromAge[band + 1]) : eighteen, eighteen)
            let spanEnd = span + 1 < params.exitSpanStart.count ? params.exitSpanStart[span + 1] : .infinity
            let until = min(bandEnd, spanEnd)
            let rate = params.exitTotal[(first + span) * childBands + band]
            let length = until - now
            if rate * length >= budget {
                people[i].endTime = now + budget / rate
                people[i].endReason = Int8(drawReason(span: first + span, band: band, for: i))
                return
            }
            budget -= rate * length
            now = until
            if until == bandEnd { band += 1 }
            if until == spanEnd { span += 1 }
        }
    }

    /// When and why child `i`, in a placement type with exit rates of its own, leaves care: the
    /// same budget spent over the spans of the calendar at the type's rates, whatever the age.
    mutating func decideEndInPlacement(_ i: Int, type: Int, at t: Double, eighteen: Double) {
        let types = model.typeNames.count
        var budget = people[i].rng.exponential()
        var now = t
        var span = params.exitSpanStart.count > 1 ? params.exitSpan(at: t) : 0
        while now < eighteen {
            let until = min(span + 1 < params.exitSpanStart.count ? params.exitSpanStart[span + 1] : .infinity, eighteen)
            let rate = params.placementExitTotal[span * types + type]
            if rate * (until - now) >= budget {
                people[i].endTime = now + budget / rate
                people[i].endReason = Int8(drawReason(from: params.placementExitCumulative, row: span * types + type, for: i))
                return
            }
            budget -= rate * (until - now)
            now = until
            span += 1
        }
    }

    /// An exit reason drawn from the cumulative exit rates of the span (counted across the exit
    /// tables: `table * spans + span`) and band.
    mutating func drawReason(span: Int, band: Int, for i: Int) -> Int {
        drawReason(from: params.exitCumulative, row: span * childBands + band, for: i)
    }

    /// An exit reason drawn from row `k` of a table of cumulative exit rates (`reasonCount` a row).
    mutating func drawReason(from table: [Double], row k: Int, for i: Int) -> Int {
        let n = reasonCount, people = people
        return table.withUnsafeBufferPointer { all in
            people[i].rng.pick(cumulative: UnsafeBufferPointer(rebasing: all[(k * n)..<(k * n + n)]))
        }
    }

    /// The end of a stage: leaving care, turning 18, the end of support, the end of an assessment.
    mutating func end(_ i: Int, at t: Double) {
        updateBand(i, at: t)
        let year = yearIndex(t)
        let band = Int(people[i].band)
        switch people[i].kind {
        case .child:
            if people[i].endReason >= 0 {
                count(flow: flow.exitReasons[Int(people[i].endReason)], year: year, band: band)
                if Int(people[i].endReason) == adoptionReason { countAdoption(i, year: year, at: t) }
                remove(i, at: t)
            } else {
                count(flow: flow.turned18, year: year, band: band)
                if hasCareLeavers { becomeCareLeaver(i, at: t) } else { remove(i, at: t) }
            }
        case .leaver:
            count(flow: flow.leaversSupportEnded, year: year, band: band)
            remove(i, at: t)
        case .family:
            let babyEnters = people[i].rng.uniform() < babyShare
            let seed = SplitMix64.derive(replicationSeed, Stream.baby, people[i].rng.next())
            remove(i, at: t)
            if babyEnters {
                count(flow: flow.babiesIntoCare, year: year, band: 0)
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
        // From an emergency bed, the pathway is that of the placement the child was to go to.
        let left = people[i].nextType ?? providerType[from]
        people[i].nextType = nil
        let type = drawType(mix: pathwayStart[Int(people[i].stream)] + left, at: t, for: i, drifts: false)
        vacate(i, at: t)
        people[i].kind = .leaver
        setBand(i, at: t)
        let (p, overflowed) = resolve(type: type, band: Int(people[i].band), at: t)
        occupy(i, provider: p, overflowed: overflowed, at: t)
        decideSupportEnd(i)
        drawNextMove(i, at: t)
        scheduleNext(i)
        offerFreedPlace(from, at: t)
    }

    /// Support ends at 21, or at 25 for the share who keep it.
    mutating func decideSupportEnd(_ i: Int) {
        // Someone already past 21 on the start date is, by definition, one who kept support to 25.
        let keeps = people[i].rng.uniform() < supportTo25
        let age = keeps || birthdayTime(i, age: 21) <= 0 ? 25 : 21
        people[i].endReason = -1
        people[i].endTime = birthdayTime(i, age: age)
    }

    // MARK: Parent-and-child families

    mutating func scheduleFamilyCandidate(after t: Double) {
        guard familyCeiling > 0 else { return }
        let next = t + familyRNG.exponential() / familyCeiling
        if next < horizon { queue.schedule(at: next, .familyCandidate, subject: 0) }
    }

    mutating func familyCandidate(at t: Double) {
        let candidate = familyCandidates
        familyCandidates += 1
        let rate = params.familyRate * exp(familyTrendLog * t / 365.2425)
        if familyRNG.uniform() * familyCeiling < rate {
            let i = newPerson(seed: SplitMix64.derive(replicationSeed, Stream.family, candidate), kind: .family)
            people[i].band = Int16(familyBand)
            let year = yearIndex(t)
            count(flow: flow.familyArrivals, year: year, band: familyBand)
            let type = drawType(mix: familyMix, at: t, for: i)
            let (p, overflowed) = resolve(type: type, band: familyBand, at: t)
            occupy(i, provider: p, overflowed: overflowed, at: t)
            people[i].endTime = t + familyDuration.sample(&people[i].rng)
            scheduleNext(i)
        }
        scheduleFamilyCandidate(after: t)
    }

    // MARK: The pool of people

    /// A new person in a free slot of the pool (or a new one), with its own generator; the slot's
    /// version moves on so that events scheduled for its previous holder are stale.
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

    /// Schedules person `i`'s next own event — a move, a birthday that changes its band, or the end
    /// of its stage — if it falls in the horizon; any earlier pending event becomes stale.
    mutating func scheduleNext(_ i: Int) {
        people[i].version &+= 1
        let t = min(people[i].nextMove, people[i].endTime, people[i].nextBandTime)
        queue.schedule(at: t, .person, subject: Int32(i), stamp: people[i].version)
    }
}
