import Foundation
import ScenarioModel

/// One replication's discrete-event simulation of children in care.
///
/// A value type driven by `mutating` methods (no class, so no dynamic exclusivity checks in the
/// hot loop). Even helpers that only read are `mutating` unless inlined: a non-mutating call from
/// a mutating method was measured to copy the whole engine (a memcpy of ~1 kB) at every call.
/// Its hot state is in unsafe buffers (see `FixedBuffer.swift`), shared by copies, so an engine
/// has one owner: a worker creates one engine and reuses it for many replications. `run` resets
/// the state but keeps every buffer's capacity, so a replication allocates nothing per event.
struct Engine {
    let model: CareModel
    var params: Parameters
    var queue: EventQueue
    /// The pool of people; an index is a person's identity while it is in the model.
    let people = GrowableBuffer<Person>(capacity: 1024)
    let free = GrowableBuffer<Int32>(capacity: 1024)
    /// People placed with each provider.
    let placedCount: FixedBuffer<Int32>
    /// Occupants of each later provider of a type (in placement order, but for removals, which move
    /// the last into the gap), so that a freed place can be offered to a child placed further down,
    /// and the starting gap found. A type's first provider keeps only its count: its list would
    /// never be read, and keeping it costs a cache miss on another person at every removal.
    let occupants: ListArray<Int32>
    let keepsOccupants: [Bool]
    /// People placed now, by provider and band (`live[provider * bands + band]`), placed locally by
    /// provider, and placed beyond a full preferred provider by type: kept up to date on every
    /// placement and birthday, and copied into the tally at each month end.
    let live: FixedBuffer<Int32>
    let liveLocal: FixedBuffer<Int32>
    let liveGap: FixedBuffer<Int32>
    /// People by stream and band (`liveStream[stream * bands + band]`), kept only when the scenario has streams.
    let liveStream: FixedBuffer<Int32>
    let hasStreams: Bool
    /// Entry lanes: each stream's child bands (`stream * bands + band`), the entries' own first.
    let lanes: Int
    /// Places of each provider without foster carers (0 for the last, unlimited one).
    let fixedCapacity: [Int]
    let capacityNow: FixedBuffer<Int>
    /// Places added (or removed) by dated capacity changes so far.
    var capacityAdded: [Int]
    var households: [Int]
    var supplyStamp: [UInt32]
    var supplyRNG: [SplitMix64]
    var entryRNG: [SplitMix64]
    var entryCandidates: [UInt64]
    /// `SplitMix64.derivePrefix(replicationSeed, Stream.enteringChild, band)`: a child entering is
    /// seeded from it and the band's candidate number.
    var entrySeedPrefix: [UInt64]
    var entryCeiling: [Double]
    var familyRNG = SplitMix64(seed: 0)
    var familyCandidates: UInt64 = 0
    var familyCeiling = 0.0
    var stepRNG = SplitMix64(seed: 0)
    var replicationSeed: UInt64 = 0
    /// The last time `yearIndex` was asked about, and its year.
    var lastYear = (time: Double.nan, index: 0)
    var tally: Tally
    /// The tally's flow counts and occupied days while a replication runs (copied into it at the end).
    let flowCounts: FixedBuffer<Int32>
    let occupiedDays: FixedBuffer<Double>
    /// For each provider: the time its occupied days are counted up to, the financial year of that
    /// time, and when that year ends (see `accrue`).
    let occupiedUntil: FixedBuffer<Double>
    let occupiedYear: FixedBuffer<Int>
    let occupiedYearEnd: FixedBuffer<Double>
    /// The measures' raw counts while a replication runs (see `Engine+Measures.swift`), the
    /// financial year whose 31 March each month end is (or −1), the exit reason that is adoption
    /// (or −1), and the starting population's time in care.
    let measureCounts: FixedBuffer<Double>
    let measureYearOfMonth: [Int]
    let measureFlags: [UInt8]
    let adoptionReason: Int
    let startingTimes: StartingTimes

