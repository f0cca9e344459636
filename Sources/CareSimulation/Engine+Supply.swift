import Foundation

/// Places over time: dated capacity changes, foster carers recruited and lost, and children
/// stepping down into a preferred provider's freed place.
extension Engine {
    /// Capacity of provider `p` now: its places (from its foster households, if it has them) plus the
    /// dated changes so far; unlimited for the last provider of a type.
    mutating func refreshCapacity(_ p: Int) {
        if providerLast[p] {
            capacityNow[p] = Int.max
            return
        }
        let places = placesPerHousehold[p] > 0 ? Int(Double(households[p]) * placesPerHousehold[p]) : fixedCapacity[p]
        capacityNow[p] = max(0, places + capacityAdded[p])
    }

    mutating func capacityChange(_ index: Int, at t: Double) {
        let change = capacityChanges[index]
        capacityAdded[change.provider] += change.change
        refreshCapacity(change.provider)
        offerFreedPlace(change.provider, at: t)
    }

    mutating func carerRecruited(_ p: Int, at t: Double) {
        households[p] += 1
        refreshCapacity(p)
        queue.schedule(at: t + supplyRNG[p].exponential() / recruitPerDay[p], .carerRecruited, subject: Int32(p))
        scheduleAttrition(p, at: t)
        offerFreedPlace(p, at: t)
    }

    mutating func carerLost(_ p: Int, at t: Double) {
        households[p] = max(0, households[p] - 1)
        refreshCapacity(p)
        scheduleAttrition(p, at: t)
    }

    /// (Re)schedules the next household to leave: each leaves at a constant hazard, so the total
    /// rate is households × hazard; any earlier pending loss is made stale.
    mutating func scheduleAttrition(_ p: Int, at t: Double) {
        supplyStamp[p] &+= 1
        let rate = Double(households[p]) * attritionHazard[p]
        guard rate > 0 else { return }
        let next = t + supplyRNG[p].exponential() / rate
        if next < horizon { queue.schedule(at: next, .carerLost, subject: Int32(p), stamp: supplyStamp[p]) }
    }

    /// When provider `p` has free places and its type steps down, children placed with later
    /// providers of the same type move into them, chosen at random, one place at a time.
    mutating func offerFreedPlace(_ p: Int, at t: Double) {
        guard stepDown[p], !providerLast[p] else { return }
        let rank = p - typeStart[providerType[p]], last = typeStart[providerType[p] + 1] - 1
        while Int(placedCount[p]) < capacityNow[p] {
            guard let q = (p + 1...last).first(where: { occupants.count($0) > 0 }) else { return }
            let pick = Int(stepRNG.uniform() * Double(occupants.count(q)))
            let i = Int(occupants.element(q, pick))
            guard people[i].kind == .child || people[i].kind == .leaver else { return }
            updateBand(i, at: t)
            vacate(i, at: t)
            occupy(i, provider: p, overflowed: rank > 0, at: t)
            count(flow: flow.stepDowns, year: yearIndex(t), band: Int(people[i].band))
            countPlacement(i, at: t)
        }
    }
}
