import Foundation
import ScenarioModel

/// One replication's discrete-event simulation of children in care.
///
/// A value type driven by `mutating` methods (no class, so no dynamic exclusivity checks in the
/// hot loop). A worker creates one engine and reuses it for many replications: `run` resets the
/// state but keeps every buffer's capacity, so a replication allocates nothing per event.
struct Engine {
    let model: CareModel
    var params: Parameters
    var queue: EventQueue
    var people: ContiguousArray<Person> = []
    var free: [Int32] = []
    /// Occupants of each provider, so that a freed place can be offered to a child placed further down.
    var occupants: [[Int32]]
    /// People placed now, by provider and band (`live[provider * bands + band]`), placed locally by
    /// provider, and placed beyond a full preferred provider by type: kept up to date on every
    /// placement and birthday, and copied into the tally at each month end.
    var live: [Int32]
    var liveLocal: [Int32]
    var liveGap: [Int32]
    /// Places of each provider without foster carers (0 for the last, unlimited one).
    let fixedCapacity: [Int]
    var capacityNow: [Int]
    /// Places added (or removed) by dated capacity changes so far.
    var capacityAdded: [Int]
    var households: [Int]
    var supplyStamp: [UInt32]
    var supplyRNG: [SplitMix64]
    var entryRNG: [SplitMix64]
    var entryCandidates: [UInt64]
    var entryCeiling: [Double]
    var familyRNG = SplitMix64(seed: 0)
    var familyCandidates: UInt64 = 0
    var familyCeiling = 0.0
    var stepRNG = SplitMix64(seed: 0)
    var replicationSeed: UInt64 = 0
    var tally: Tally

    let start: Int
    let capacityChanges: [(provider: Int, time: Double, change: Int)]
    let trendLog: [Double]
    let firstMix: [[Double]]
    let moveMix: [[[Double]]]
    let pathwayMix: [[Double]]
    let familyMix: [Double]
    let localShare: [Double]
    let stepDown: [Bool]
    let placesPerHousehold: [Double]
    let recruitPerDay: [Double]
    let attritionHazard: [Double]
    // What the hot paths need from the scenario, unpacked once (reading `model.scenario.…` in an
    // event would copy parts of a large struct every time).
    let ageBands: [AgeBand]
    let entryTrendLog: Double
    let changeTime: [Double]
    let changeFactor: [Double]
    /// Bit *b* set when a change applies to band *b*.
    let changeBands: [UInt64]
    let reasonCount: Int
    let exitDuration: [Distribution?]
    let hasCareLeavers: Bool
    let supportTo25: Double
    let babyShare: Double
    let familyTrendLog: Double
    let familyDuration: Distribution

