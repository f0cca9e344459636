import ScenarioModel

/// What the engine needs about emergency beds, unpacked once from the scenario.
struct EmergencyRules {
    /// The placement type holding the beds, and its last provider: where children go when the beds
    /// are full (−1 for both when the scenario has no emergency beds).
    let type: Int
    let fallback: Int
    /// Shares of entries and of placement moves that go to an emergency bed first (0 without beds).
    let entryShare: Double
    let moveShare: Double
    let stay: Distribution

    init(_ scenario: Scenario, typeStart: [Int]) {
        guard let beds = scenario.emergencyBeds else {
            (type, fallback, entryShare, moveShare) = (-1, -1, 0, 0)
            stay = Distribution(kind: .exponential, meanDays: 1, shape: 1)
            return
        }
        type = beds.placementType
        fallback = typeStart[beds.placementType + 1] - 1
        entryShare = beds.entryShare
        moveShare = beds.moveShare
        stay = beds.stay
    }

    /// Salts for the uniforms hashed from a child's generator: whether it needs an emergency bed, and
    /// the seed of its stay's draw (see `Engine.hashedUniform`).
    static let needSalt: UInt64 = 0x6A09_E667_F3BC_C909
    static let staySalt: UInt64 = 0xBB67_AE85_84CA_A73B
}

/// Sibling groups: their sizes by band, and each provider's households approved for them.
struct SiblingSupply {
    /// Cumulative shares of group sizes by child band (`cumulative[band][k]`: groups of at most
    /// k + 1 children); empty when every child enters alone.
    let cumulative: [[Double]]
    /// Mean group size by band: groups arrive at the entry rate divided by it.
    let meanSize: [Double]
    /// Households approved for sibling groups by provider, and the children each takes.
    let households: [Int32]
    let places: [Int]
    /// Those households holding a group now, by provider.
    let inUse: FixedBuffer<Int32>

    var isOn: Bool { !cumulative.isEmpty }

    init(_ scenario: Scenario) {
        let groups = scenario.entries.siblingGroups
        cumulative = groups.map { sizes in
            var sum = 0.0
            return sizes.shares.map { sum += $0; return sum }
        }
        meanSize = groups.map(\.mean)
        households = scenario.providers.map { Int32($0.siblings?.households ?? 0) }
        places = scenario.providers.map { $0.siblings?.places ?? 0 }
        inUse = FixedBuffer(repeating: 0, count: max(1, households.count))
    }

    /// The size of the group whose eldest enters in `band` with generator seed `seed`, from a
    /// uniform hashed from the seed (no stream is advanced).
    func size(band: Int, seed: UInt64) -> Int {
        let u = Double(SplitMix64.mix(seed ^ Self.sizeSalt) >> 11) * 0x1p-53
        let table = cumulative[band]
        for (k, c) in table.enumerated() where u < c { return k + 1 }
        return table.count
    }

    /// Whether provider `p` has a free household approved for a group of `size`.
    @inline(__always)
    func hasHousehold(_ p: Int, for size: Int) -> Bool { places[p] >= size && inUse[p] < households[p] }

    static let sizeSalt: UInt64 = 0x3C6E_F372_FE94_F82B
}
