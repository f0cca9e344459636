import Foundation
import ScenarioModel

/// The raw counts behind the strategy's measures (docs/measures.md), kept per replication:
/// counted over the people at the start and at each 31 March, or at the events themselves.
///
/// A tally keeps them in `Tally.measures[slot * MeasureCount.width + count]`, where slot 0
/// is the start and slot *y* + 1 is financial year *y* (its 31 March, or its events).
public enum MeasureCount: Int, CaseIterable, Sendable {
    /// Children in care (under 18), on the day.
    case childrenInCare
    /// Of them, with 3 or more placements in the financial year (counting the one held on 1 April).
    case threePlacements
    /// Children under 16 on the day, in care for at least 2.5 years.
    case longTermInCare
    /// Of them, in the same placement for at least 2 years.
    case longTermSamePlacement
    /// Children in care placed out of area (not local, by the providers' local shares).
    case outOfArea
    /// Children in care in a foster placement (a placement type serving children named "… foster …").
    case inFoster
    /// Of them, with an in-house provider.
    case inHouseFoster
    /// In-house foster carer households.
    case fosterHouseholds
    /// Care leavers aged 19 to 21 on the day.
    case leaversAged19to21
    /// Of them, in accommodation the scenario does not name as unsuitable.
    case leaversSuitable
    /// Children adopted in the financial year (an event count).
    case adopted
    /// The days from entering care to adoption, summed over the children adopted in the year.
    case adoptionDays

    /// Counts per slot (`allCases.count`, which would build an array at each use).
    public static let width = 12
    /// Slots per replication for `years` financial years: the start, then each year.
    public static func slots(years: Int) -> Int { years + 1 }
    /// Values per replication.
    public static func valueCount(years: Int) -> Int { slots(years: years) * width }
    /// Where `count` of `slot` is kept.
    @inline(__always)
    public static func index(_ count: MeasureCount, slot: Int) -> Int { slot * width + count.rawValue }
}

/// What the measures need from a scenario, resolved once.
package struct MeasureSetup: Sendable {
    /// The exit reason that is adoption (its name contains "adopt"), if any.
    package let adoptionReason: Int?
    /// Per provider: a foster placement for children, and in-house.
    package let fosterProvider: [Bool]
    package let inHouse: [Bool]
    /// Per provider: care leavers' accommodation the scenario names as unsuitable.
    package let unsuitable: [Bool]
    /// Whether the scenario names any unsuitable care-leaver accommodation.
    package let hasSuitability: Bool
    /// Providers with in-house foster carers (households).
    package let carerProviders: [Int]
    /// For each financial year, the month end that is its 31 March, if simulated.
    package let yearEndMonth: [Int?]
    /// Per provider, the flags below in one byte, for the scan at each 31 March.
    package let flags: [UInt8]
    static let foster: UInt8 = 1, inHouseFoster: UInt8 = 2, unsuitable: UInt8 = 4

    init(_ s: Scenario, monthEnds: [Day], years: [FinancialYear]) {
        adoptionReason = s.exits.reasons.firstIndex { $0.lowercased().contains("adopt") }
        var foster: [Bool] = [], inHouse: [Bool] = [], unsuitable: [Bool] = []
        let unsuitableTypes = Set(s.careLeavers?.unsuitable ?? [])
        for (t, type) in s.placementTypes.enumerated() {
            for provider in type.providers {
                foster.append(type.serves == .children && MeasureSetup.isFostering(type.name))
                inHouse.append(provider.inHouse)
                unsuitable.append(unsuitableTypes.contains(t))
            }
        }
        fosterProvider = foster
        self.inHouse = inHouse
        self.unsuitable = unsuitable
        hasSuitability = !unsuitableTypes.isEmpty
        carerProviders = s.providers.indices.filter { s.providers[$0].fosterCarers != nil }
        yearEndMonth = years.map { fy in monthEnds.firstIndex { $0 == fy.lastDay } }
        flags = foster.indices.map { p in
            (foster[p] ? Self.foster : 0) | (foster[p] && inHouse[p] ? Self.inHouseFoster : 0) | (unsuitable[p] ? Self.unsuitable : 0)
        }
    }

    /// Whether a placement type for children is foster care: its name says so ("foster care",
    /// "kinship foster care", "fostering"); see docs/measures.md.
    package static func isFostering(_ typeName: String) -> Bool { typeName.lowercased().contains("foster") }
}
