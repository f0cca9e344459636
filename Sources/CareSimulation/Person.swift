/// What a person in the simulation is: a child in care, a care leaver, or a parent-and-child family.
enum PersonKind: UInt8 { case none, child, leaver, family }

/// One person's state. A value in a pool; its index is its identity while it is in the model.
///
/// Exactly 64 bytes, largest fields first (and 8 spare), and the pool is aligned to 64 bytes, so a
/// person is one cache line: the pool of an England-size run (~90,000 people) is far larger than
/// the caches, and nearly every event touches one person picked from anywhere in it.
struct Person: BitwiseCopyable {
    var rng: SplitMix64
    /// When the current band ends (the next band's birthday), in simulation time.
    var nextBandTime: Double = .infinity
    /// When the child entered care, and when its current placement began, in simulation time
    /// (before the start for the starting population: see `Engine+Measures.swift`). 32-bit, so a
    /// person stays at 64 bytes; exact to a few minutes over any horizon.
    var careStart: Float32 = 0
    var placementStart: Float32 = 0
    /// When the person leaves this stage: leaving care (or turning 18), the end of support, the end of an assessment.
    var endTime: Double = .infinity
    /// When the person next moves placement.
    var nextMove: Double = .infinity
    /// Position in its provider's occupant list (kept only for a type's later providers; see `Engine.occupants`).
    var slot: Int32 = 0
    var version: UInt32 = 0
    var provider: Int16 = 0
    var band: Int16 = 0
    /// The financial year `yearPlacements` counts (years reported are far fewer than 127).
    var yearIndex: Int8 = -1
    /// The stream of entries the person came in by (0: the entries' own; see ``EntryStream``).
    var stream: UInt8 = 0
    /// Placements in the financial year `yearIndex`, counted up to 127 and no further (only whether
    /// it reached 3 is reported).
    var yearPlacements: Int8 = 0
    /// Emergency beds and sibling groups (see `Person+Stays.swift`): the placement type a child in
    /// an emergency bed goes to next, and whether it is placed with its sibling group.
    var stayBits: UInt8 = 0
    /// Date of birth: year, month and day, so that a birthday costs one table lookup.
    var birthYear: Int16 = 0
    var birthMonth: UInt8 = 1
    var birthDay: UInt8 = 1
    /// The exit reason at `endTime`, or −1 for turning 18 or the end of a stage (`Engine` checks
    /// that a scenario has fewer than 127 reasons).
    var endReason: Int8 = -1
    var kind: PersonKind = .none
    var overflowed = false
    var local = true

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }
}
