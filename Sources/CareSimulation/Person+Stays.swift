/// The byte of a person's state kept for emergency beds and sibling groups (`Person.stayBits`):
/// the low 6 bits hold the placement type a child in an emergency bed goes to next, plus one (0:
/// none); bit 6 marks a child placed in a household approved for sibling groups, and bit 7 the
/// child (its group's eldest) whose leaving frees that household.
extension Person {
    /// The placement type a child in an emergency bed goes to when its stay ends; `nil` when the
    /// child is not in an emergency bed. (`Engine` checks that a scenario has fewer than 63 types.)
    var nextType: Int? {
        get {
            let bits = Int(stayBits & 0x3F)
            return bits == 0 ? nil : bits - 1
        }
        set { stayBits = (stayBits & 0xC0) | UInt8(newValue.map { $0 + 1 } ?? 0) }
    }

    /// Whether the person is in an emergency bed (with a placement to go to).
    var inEmergencyBed: Bool { stayBits & 0x3F != 0 }

    /// Whether the child is placed in a household approved for sibling groups, with its group.
    var inSiblingHousehold: Bool {
        get { stayBits & 0x40 != 0 }
        set { stayBits = newValue ? stayBits | 0x40 : stayBits & ~0x40 }
    }

    /// Whether the household holding this child's group is free again when this child leaves it.
    var holdsSiblingHousehold: Bool {
        get { stayBits & 0x80 != 0 }
        set { stayBits = newValue ? stayBits | 0x80 : stayBits & 0x7F }
    }
}
