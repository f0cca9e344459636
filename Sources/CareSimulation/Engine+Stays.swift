import ScenarioModel

/// Emergency beds (a few nights before the next placement) and sibling groups entering together.
///
/// Neither draws from any existing random stream: whether a child needs an emergency bed, how long
/// it stays and how large a group is are uniforms hashed from generators without advancing them,
/// so a scenario without either runs exactly as before, and one with them keeps each child's other
/// draws (common random numbers between a scenario and its variant).
extension Engine {
    // MARK: Emergency beds

    /// A uniform on [0, 1) hashed from person `i`'s generator and `salt`, without advancing it.
    @inline(__always)
    func hashedUniform(_ i: Int, salt: UInt64) -> Double {
        Double(SplitMix64.mix(people[i].rng.state ^ salt) >> 11) * 0x1p-53
    }

    /// Whether child `i`, about to be placed, goes to an emergency bed first (`share` of them do).
    @inline(__always)
    func needsEmergencyBed(_ i: Int, share: Double) -> Bool {
        share > 0 && hashedUniform(i, salt: EmergencyRules.needSalt) < share
    }

    /// Places child `i` (with no placement now) in an emergency bed, or in the fallback when the beds
    /// are full, until its stay ends; then it goes to a placement of `type` (see `leaveEmergencyBed`).
    mutating func placeInEmergencyBed(_ i: Int, then type: Int, afterMove: Bool, at t: Double) {
        let band = Int(people[i].band), year = yearIndex(t)
        let (p, overflowed) = resolve(type: emergency.type, band: band, at: t)
        occupy(i, provider: p, overflowed: overflowed, at: t)
        people[i].nextType = type
        var stayRNG = SplitMix64(seed: SplitMix64.mix(people[i].rng.state ^ EmergencyRules.staySalt))
        people[i].nextMove = t + emergency.stay.sample(&stayRNG)
        count(flow: flow.emergencyPlacements, year: year, band: band)
        if afterMove { count(flow: flow.emergencyAfterMove, year: year, band: band) }
        if p == emergency.fallback { count(flow: flow.emergencyFull, year: year, band: band) }
    }

    /// The end of a stay in an emergency bed: the child moves to a placement of the type decided when
    /// it came in (a placement move, like any other change of placement).
    mutating func leaveEmergencyBed(_ i: Int, at t: Double) {
        let band = Int(people[i].band)
        let from = Int(people[i].provider)
        let type = people[i].nextType ?? providerType[from]
        people[i].nextType = nil
        vacate(i, at: t)
        let (p, overflowed) = resolve(type: type, band: band, at: t)
        occupy(i, provider: p, overflowed: overflowed, at: t)
        if params.hasOwnExits[type] { decideEnd(i, at: t) }
        drawNextMove(i, at: t)
        count(flow: flow.moves, year: yearIndex(t), band: band)
        countPlacement(i, at: t)
        scheduleNext(i)
        offerFreedPlace(from, at: t)
    }

    /// Places child `i`, entering care, in a placement of `type`, or first in an emergency bed; then
    /// decides when it leaves care and schedules its next event.
    mutating func placeEntering(_ i: Int, type: Int, at t: Double) {
        if needsEmergencyBed(i, share: emergency.entryShare) {
            placeInEmergencyBed(i, then: type, afterMove: false, at: t)
            people[i].yearIndex = Int8(yearIndex(t))
            people[i].yearPlacements = 1
        } else {
            placeNew(i, type: type, at: t)
        }
        decideEnd(i, at: t)
        scheduleNext(i)
    }

    // MARK: Sibling groups

    /// A group of children entering care together, its eldest in `band`: placed together with the
    /// first provider of the eldest's placement type that has a free household approved for a group
    /// of its size; otherwise each child is placed as a single entry would be (the group is split).
    /// A group whose eldest needs an emergency bed is placed child by child too. Children of a group
    /// are all in the eldest's band.
    ///
    /// Sibling households are places beyond the provider's own: while one holds a group, the
    /// provider's places are raised by the group's children still there, so the group takes none of
    /// the places other children use. The household is free again when the eldest leaves it.
    mutating func admitGroup(seed: UInt64, band: Int, at t: Double) {
        let size = siblings.size(band: band, seed: seed)
        guard size > 1 else { return admitChild(seed: seed, band: band, at: t, newborn: false) }
        let eldest = enterCare(seed: seed, band: band, at: t, newborn: false)
        let type = drawType(mix: Int(people[eldest].band), at: t, for: eldest)
        let year = yearIndex(t)
        let first = typeStart[type], last = typeStart[type + 1] - 1
        let together = needsEmergencyBed(eldest, share: emergency.entryShare) ? nil
            : (first...last).first { siblings.hasHousehold($0, for: size) }
        guard let p = together else {
            count(flow: flow.siblingsSplit, year: year, band: band)
            placeEntering(eldest, type: type, at: t)
            for k in 1..<size {
                let i = enterCare(seed: SplitMix64.derive(seed, Stream.sibling, UInt64(k)), band: band, at: t, newborn: false)
                placeEntering(i, type: drawType(mix: Int(people[i].band), at: t, for: i), at: t)
            }
            return
        }
        count(flow: flow.siblingsTogether, year: year, band: band)
        siblings.inUse[p] &+= 1
        if !providerLast[p] {
            capacityAdded[p] += size
            refreshCapacity(p)
        }
        for k in 0..<size {
            let i = k == 0 ? eldest
                : enterCare(seed: SplitMix64.derive(seed, Stream.sibling, UInt64(k)), band: band, at: t, newborn: false)
            if p > first { count(flow: flow.overflowByType[type], year: year, band: Int(people[i].band)) }
            occupy(i, provider: p, overflowed: p > first, at: t)
            people[i].inSiblingHousehold = true
            people[i].holdsSiblingHousehold = k == 0
            people[i].yearIndex = Int8(year)
            people[i].yearPlacements = 1
            drawNextMove(i, at: t)
            decideEnd(i, at: t)
            scheduleNext(i)
        }
    }

    /// When child `i` leaves provider `p` from a sibling household: its place goes with it, and if
    /// it is its group's eldest the household is free for another group.
    @inline(__always)
    mutating func leaveSiblingHousehold(_ i: Int, provider p: Int) {
        guard people[i].inSiblingHousehold else { return }
        if people[i].holdsSiblingHousehold { siblings.inUse[p] &-= 1 }
        people[i].stayBits &= 0x3F
        if !providerLast[p] {
            capacityAdded[p] -= 1
            refreshCapacity(p)
        }
    }
}