    let start: Int
    let capacityChanges: [(provider: Int, time: Double, change: Int)]
    let trendLog: [Double]
    /// Mixes: first placements by band (mix *b*), moves by type and band (mix `moveStart[type] + band`),
    /// care leavers' pathways by type (mix `pathwayStart[stream] + type`: the scenario's, then those
    /// of streams with their own), then families (mix `familyMix`).
    /// Drawn afresh for each replication where the scenario's mixes were estimated from counts.
    var mixes: MixTable
    /// Children in each cell of the starting population, spread afresh for each replication where it was estimated.
    var starting: StartingPopulation
    let moveStart: [Int]
    let pathwayStart: [Int]
    let familyMix: Int
    /// Whether any placement type has a need trend (draws then weigh shares by time).
    let hasNeedTrends: Bool
    let localShare: [Double]
    let stepDown: [Bool]
    let placesPerHousehold: [Double]
    let recruitPerDay: [Double]
    let attritionHazard: [Double]
    // What the hot paths need from the scenario, unpacked once (reading `model.scenario.…` in an
    // event would copy parts of a large struct every time).
    let bandFrom: [Int]
    let bandTo: [Int]
    let calendar: CivilTable
    let typeStart: [Int]
    let providerType: [Int]
    let yearStarts: [Double]
    /// The financial year (index) of each day of the horizon.
    let yearOfDay: [Int32]
    let yearOfDayEnd: Double
    // Read from `model` once: reading `model.…` in an event copies the whole model (memcpy).
    let horizon: Double
    let childBands: Int
    let familyBand: Int
    let bandFromAge: [Int]
    let bandOfAge: [Int]
    let providerLast: [Bool]
    let flow: FlowIndex
    /// Each stream's yearly entry trend, as a log.
    let entryTrendLog: [Double]
    /// Every stream's dated changes in entries.
    let changeTime: [Double]
    let changeFactor: [Double]
    /// Bit *lane* set when a change applies to the entry lane.
    let changeLanes: [UInt64]
    let reasonCount: Int
    let exitDuration: [Distribution?]
    /// How entries (by lane) and the starting population (by band) spread over each band's years of age (`nil`: evenly).
    let entryAges: [AgesWithinBand?]
    let populationAges: [AgesWithinBand?]
    let hasCareLeavers: Bool
    let supportTo25: Double
    let babyShare: Double
    let familyTrendLog: Double
    let familyDuration: Distribution
    /// Emergency beds and sibling groups (see `Engine+Stays.swift`).
    let emergency: EmergencyRules
    let siblings: SiblingSupply

