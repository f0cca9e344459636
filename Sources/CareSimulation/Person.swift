/// What a person in the simulation is: a child in care, a care leaver, or a parent-and-child family.
enum PersonKind: UInt8 { case none, child, leaver, family }

/// One person's state. A value in a pool; its index is its identity while it is in the model.
struct Person {
    var rng: SplitMix64
    var kind: PersonKind = .none
    var overflowed = false
    var local = true
    var band: Int16 = 0
    var yearIndex: Int16 = -1
    var yearPlacements: Int16 = 0
    var provider: Int32 = 0
    /// Position in its provider's occupant list.
    var slot: Int32 = 0
    /// Date of birth: year, month and day, so that a birthday costs one `daysFromCivil`.
    var birthYear: Int16 = 0
    var birthMonth: UInt8 = 1
    var birthDay: UInt8 = 1
    var version: UInt32 = 0
    /// When the current band ends (the next band's birthday), in simulation time.
    var nextBandTime: Double = .infinity
    /// When the current placement began (for costs).
    var placedAt: Double = 0
    /// When the person leaves this stage: leaving care (or turning 18), the end of support, the end of an assessment.
    var endTime: Double = .infinity
    /// The exit reason at `endTime`, or −1 for turning 18 or the end of a stage.
    var endReason: Int32 = -1
    /// When the person next moves placement.
    var nextMove: Double = .infinity

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }
}
