/// The simulator's placement vocabulary, in the DfE's words; fostering split by provider.
public enum Placement: String, CaseIterable, Sendable, Comparable {
    case connectedCarers = "connected_carers"
    case fosterInHouse = "foster_in_house"
    case fosterAgency = "foster_agency"
    case fosterOther = "foster_other"
    case childrensHome = "childrens_home"
    case secureChildrensHome = "secure_childrens_home"
    case residentialSchool = "residential_school"
    case supportedAccommodation = "supported_accommodation"
    case parentAndChild = "parent_and_child"
    case placedWithParents = "placed_with_parents"
    case placedForAdoption = "placed_for_adoption"
    case nhs = "nhs"
    case youngOffenderInstitution = "young_offender_institution"
    case temporaryOrOther = "temporary_or_other"

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// Why a period of care ended, grouped as the simulator models exits.
public enum ExitReason: String, CaseIterable, Sendable, Comparable {
    case returnedHome = "returned_home"
    case adoption
    case specialGuardianship = "special_guardianship"
    case childArrangementOrder = "child_arrangement_order"
    case stayingPut = "staying_put"
    case independentLiving = "independent_living"
    case other

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// Code lists of the 903 return by collection year, and their mapping to the simulator's words.
///
/// Source: DfE "Children looked after by local authorities in England: guide to the SSDA903
/// collection" for each year, as summarised in DOMAIN.md and the project brief. Changes modelled:
/// K3 (supported accommodation) valid from 2024/25; H5 (semi-independent living), P2
/// (independent living) and Z1 (other) not valid from 2025/26, when Z1 splits into Z11–Z14.
/// Not verified against the guidance text here (no copy could be found): P3 (residential
/// employment) is accepted to 2024/25 like P2 — the samples use it; E43/E44 (older special
/// guardianship codes) are accepted as special guardianship.
public enum PlacementCodes {
    static let everyYear: Set<String> = ["U1", "U2", "U3", "U4", "U5", "U6", "K1", "K2", "R1", "R2", "R3", "R5", "S1",
                                         "P1", "A3", "A4", "A5", "A6", "T0", "T1", "T2", "T3", "T4"]
    static let until2025: Set<String> = ["H5", "P2", "P3", "Z1"]
    static let from2025: Set<String> = ["K3"]
    static let from2026: Set<String> = ["Z11", "Z12", "Z13", "Z14"]

    /// Every PLACE code valid in some year.
    static let allPlaceCodes = everyYear.union(until2025).union(from2025).union(from2026)

    /// The PLACE codes valid in `year`.
    public static func validPlaceCodes(in year: CollectionYear) -> Set<String> {
        var codes = everyYear
        if year.endingYear <= 2025 { codes.formUnion(until2025) }
        if year.endingYear >= 2025 { codes.formUnion(from2025) }
        if year.endingYear >= 2026 { codes.formUnion(from2026) }
        return codes
    }

    /// The simulator's placement for a PLACE code and PLACE_PROVIDER (PR1 own LA = in-house;
    /// PR4 private and PR5 voluntary = agency; any other provider of foster care = other).
    public static func placement(code: String, provider: String) -> Placement {
        switch code {
        case "U1", "U2", "U3": return .connectedCarers
        case "U4", "U5", "U6":
            switch provider {
            case "PR1": return .fosterInHouse
            case "PR4", "PR5": return .fosterAgency
            default: return .fosterOther
            }
        // R1 is a residential care home (registered with the CQC); grouped with children's homes.
        case "K2", "R1": return .childrensHome
        case "K1": return .secureChildrensHome
        case "S1": return .residentialSchool
        case "H5", "K3", "P2": return .supportedAccommodation
        case "R3": return .parentAndChild
        case "P1": return .placedWithParents
        case "A3", "A4", "A5", "A6": return .placedForAdoption
        case "R2": return .nhs
        case "R5": return .youngOffenderInstitution
        default: return .temporaryOrOther
        }
    }

    /// REC codes that end an episode, valid in every year covered (X1: the episode continues).
    public static let reasonCeasedCodes: Set<String> = ["X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3",
                                                        "E41", "E43", "E44", "E45", "E46", "E47", "E48", "E4A", "E4B",
                                                        "E5", "E6", "E7", "E8", "E9"]

    /// The exit a REC code records; `nil` for X1 (the period of care continues).
    public static func exitReason(rec: String) -> ExitReason? {
        switch rec {
        case "X1": return nil
        case "E4A", "E4B", "E13": return .returnedHome
        case "E11", "E12": return .adoption
        case "E43", "E44", "E45", "E46", "E47", "E48": return .specialGuardianship
        case "E41": return .childArrangementOrder
        case "E17": return .stayingPut
        case "E5", "E6": return .independentLiving
        default: return .other
        }
    }
}