    init(model: CareModel) {
        self.model = model
        let s = model.scenario
        start = s.start.number
        params = Parameters(model, replicationSeed: 0)
        let providers = s.providers
        let p = providers.count
        placedCount = FixedBuffer(repeating: 0, count: p)
        occupants = ListArray(count: p)
        keepsOccupants = (0..<p).map { model.typeStart[model.providerType[$0]] != $0 }
        queue = EventQueue(horizon: model.horizon)
        live = FixedBuffer(repeating: 0, count: p * model.bandNames.count)
        liveLocal = FixedBuffer(repeating: 0, count: p)
        liveGap = FixedBuffer(repeating: 0, count: s.placementTypes.count)
        hasStreams = !s.entries.streams.isEmpty
        liveStream = FixedBuffer(repeating: 0, count: hasStreams ? (1 + s.entries.streams.count) * model.bandNames.count : 0)
        lanes = model.childBands * (1 + s.entries.streams.count)
        precondition(lanes <= 64, "entry lanes are bits of a 64-bit mask")
        fixedCapacity = providers.map { $0.capacity ?? 0 }
        capacityNow = FixedBuffer(repeating: 0, count: p)
        capacityAdded = Array(repeating: 0, count: p)
        households = Array(repeating: 0, count: p)
        supplyStamp = Array(repeating: 0, count: p)
        supplyRNG = Array(repeating: SplitMix64(seed: 0), count: p)
        entryRNG = Array(repeating: SplitMix64(seed: 0), count: lanes)
        entryCandidates = Array(repeating: 0, count: lanes)
        entrySeedPrefix = Array(repeating: 0, count: lanes)
        entryCeiling = Array(repeating: 0, count: lanes)
        tally = Tally(months: model.monthEnds.count, providers: p, bands: model.bandNames.count,
                      years: model.years.count, flows: model.flowNames.count, types: s.placementTypes.count)
        flowCounts = FixedBuffer(repeating: 0, count: tally.flowCounts.count)
        occupiedDays = FixedBuffer(repeating: 0, count: tally.occupiedDays.count)
        occupiedUntil = FixedBuffer(repeating: 0, count: p)
        occupiedYear = FixedBuffer(repeating: 0, count: p)
        occupiedYearEnd = FixedBuffer(repeating: 0, count: p)
        measureCounts = FixedBuffer(repeating: 0, count: tally.measures.count)
        var yearOfMonth = Array(repeating: -1, count: model.monthEnds.count)
        for (year, month) in model.measureSetup.yearEndMonth.enumerated() { if let month { yearOfMonth[month] = year } }
        measureYearOfMonth = yearOfMonth
        measureFlags = model.measureSetup.flags
        adoptionReason = model.measureSetup.adoptionReason ?? -1
        startingTimes = StartingTimes(s)
        var changes: [(Int, Double, Int)] = []
        for (index, provider) in providers.enumerated() {
            for c in provider.capacityChanges { changes.append((index, Double(c.date.number - start), c.change)) }
        }
        capacityChanges = changes
        var logs = Array(repeating: 0.0, count: s.placementTypes.count)
        for t in s.needTrends { logs[t.placementType] = log1p(t.perYear) }
        trendLog = logs
        let first = s.entries.firstPlacement + s.entries.streams.flatMap(\.firstPlacement)
        let move = s.placementTypes.map(\.moveTo)
        let main = s.careLeavers?.pathwayFrom ?? []
        let own = s.entries.streams.compactMap(\.pathwayFrom)
        let pathway = main + own.flatMap { $0 }
        moveStart = move.indices.map { t in first.count + move[..<t].reduce(0) { $0 + $1.count } }
        let firstPathway = first.count + move.reduce(0) { $0 + $1.count }
        var ownTable = 0
        pathwayStart = [firstPathway] + s.entries.streams.map { stream in
            guard stream.pathwayFrom != nil else { return firstPathway }
            ownTable += 1
            return firstPathway + ownTable * main.count
        }
        familyMix = firstPathway + pathway.count
        let all = first + move.flatMap { $0 } + pathway + [s.parentAndChild?.placement ?? Mix(shares: [])]
        mixes = MixTable(all.map(\.shares), observed: all.map(\.observed))
        starting = StartingPopulation(model)
        hasNeedTrends = logs.contains { $0 != 0 }
        localShare = providers.map(\.localShare)
        stepDown = model.providerType.map { s.placementTypes[$0].stepDown }
        placesPerHousehold = providers.map { $0.fosterCarers?.placesPerHousehold ?? 0 }
        recruitPerDay = providers.map { ($0.fosterCarers?.recruitedPerYear ?? 0) / 365.2425 }
        attritionHazard = providers.map { -log1p(-min($0.fosterCarers?.attritionPerYear ?? 0, 0.999_999)) / 365.2425 }
        bandFrom = s.ageBands.map(\.fromAge)
        bandTo = s.ageBands.map(\.toAge)
        calendar = model.calendar
        typeStart = model.typeStart
        providerType = model.providerType
        yearStarts = model.yearStarts
        yearOfDay = (0...Int(model.horizon)).map { Int32(model.yearIndex(Double($0))) }
        yearOfDayEnd = Double(yearOfDay.count)
        precondition(model.yearStarts.allSatisfy { $0 == $0.rounded() }, "financial years start on whole days")
        horizon = model.horizon
        childBands = model.childBands
        familyBand = model.familyBand
        bandFromAge = model.bandFromAge
        bandOfAge = model.bandOfAge
        providerLast = model.providerLast
        flow = model.flow
        entryTrendLog = [log1p(s.entries.trend)] + s.entries.streams.map { log1p($0.trend) }
        let entryChanges: [[StepChange]] = [s.entries.changes] + s.entries.streams.map { $0.changes }
        changeTime = entryChanges.flatMap { list in list.map { Double($0.from.number - s.start.number) } }
        changeFactor = entryChanges.flatMap { list in list.map { $0.factor } }
        let bands = model.childBands
        var laneMasks: [UInt64] = []
        for (stream, list) in entryChanges.enumerated() {
            for change in list {
                let affected = change.bands.isEmpty ? Array(0..<bands) : change.bands
                laneMasks.append(affected.reduce(UInt64(0)) { $0 | (1 << UInt64(stream * bands + $1)) })
            }
        }
        changeLanes = laneMasks
        reasonCount = s.exits.reasons.count
        precondition(reasonCount < Int(Int8.max) && p < Int(Int16.max), "a person keeps its exit reason in 8 bits and its provider in 16")
        exitDuration = s.exits.duration
        let ages = [s.entries.ages] + s.entries.streams.map(\.ages)
        entryAges = ages.flatMap { $0.count == bands ? $0 : Array(repeating: nil, count: bands) }
        populationAges = s.populationAges.count == model.childBands ? s.populationAges : Array(repeating: nil, count: model.childBands)
        hasCareLeavers = s.careLeavers != nil
        supportTo25 = s.careLeavers?.supportTo25 ?? 0
        babyShare = s.parentAndChild?.babyEntersCare ?? 0
        familyTrendLog = log1p(s.parentAndChild?.trend ?? 0)
        familyDuration = s.parentAndChild?.duration ?? Distribution(kind: .exponential, meanDays: 1, shape: 1)
        precondition(s.emergencyBeds == nil || s.placementTypes.count < 63,
                     "a person keeps the type it goes to after an emergency bed in 6 bits (the reader checks)")
        emergency = EmergencyRules(s, typeStart: model.typeStart)
        siblings = SiblingSupply(s)
    }

