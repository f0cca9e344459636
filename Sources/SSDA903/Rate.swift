import Foundation

/// The DfE age bands for children in care.
public enum AgeBand: String, CaseIterable, Sendable, Comparable {
    case under1 = "under_1"
    case oneToFour = "1_to_4"
    case fiveToNine = "5_to_9"
    case tenToFifteen = "10_to_15"
    case sixteenToSeventeen = "16_to_17"

    /// The age in whole years at which the band starts.
    public var lowerAge: Int { [0, 1, 5, 10, 16][index] }
    /// The age at which the band ends (exclusive).
    public var upperAge: Int { [1, 5, 10, 16, 18][index] }
    var index: Int { Self.allCases.firstIndex(of: self)! }

    /// The band of someone born on `dob` on `day`; `nil` before birth or from the 18th birthday.
    public static func on(_ day: Int, dob: Int) -> AgeBand? {
        guard day >= dob else { return nil }
        for band in allCases where day < CivilDate.birthday(dob, age: band.upperAge) { return band }
        return nil
    }

    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
}

/// A rate as events over exposure (person-years), kept as both so that a simulator can draw the
/// rate itself per replication (for example Gamma(events, 1/exposure)).
public struct Rate: Sendable, Equatable {
    public var events: Int
    /// Years of exposure (child-years, or calendar years for counts per year).
    public var exposure: Double

    public init(events: Int = 0, exposure: Double = 0) {
        self.events = events
        self.exposure = exposure
    }

    /// Events per year of exposure (0 with no exposure).
    public var value: Double { exposure > 0 ? Double(events) / exposure : 0 }

    /// Poisson standard error of ``value``: √events / exposure.
    public var standardError: Double { exposure > 0 ? Double(events).squareRoot() / exposure : 0 }

    /// `0.123 (events 45 / 365.9 years, se 0.018)`.
    public var rendered: String {
        String(format: "%.4f (%d events / %.2f years, se %.4f)", value, events, exposure, standardError)
    }
}
