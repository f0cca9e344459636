/// The categories the published tables use, mapped to the scenario's words.

/// Children's age groups, as the DfE publishes stock and starts (`16 years and over` is 16–17).
public enum AgeGroup: Int, CaseIterable, Sendable {
    case under1, oneToFour, fiveToNine, tenToFifteen, sixteenPlus

    /// The scenario's band name (the DfE's bands).
    public var band: String { ["under 1", "1 to 4", "5 to 9", "10 to 15", "16 to 17"][rawValue] }
    /// The DfE's label in the stock and starts tables.
    var published: String { ["Under 1 year", "1 to 4 years", "5 to 9 years", "10 to 15 years", "16 years and over"][rawValue] }
    /// Whole years of age in the group.
    var years: Double { [1, 4, 5, 6, 2][rawValue] }
}

/// Ages on ceasing, as published: the children's groups with 16 and 17 apart, and 18 and over.
enum CeasedAge: Int, CaseIterable {
    case under1, oneToFour, fiveToNine, tenToFifteen, sixteen, seventeen, eighteenPlus
    var published: String {
        ["Under 1 year", "1 to 4 years", "5 to 9 years", "10 to 15 years", "16 years", "17 years", "18 years and over"][rawValue]
    }
    /// The age group of a child ceasing before 18.
    var group: AgeGroup? {
        switch self {
        case .under1: .under1
        case .oneToFour: .oneToFour
        case .fiveToNine: .fiveToNine
        case .tenToFifteen: .tenToFifteen
        case .sixteen, .seventeen: .sixteenPlus
        case .eighteenPlus: nil
        }
    }
}

/// Placement types written in a calibrated scenario: the DfE's placement groups.
public enum PlacementGroup: Int, CaseIterable, Sendable {
    case foster, adoption, parents, childrensHome, supported, otherResidential, other

    /// The placement type's name in the scenario.
    public var name: String {
        ["foster care", "placed for adoption", "placed with parents", "children's home", "supported accommodation",
         "other residential", "other placements"][rawValue]
    }

    /// The group of a council-level `Placement` characteristic (`nil` for the total).
    static func ofCouncilItem(_ item: String) -> PlacementGroup? {
        let s = item.lowercased()
        if s.hasPrefix("total") { return nil }
        if s.contains("foster") { return .foster }
        if s.contains("adoption") { return .adoption }
        if s.contains("placed with parents") { return .parents }
        if s.contains("children's homes") || s.contains("secure") { return .childrensHome }
        if s.contains("semi-independent") || s.contains("independent living") || s.contains("supported accommodation") {
            return .supported
        }
        if s.contains("residential school") || s.contains("other residential") { return .otherResidential }
        if s.contains("other placements") { return .other }
        return nil
    }

    /// The group of a national `Placement` characteristic, by its numbered code (`1.`, `5c`, …):
    /// only the rows that add up to the total, none of their breakdowns.
    static func ofNationalItem(_ item: String) -> PlacementGroup? {
        let code = item.split(separator: " ").first.map(String.init) ?? ""
        switch code {
        case "1.": return .foster
        case "2.": return .adoption
        case "3.": return .parents
        case "4.", "5d": return .supported
        case "5a", "5b", "5c": return .childrensHome
        case "6.", "7.": return .otherResidential
        case "8.": return .other
        default: return nil
        }
    }
}

/// Reasons for leaving care before 18, as written in a calibrated scenario.
public enum ExitReason: Int, CaseIterable, Sendable {
    case returnedHome, adoption, specialGuardianship, childArrangements, independentLiving, other

    public var name: String {
        ["returned home", "adoption", "special guardianship", "child arrangements order", "independent living", "other reasons"][rawValue]
    }

    /// The reason of a published `Reason episode ceased` characteristic (`nil` for the total).
    static func of(_ item: String) -> ExitReason? {
        let s = item.lowercased()
        if s == "total" { return nil }
        if s.contains("returned home") || s.contains("live with parents, relatives") { return .returnedHome }
        if s.hasPrefix("adopted") { return .adoption }
        if s.contains("special guardianship") { return .specialGuardianship }
        if s.contains("child arrangement") || s.contains("residence order") { return .childArrangements }
        if s.contains("independent living") { return .independentLiving }
        return .other
    }

    /// How likely each age on ceasing is for the reason before the margins are fitted (the prior of
    /// the fit of reasons × ages; see docs/published-tables.md). Zeros are structural: nobody is
    /// adopted at 16, nobody moves into independent living under 16, and ceasing at 18 or over is
    /// for independent living or other reasons.
    var agePrior: [Double] {
        switch self {
        case .returnedHome: [1, 1, 1, 1, 1, 1, 0.1]
        case .adoption: [1, 1, 0.3, 0.03, 0, 0, 0]
        case .specialGuardianship: [1, 1, 1, 0.5, 0.2, 0.2, 0]
        case .childArrangements: [1, 1, 1, 1, 0.5, 0.5, 0]
        case .independentLiving: [0, 0, 0, 0, 0.3, 1, 1]
        case .other: [1, 1, 1, 1, 1, 1, 1]
        }
    }
}

extension PlacementGroup {
    /// The prior of the fit of placements × ages on 31 March (see docs/published-tables.md):
    /// placed for adoption mostly under 5, children's homes and supported accommodation for older
    /// children (supported accommodation from 16).
    var agePrior: [Double] {
        switch self {
        case .foster, .parents, .other: [1, 1, 1, 1, 1]
        case .adoption: [1, 1, 0.2, 0.02, 0]
        case .childrensHome: [0, 0.01, 0.1, 1, 1]
        case .supported: [0, 0, 0, 0.02, 1]
        case .otherResidential: [0.5, 0.1, 0.3, 1, 1]
        }
    }
}