    /// Runs replication `index` of the scenario and returns its tally.
    mutating func run(replication index: Int) -> Tally {
        reset(seed: SplitMix64.derive(model.scenario.seed, UInt64(index)))
        let horizon = model.horizon
        var month = 0
        let snapshots = model.snapshotTimes
        var touchedBucket = -1, prefetchedAhead = -1
        while let event = queue.popFirst() {
            if queue.bucket != touchedBucket {
                touchedBucket = queue.bucket
                prefetchedAhead = prefetchPeople(alreadyAhead: prefetchedAhead)
            }
            while month < snapshots.count && snapshots[month] <= event.time {
                snapshot(month)
                month += 1
            }
            tally.events += 1
            let t = event.time
            switch event.kind {
            case .person:
                let i = Int(event.subject)
                guard people[i].version == event.stamp else { continue }
                let nextMove = people[i].nextMove, endTime = people[i].endTime, nextBandTime = people[i].nextBandTime
                if nextMove < endTime && nextMove < nextBandTime {
                    move(i, at: t)
                } else if nextBandTime < endTime {
                    updateBand(i, at: t)
                    scheduleNext(i)
                } else {
                    end(i, at: t)
                }
            case .entryCandidate: entryCandidate(lane: Int(event.subject), at: t)
            case .familyCandidate: familyCandidate(at: t)
            case .capacityChange: capacityChange(Int(event.subject), at: t)
            case .carerRecruited: carerRecruited(Int(event.subject), at: t)
            case .carerLost:
                let p = Int(event.subject)
                if supplyStamp[p] == event.stamp { carerLost(p, at: t) }
            }
        }
        while month < snapshots.count {
            snapshot(month)
            month += 1
        }
        for p in 0..<tally.providers { accrue(provider: p, until: horizon) }
        tally.flowCounts = flowCounts.array
        tally.occupiedDays = occupiedDays.array
        tally.measures = measureCounts.array
        return tally
    }

