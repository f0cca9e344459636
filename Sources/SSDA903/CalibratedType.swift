/// The placement types a calibrated scenario has, each a group of the 903's placements.
///
/// Foster care holds in-house, agency and other foster placements (providers in-house fostering,
/// then independent fostering agency); residential schools, NHS, custody and temporary placements
/// are `other`. Parent and child (R3) serves families, not children, and appears only when the data has it.
public enum CalibratedType: String, CaseIterable, Sendable, Comparable {
    case fosterCare = "foster care"
    case connectedCarers = "connected carers"
    case childrensHome = "children's home"
    case secureChildrensHome = "secure children's home"
    case supportedAccommodation = "supported accommodation"
    case placedWithParents = "placed with parents"
    case placedForAdoption = "placed for adoption"
    case parentAndChild = "parent and child"
    case other = "other"

    /// The scenario's type for a 903 placement.
    public init(_ placement: Placement) {
        switch placement {
        case .fosterInHouse, .fosterAgency, .fosterOther: self = .fosterCare
        case .connectedCarers: self = .connectedCarers
        case .childrensHome: self = .childrensHome
        case .secureChildrensHome: self = .secureChildrensHome
        case .supportedAccommodation: self = .supportedAccommodation
        case .placedWithParents: self = .placedWithParents
        case .placedForAdoption: self = .placedForAdoption
        case .parentAndChild: self = .parentAndChild
        case .residentialSchool, .nhs, .youngOffenderInstitution, .temporaryOrOther: self = .other
        }
    }

    /// Whether the type serves families (parent and child) rather than children.
    public var servesFamilies: Bool { self == .parentAndChild }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

extension AgeBand {
    /// The band's name in a scenario file (`under 1`, `1 to 4`, …), as ScenarioModel's DfE bands name them.
    public var label: String { ["under 1", "1 to 4", "5 to 9", "10 to 15", "16 to 17"][index] }
}
