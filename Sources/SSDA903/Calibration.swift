import Foundation

/// Rates and counts estimated from a 903 return, as of a date over a reference window.
/// Aggregates only: nothing here identifies a child.
public struct Calibration: Sendable {
    /// The date of the snapshot (day number).
    public var asOf: Int
    /// The reference window `[windowStart, windowEnd)`, day numbers.
    public var windowStart: Int
    public var windowEnd: Int
    public var windowYears: Double { Double(windowEnd - windowStart) / 365.25 }

    /// Children in care on `asOf`, by placement and age band.
    public var population: [Placement: [AgeBand: Int]] = [:]
    /// Of ``population``, children in the council's own children's homes (K2/R1 with PLACE_PROVIDER PR1).
    public var childrensHomeInHouse: [AgeBand: Int] = [:]
    /// Entries to care per year, by age band at entry (exposure: years of window).
    public var entries: [AgeBand: Rate] = [:]
    /// Entries counted by collection year and age band, for judging a trend.
    public var entriesByYear: [CollectionYear: [AgeBand: Int]] = [:]
    /// First placement of each entry, by age band at entry.
    public var firstPlacement: [AgeBand: [Placement: Int]] = [:]
    /// Placement moves per child-year in each placement type.
    public var moves: [Placement: Rate] = [:]
    /// Where moves went, by origin.
    public var moveDestinations: [Placement: [Placement: Int]] = [:]
    /// Where moves went, by origin and the child's age band on the day of the move.
    public var moveDestinationsByAge: [Placement: [AgeBand: [Placement: Int]]] = [:]
    /// Entries by whole years of age at entry (index 0 to 17), to show how ages fall within bands.
    public var entriesByAge = [Int](repeating: 0, count: 18)
    /// Children in care on `asOf` by whole years of age (index 0 to 17).
    public var populationByAge = [Int](repeating: 0, count: 18)
    /// Exits before 18 by reason and age band at exit, per child-year in care in that band.
    public var exits: [ExitReason: [AgeBand: Rate]] = [:]
    /// Child-years in care by age band (the exposure behind ``exits``), split at birthdays.
    public var exposure: [AgeBand: Double] = [:]
    /// Care ended at 18, by the REC's reason (E17 staying put, E5/E6 independent living, …).
    public var agedOut: [ExitReason: Int] = [:]
    /// Care ended at 18 by the placement left (its last episode's placement) and the REC's reason.
    public var agedOutFrom: [Placement: [ExitReason: Int]] = [:]
    /// Parent-and-child (R3) placements starting per year.
    public var parentAndChildStarts = Rate()
    /// Babies (under 1) whose period of care began in R3 in the window: families, not entries.
    public var babiesFirstInParentAndChild = 0
    /// Of babies whose period began in R3, those whose R3 placement ended in the window: staying
    /// in care (a later placement), or leaving care with it.
    public var babiesStayingAfterParentAndChild = 0
    public var babiesLeavingWithParentAndChild = 0
    /// Mean length in days of R3 placements that ended in the window, and how many there were.
    public var parentAndChildMeanDays: Double?
    public var parentAndChildEnded = 0
    /// Mothers in care on `asOf` (header MOTHER = 1).
    public var mothersInCare = 0
    /// Care leavers' accommodation (OC3 ACCOM codes) in collection years inside the window.
    public var leavingCareAccommodation: [String: Int] = [:]
    /// Periods left out of age-banded estimates and why (counts).
    public var notes: [String] = []

    /// Collection years wholly inside the window, with their entries, oldest first.
    public var wholeYearsOfEntries: [(year: CollectionYear, entries: Int)] {
        entriesByYear.keys.sorted().filter { $0.firstDay >= windowStart && $0.lastDay < windowEnd }
            .map { ($0, entriesByYear[$0]!.values.reduce(0, +)) }
    }

    /// The yearly trend in entries over ``wholeYearsOfEntries``; nil with fewer than ``EntryTrend/minimumYears`` whole years.
    public var entryTrend: EntryTrend? { EntryTrend.fit(wholeYearsOfEntries) }

    /// Total children in care on `asOf`.
    public var populationTotal: Int { population.values.flatMap(\.values).reduce(0, +) }
}