    init(model: CareModel) {
        self.model = model
        let s = model.scenario
        start = s.start.number
        params = Parameters(s, replicationSeed: 0)
        let providers = s.providers
        let p = providers.count
        occupants = Array(repeating: [], count: p)
        queue = EventQueue(horizon: model.horizon)
        live = Array(repeating: 0, count: p * model.bandNames.count)
        liveLocal = Array(repeating: 0, count: p)
        liveGap = Array(repeating: 0, count: s.placementTypes.count)
        fixedCapacity = providers.map { $0.capacity ?? 0 }
        capacityNow = Array(repeating: 0, count: p)
        capacityAdded = Array(repeating: 0, count: p)
        households = Array(repeating: 0, count: p)
        supplyStamp = Array(repeating: 0, count: p)
        supplyRNG = Array(repeating: SplitMix64(seed: 0), count: p)
        entryRNG = Array(repeating: SplitMix64(seed: 0), count: model.childBands)
        entryCandidates = Array(repeating: 0, count: model.childBands)
        entryCeiling = Array(repeating: 0, count: model.childBands)
        tally = Tally(months: model.monthEnds.count, providers: p, bands: model.bandNames.count,
                      years: model.years.count, flows: model.flowNames.count, types: s.placementTypes.count)
        var changes: [(Int, Double, Int)] = []
        for (index, provider) in providers.enumerated() {
            for c in provider.capacityChanges { changes.append((index, Double(c.date.number - start), c.change)) }
        }
        capacityChanges = changes
        var logs = Array(repeating: 0.0, count: s.placementTypes.count)
        for t in s.needTrends { logs[t.placementType] = log1p(t.perYear) }
        trendLog = logs
        firstMix = s.entries.firstPlacement.map(\.shares)
        moveMix = s.placementTypes.map { $0.moveTo.map(\.shares) }
        pathwayMix = s.careLeavers?.pathwayFrom.map(\.shares) ?? []
        familyMix = s.parentAndChild?.placement.shares ?? []
        localShare = providers.map(\.localShare)
        stepDown = model.providerType.map { s.placementTypes[$0].stepDown }
        placesPerHousehold = providers.map { $0.fosterCarers?.placesPerHousehold ?? 0 }
        recruitPerDay = providers.map { ($0.fosterCarers?.recruitedPerYear ?? 0) / 365.2425 }
        attritionHazard = providers.map { -log1p(-min($0.fosterCarers?.attritionPerYear ?? 0, 0.999_999)) / 365.2425 }
        ageBands = s.ageBands
        entryTrendLog = log1p(s.entries.trend)
        changeTime = s.entries.changes.map { Double($0.from.number - s.start.number) }
        changeFactor = s.entries.changes.map(\.factor)
        changeBands = s.entries.changes.map { change in
            change.bands.isEmpty ? UInt64.max : change.bands.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
        }
        reasonCount = s.exits.reasons.count
        exitDuration = s.exits.duration
        hasCareLeavers = s.careLeavers != nil
        supportTo25 = s.careLeavers?.supportTo25 ?? 0
        babyShare = s.parentAndChild?.babyEntersCare ?? 0
        familyTrendLog = log1p(s.parentAndChild?.trend ?? 0)
        familyDuration = s.parentAndChild?.duration ?? Distribution(kind: .exponential, meanDays: 1, shape: 1)
    }

    /// Runs replication `index` of the scenario and returns its tally.
    mutating func run(replication index: Int) -> Tally {
        reset(seed: SplitMix64.derive(model.scenario.seed, UInt64(index)))
        let horizon = model.horizon
        var month = 0
        let snapshots = model.snapshotTimes
        while let event = queue.popFirst() {
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
                let person = people[i]
                if person.nextMove < person.endTime && person.nextMove < person.nextBandTime {
                    move(i, at: t)
                } else if person.nextBandTime < person.endTime {
                    updateBand(i, at: t)
                    scheduleNext(i)
                } else {
                    end(i, at: t)
                }
            case .entryCandidate: entryCandidate(band: Int(event.subject), at: t)
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
        for i in people.indices where people[i].kind != .none { accrue(i, until: horizon) }
        return tally
    }

    /// Clears the state for a new replication, keeping buffer capacity, and schedules the first events.
    private mutating func reset(seed: UInt64) {
        let s = model.scenario
        replicationSeed = seed
        params = Parameters(s, replicationSeed: seed)
        queue.removeAll()
        people.removeAll(keepingCapacity: true)
        free.removeAll(keepingCapacity: true)
        for p in occupants.indices { occupants[p].removeAll(keepingCapacity: true) }
        for k in live.indices { live[k] = 0 }
        for k in liveLocal.indices { liveLocal[k] = 0 }
        for k in liveGap.indices { liveGap[k] = 0 }
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
        for band in 0..<model.childBands {
            entryRNG[band] = SplitMix64(seed: SplitMix64.derive(seed, Stream.entryCandidates, UInt64(band)))
            entryCandidates[band] = 0
            entryCeiling[band] = ceilingRate(band: band)
            scheduleEntryCandidate(band: band, after: 0)
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
    }

    /// Adds the days of person `i`'s current placement up to `t`, split at financial-year boundaries.
    mutating func accrue(_ i: Int, until t: Double) {
        var from = max(people[i].placedAt, 0)
        guard t > from else { return }
        let p = Int(people[i].provider)
        var k = model.yearIndex(from)
        let starts = model.yearStarts
        while from < t {
            let end = k + 1 < starts.count ? min(t, starts[k + 1]) : t
            tally.occupiedDays[k * tally.providers + p] += end - from
            from = end
            k += 1
        }
    }
}