    /// Starts loading the people of the next bucket's events, and of the bucket being served unless
    /// that was done a bucket ahead (`alreadyAhead`); returns the bucket done ahead, or −1.
    ///
    /// The pool is far larger than the caches and each event's person is a cache miss. Asked for a
    /// bucket ahead, while the bucket being served is worked through, the misses overlap with that
    /// work instead of stalling one after another as the events are served. (A bucket's events
    /// scheduled after this are not asked for: their people have usually just been touched.)
    private mutating func prefetchPeople(alreadyAhead: Int) -> Int {
        if alreadyAhead != queue.bucket { prefetchPeople(of: queue.comingInBucket()) }
        guard let next = queue.nextBucket() else { return -1 }
        prefetchPeople(of: next.events)
        return next.index
    }

    @inline(__always)
    private func prefetchPeople(of events: UnsafeBufferPointer<Event>) {
        for event in events where event.kind == .person { prefetch(people.base + Int(event.subject)) }
    }

    /// Clears the state for a new replication, keeping buffer capacity, and schedules the first events.
    private mutating func reset(seed: UInt64) {
        let s = model.scenario
        replicationSeed = seed
        params = Parameters(model, replicationSeed: seed)
        if mixes.isEstimated {
            var rng = SplitMix64(seed: SplitMix64.derive(seed, Stream.mixes))
            mixes.redraw(&rng)
        }
        if starting.isEstimated {
            var rng = SplitMix64(seed: SplitMix64.derive(seed, Stream.population))
            starting.redraw(&rng)
            // Where the spread over placements was estimated, so is the council's use of each type:
            // the same draw holds for where it places children after the start date.
            params.tiltPlacements(by: starting.typeRatio, years: model.years.count)
        }
        if !params.placementYearFactor.isEmpty {
            mixes.walk(factor: params.placementYearFactor, variance: params.placementYearVariance, typeCount: trendLog.count)
        }
        if siblings.isOn {
            // Groups arrive at the entry rate over the mean group size: children a year stay as given.
            for b in siblings.meanSize.indices { params.entryRate[b] /= siblings.meanSize[b] }  // the entries' own stream's lanes
            siblings.inUse.fill(0)
        }
        queue.removeAll()
        people.removeAll()
        free.removeAll()
        placedCount.fill(0)
        occupants.removeAll()
        live.fill(0)
        liveLocal.fill(0)
        liveGap.fill(0)
        liveStream.fill(0)
        flowCounts.fill(0)
        occupiedDays.fill(0)
        measureCounts.fill(0)
        occupiedUntil.fill(0)
        let firstYear = yearOfTime(0)
        occupiedYear.fill(firstYear)
        occupiedYearEnd.fill(end(ofYear: firstYear))
        tally = Tally(months: tally.months, providers: tally.providers, bands: tally.bands,
                      years: tally.years, flows: tally.flows, types: tally.types)
        stepRNG = SplitMix64(seed: SplitMix64.derive(seed, Stream.stepDown))
        for (p, provider) in s.providers.enumerated() {
            supplyRNG[p] = SplitMix64(seed: SplitMix64.derive(seed, Stream.supply, UInt64(p)))
            households[p] = provider.fosterCarers?.households ?? 0
            capacityAdded[p] = 0
            supplyStamp[p] = 0
            refreshCapacity(p)
            if recruitPerDay[p] > 0 {
                queue.schedule(at: supplyRNG[p].exponential() / recruitPerDay[p], .carerRecruited, subject: Int32(p))
            }
            scheduleAttrition(p, at: 0)
        }
        for (index, change) in capacityChanges.enumerated() {
            queue.schedule(at: max(change.time, 0), .capacityChange, subject: Int32(index))
        }
        placeInitialPopulation()
        markStartingGap()
        recordMeasures(slot: 0, at: 0)
        // The entries' own lanes are its bands, seeded as they were before streams existed.
        for lane in 0..<lanes {
            entryRNG[lane] = SplitMix64(seed: SplitMix64.derive(seed, Stream.entryCandidates, UInt64(lane)))
            entryCandidates[lane] = 0
            entrySeedPrefix[lane] = SplitMix64.derivePrefix(seed, Stream.enteringChild, UInt64(lane))
            entryCeiling[lane] = ceilingRate(lane: lane)
            scheduleEntryCandidate(lane: lane, after: 0)
        }
        if let pc = s.parentAndChild {
            familyRNG = SplitMix64(seed: SplitMix64.derive(seed, Stream.familyCandidates))
            familyCandidates = 0
            familyCeiling = params.familyRate * exp(max(0, log1p(pc.trend)) * model.horizon / 365.2425)
            scheduleFamilyCandidate(after: 0)
        }
    }

