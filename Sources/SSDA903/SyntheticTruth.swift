/// The known rates a synthetic return is generated from, and the faults injected into it.
public struct SyntheticTruth: Sendable {
    /// Entries to care per year by age band at entry.
    public var entriesPerYear: [AgeBand: Double]
    /// Exit hazards before 18, per year in care, by reason and age band.
    public var exitHazard: [ExitReason: [AgeBand: Double]]
    /// Move hazard per year, by placement.
    public var moveHazard: [Placement: Double]
    /// Relative weights of destinations, by origin.
    public var moveDestinations: [Placement: [Placement: Double]]
    /// Relative weights of the first placement, by age band at entry.
    public var firstPlacement: [AgeBand: [Placement: Double]]
    /// Legal-status changes per year (a new episode, no move).
    public var legalStatusHazard: Double = 0.2
    /// REC codes at 18 other than staying put (E17), with relative weights.
    public var leavingAt18: [(rec: String, weight: Double)] = [("E5", 0.2), ("E6", 0.27), ("E8", 0.53)]
    /// The share who stay put (E17) at 18, by the placement left; none from any other placement.
    public var stayingPutAt18: [Placement: Double] = [.fosterInHouse: 0.35, .fosterAgency: 0.35, .fosterOther: 0.35]
    /// Faults injected into the episodes table, by the reason the data-quality report gives.
    public var injectedFaults: [String: Int] = [:]

    /// Plausible rates for a council with about `childrenInCare` children in care (scaled to the
    /// steady state of the exit hazards; moves do not change the stock).
    public static func standard(childrenInCare: Int) -> SyntheticTruth {
        func bands(_ v: [Double]) -> [AgeBand: Double] { Dictionary(uniqueKeysWithValues: zip(AgeBand.allCases, v)) }
        var truth = SyntheticTruth(
            entriesPerYear: bands([60, 40, 40, 80, 50]),
            exitHazard: [
                .returnedHome: bands([0.15, 0.2, 0.2, 0.2, 0.15]),
                .adoption: bands([0.25, 0.2, 0.02, 0, 0]),
                .specialGuardianship: bands([0.08, 0.1, 0.06, 0.02, 0]),
                .childArrangementOrder: bands([0.03, 0.03, 0.02, 0.01, 0]),
                .independentLiving: bands([0, 0, 0, 0, 0.08]),
                .other: bands([0.02, 0.02, 0.03, 0.04, 0.1]),
            ],
            moveHazard: [.connectedCarers: 0.15, .fosterInHouse: 0.25, .fosterAgency: 0.3, .childrensHome: 0.45,
                         .supportedAccommodation: 0.35, .parentAndChild: 3.0, .placedWithParents: 0.1, .temporaryOrOther: 2.0],
            moveDestinations: [:],
            firstPlacement: [
                .under1: [.parentAndChild: 0.1, .fosterInHouse: 0.5, .fosterAgency: 0.25, .connectedCarers: 0.15],
                .oneToFour: [.fosterInHouse: 0.45, .fosterAgency: 0.3, .connectedCarers: 0.2, .placedWithParents: 0.05],
                .fiveToNine: [.fosterInHouse: 0.45, .fosterAgency: 0.3, .connectedCarers: 0.2, .placedWithParents: 0.05],
                .tenToFifteen: [.fosterInHouse: 0.35, .fosterAgency: 0.35, .connectedCarers: 0.1, .childrensHome: 0.15, .temporaryOrOther: 0.05],
                .sixteenToSeventeen: [.fosterInHouse: 0.2, .fosterAgency: 0.25, .childrensHome: 0.15, .supportedAccommodation: 0.35, .temporaryOrOther: 0.05],
            ])
        let family: [Placement: Double] = [.fosterInHouse: 0.35, .fosterAgency: 0.3, .connectedCarers: 0.1, .childrensHome: 0.15, .supportedAccommodation: 0.1]
        for origin in truth.moveHazard.keys {
            truth.moveDestinations[origin] = family.filter { $0.key != origin }
        }
        let stock = AgeBand.allCases.reduce(0.0) { $0 + truth.entriesPerYear[$1]! * truth.expectedYearsInCare(enteringIn: $1) }
        let scale = Double(childrenInCare) / stock
        for band in AgeBand.allCases { truth.entriesPerYear[band]! *= scale }
        return truth
    }

    /// Total exit hazard in `band`.
    func totalExit(_ band: AgeBand) -> Double { exitHazard.values.reduce(0) { $0 + ($1[band] ?? 0) } }

    /// Expected years in care for an entry at an age uniform in `band` (constant hazards per band, care ends at 18).
    func expectedYearsInCare(enteringIn band: AgeBand) -> Double {
        let steps = 48
        var total = 0.0
        for s in 0..<steps {
            var age = Double(band.lowerAge) + (Double(s) + 0.5) / Double(steps) * Double(band.upperAge - band.lowerAge)
            var survive = 1.0, years = 0.0
            for b in AgeBand.allCases where Double(b.upperAge) > age {
                let h = totalExit(b), span = Double(b.upperAge) - age
                years += survive * (h > 0 ? (1 - (-h * span).exp) / h : span)
                survive *= (-h * span).exp
                age = Double(b.upperAge)
            }
            total += years
        }
        return total / Double(steps)
    }
}
