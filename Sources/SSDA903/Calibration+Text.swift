import Foundation

extension Calibration {
    /// A plain-text summary for printing: every rate with its events and exposure.
    public var text: String {
        var out = "calibration as of \(CivilDate.formatLong(asOf)); window \(CivilDate.formatLong(windowStart)) to \(CivilDate.formatLong(windowEnd))"
        out += String(format: " (%.2f years)\n", windowYears)
        out += "\nchildren in care on \(CivilDate.formatLong(asOf)): \(populationTotal)\n"
        for placement in population.keys.sorted() {
            let row = AgeBand.allCases.map { "\($0.rawValue) \(population[placement]?[$0] ?? 0)" }.joined(separator: ", ")
            out += "  \(placement.rawValue): \(row)\n"
        }
        out += "\nentries per year by age band\n"
        for band in AgeBand.allCases { out += "  \(band.rawValue): \((entries[band] ?? Rate()).rendered)\n" }
        out += "\nexits per child-year by reason and age band\n"
        for reason in ExitReason.allCases {
            for band in AgeBand.allCases {
                if let r = exits[reason]?[band], r.events > 0 { out += "  \(reason.rawValue), \(band.rawValue): \(r.rendered)\n" }
            }
        }
        out += "\nmoves per child-year by placement\n"
        for placement in moves.keys.sorted() { out += "  \(placement.rawValue): \(moves[placement]!.rendered)\n" }
        out += "\ncare ended at 18: " + agedOut.keys.sorted().map { "\($0.rawValue) \(agedOut[$0]!)" }.joined(separator: ", ") + "\n"
        out += "parent and child placements: starts \(parentAndChildStarts.rendered)"
        out += parentAndChildMeanDays.map { String(format: "; mean length %.0f days over %d ended", $0, parentAndChildEnded) } ?? ""
        out += "; mothers in care \(mothersInCare)\n"
        if !leavingCareAccommodation.isEmpty {
            out += "care leavers' accommodation (oc3): " + leavingCareAccommodation.keys.sorted().map { "\($0) \(leavingCareAccommodation[$0]!)" }.joined(separator: ", ") + "\n"
        }
        for note in notes { out += "note: \(note)\n" }
        return out
    }
}