    /// Records everyone in a placement at a month end, by provider and age band on that day,
    /// from the live counts (so a month end costs O(providers × bands), not a pass over everyone).
    private mutating func snapshot(_ month: Int) {
        let providers = tally.providers, bands = tally.bands, types = tally.types
        for k in 0..<(providers * bands) { tally.stock[month * providers * bands + k] = live[k] }
        for p in 0..<providers {
            tally.local[month * providers + p] = liveLocal[p]
            tally.capacity[month * providers + p] = capacityNow[p] == Int.max ? -1 : Int32(clamping: capacityNow[p])
        }
        for k in 0..<types { tally.gap[month * types + k] = liveGap[k] }
        // Each stream's children in care (and care leavers) on 31 March, in the flows of the financial year ending that day.
        if hasStreams && model.monthEnds[month].civil.month == 3 {
            let year = yearOfTime(model.snapshotTimes[month] - 0.5)
            for (stream, f) in flow.streamStock.enumerated() {
                for b in 0..<childBands { flowCounts[tally.flowIndex(f, year: year, band: b)] = liveStream[stream * bands + b] }
            }
            for (stream, f) in flow.streamLeavers.enumerated() {
                for b in childBands..<familyBand { flowCounts[tally.flowIndex(f, year: year, band: b)] = liveStream[stream * bands + b] }
            }
        }
        recordMeasures(month: month)
    }

    /// Adds provider `p`'s occupied days since they were last counted up to `t`: the people placed
    /// there (unchanged in between) times the time, split at financial-year boundaries. Called
    /// before every change in the provider's count, and at the horizon, so the days are the integral
    /// of the count over time — what each placement's own days add up to.
    @inline(__always)
    mutating func accrue(provider p: Int, until t: Double) {
        let from = occupiedUntil[p]
        occupiedUntil[p] = t
        let placed = Double(placedCount[p])
        if t <= occupiedYearEnd[p] {
            occupiedDays[occupiedYear[p] * tally.providers + p] += placed * (t - from)
        } else {
            accrueAcrossYears(provider: p, placed: placed, from: from, until: t)
        }
    }

    /// When financial year `k` ends (the next one starts); never for the last year reported, which
    /// takes every day after it.
    @inline(__always)
    func end(ofYear k: Int) -> Double { k + 1 < yearStarts.count ? yearStarts[k + 1] : .infinity }

    /// `accrue` when the time since the provider's count last changed runs into a later year.
    mutating func accrueAcrossYears(provider p: Int, placed: Double, from: Double, until t: Double) {
        var k = occupiedYear[p], from = from
        while true {
            let upTo = min(t, end(ofYear: k))
            occupiedDays[k * tally.providers + p] += placed * (upTo - from)
            if upTo == t { break }
            from = upTo
            k += 1
        }
        occupiedYear[p] = k
        occupiedYearEnd[p] = end(ofYear: k)
    }

    /// Index of the financial year containing time `t` (clamped to the years reported), as `CareModel.yearIndex`.
    /// An event asks for the year of its own time several times; the last answer is kept.
    @inline(__always)
    mutating func yearIndex(_ t: Double) -> Int {
        if t == lastYear.time { return lastYear.index }
        let k = yearOfTime(t)
        lastYear = (t, k)
        return k
    }

    /// Year starts are whole days, so the year of `t` is that of its day, looked up in `yearOfDay`.
    @inline(__always)
    func yearOfTime(_ t: Double) -> Int {
        t >= 0 && t < yearOfDayEnd ? Int(yearOfDay[Int(t)]) : model.yearIndex(t)
    }

    /// Counts one event of `flow` in the financial year and band given.
    @inline(__always)
    func count(flow: Int, year: Int, band: Int) {
        flowCounts[tally.flowIndex(flow, year: year, band: band)] &+= 1
    }
}
