import Foundation
import ScenarioModel

/// The sections of a calibrated scenario.
extension ScenarioWriter {
    // MARK: Placements

    /// Providers of each type, in order of preference, with where their children come from.
    func providers(of type: CalibratedType) -> [(name: String, inHouse: Bool, placements: [Placement])] {
        switch type {
        case .fosterCare:
            return [("in-house fostering", true, [.fosterInHouse]), ("independent fostering agency", false, [.fosterAgency, .fosterOther])]
        case .childrensHome:
            return hasInHouseHomes ? [("in-house children's home", true, []), ("external children's home", false, [])]
                : [("external children's home", false, [.childrensHome])]
        default:
            return [(type.rawValue, false, Placement.allCases.filter { CalibratedType($0) == type })]
        }
    }

    /// Children in `placements` on the snapshot date, by band.
    func count(_ placements: [Placement]) -> [AgeBand: Int] {
        var result: [AgeBand: Int] = [:]
        for p in placements { for (band, n) in calibration.population[p] ?? [:] { result[band, default: 0] += n } }
        return result
    }

    /// Children in a provider on the snapshot date, by band (children's homes split by PR1).
    func population(of provider: String, _ placements: [Placement]) -> [AgeBand: Int] {
        let homes = calibration.population[.childrensHome] ?? [:]
        switch provider {
        case "in-house children's home": return calibration.childrensHomeInHouse
        case "external children's home" where hasInHouseHomes:
            return homes.mapValues { $0 }.merging(calibration.childrensHomeInHouse.mapValues { -$0 }, uniquingKeysWith: +)
        default: return count(placements)
        }
    }

    mutating func writePlacements() {
        line("placements:")
        for type in types {
            line("  \(type.rawValue):")
            if type.servesFamilies { line("    serves: parent and child") }
            line("    providers:")
            let list = providers(of: type)
            for (k, provider) in list.enumerated() {
                line("      - name: \(provider.name)")
                if provider.inHouse { line("        in_house: true") }
                if k < list.count - 1 {
                    let n = population(of: provider.name, provider.placements).values.reduce(0, +)
                    line("        capacity: \(n)", "children placed here on the snapshot date: set your real capacity")
                }
                line("        weekly_cost: \(Self.costs[provider.name]!)", Self.defaultCost)
            }
            if !type.servesFamilies { writeMoves(of: type) }
            line("")
        }
        guard hasCareLeavers else { return }
        for name in ["staying put", "other care leaver accommodation"] {
            line("  \(name):")
            line("    serves: care leavers")
            line("    providers:")
            line("      - name: \(name)")
            line("        weekly_cost: \(Self.costs[name]!)", Self.defaultCost)
            line("")
        }
    }

    mutating func writeMoves(of type: CalibratedType) {
        let origins = Placement.allCases.filter { CalibratedType($0) == type }
        var rate = Rate()
        var destinations: [CalibratedType: Int] = [:]
        var byAge: [AgeBand: [CalibratedType: Int]] = [:]
        for origin in origins {
            if let r = calibration.moves[origin] {
                rate.events += r.events
                rate.exposure += r.exposure
            }
            for (to, n) in calibration.moveDestinations[origin] ?? [:] where !CalibratedType(to).servesFamilies {
                destinations[CalibratedType(to), default: 0] += n
            }
            for (band, mix) in calibration.moveDestinationsByAge[origin] ?? [:] {
                for (to, n) in mix where !CalibratedType(to).servesFamilies { byAge[band, default: [:]][CalibratedType(to), default: 0] += n }
            }
        }
        func ordered(_ counts: [CalibratedType: Int]) -> [(name: String, count: Int)] {
            CalibratedType.allCases.compactMap { t in counts[t].map { (name: t.rawValue, count: $0) } }
        }
        line("    moves:")
        let (text, comment) = self.rate(rate, "moves", per: "child-years in \(type.rawValue)")
        line("      rate: \(text)", comment)
        let counts = ordered(destinations)
        if counts.isEmpty {
            line("      to: {\(type.rawValue): 100%}", "no moves seen: a move stays in the same type")
            return
        }
        line("      to: \(Self.mix(counts, observed: true))", "moves in the window: \(Self.counted(counts))")
        // Destinations by the child's age band on the day of the move, where a band has enough moves.
        let total = { (band: AgeBand) in byAge[band]?.values.reduce(0, +) ?? 0 }
        let written = AgeBand.allCases.filter { total($0) >= Self.minimumMovesByAge }
        guard !written.isEmpty else { return }
        line("      to_by_age:", "by age band on the day of the move, for bands with at least \(Self.minimumMovesByAge) moves")
        for band in written {
            let mix = ordered(byAge[band]!)
            line("        \(band.label): \(Self.mix(mix, observed: true))", "\(Self.counted(mix))")
        }
        let thin = AgeBand.allCases.filter { !written.contains($0) }
        if !thin.isEmpty {
            line("      # fewer than \(Self.minimumMovesByAge) moves, so the mix of all ages above: "
                 + thin.map { "\($0.label) \(total($0))" }.joined(separator: ", "))
        }
    }

    // MARK: Population

    mutating func writePopulation() {
        line("population:", "children in care on \(CivilDate.formatLong(calibration.asOf)), by provider and age band")
        for type in types {
            for provider in providers(of: type) {
                let counts = population(of: provider.name, provider.placements)
                let total = counts.values.reduce(0, +)
                guard total > 0 else { continue }
                if type.servesFamilies {
                    line("  \(provider.name): \(total)", "children in parent and child placements (R3), counted as families")
                    continue
                }
                let cells = AgeBand.allCases.compactMap { band in counts[band].flatMap { $0 > 0 ? "\(band.label): \($0)" : nil } }
                line("  \(provider.name): {\(cells.joined(separator: ", "))}")
            }
        }
        let ages = (0..<18).map { "\($0) \(calibration.populationByAge[$0])" }.joined(separator: ", ")
        line("  # children in care by year of age (the simulator spreads them evenly over the years of each band): \(ages)")
        line("")
    }

    // MARK: Entries

    /// First placements by type (families' types left out: those children are counted in entries).
    func firstPlacements(_ band: AgeBand?) -> [(name: String, count: Int)] {
        var byType: [CalibratedType: Int] = [:]
        for (b, mix) in calibration.firstPlacement where band == nil || b == band {
            for (p, n) in mix where !CalibratedType(p).servesFamilies { byType[CalibratedType(p), default: 0] += n }
        }
        return CalibratedType.allCases.compactMap { t in byType[t].map { (name: t.rawValue, count: $0) } }
    }

    mutating func writeEntries() {
        let c = calibration
        line("entries:")
        line("  per_year:", "children entering care, by age band at entry")
        for band in AgeBand.allCases {
            let (text, comment) = rate(c.entries[band] ?? Rate(), "entries", per: "years")
            line("    \(band.label): \(text)", comment)
        }
        writeTrend()
        line("  first_placement:")
        let overall = firstPlacements(nil)
        for band in AgeBand.allCases {
            let counts = firstPlacements(band)
            if !counts.isEmpty {
                line("    \(band.label): \(Self.mix(counts, observed: true))", "entries in the window: \(Self.counted(counts))")
            } else if !overall.isEmpty {
                line("    \(band.label): \(Self.mix(overall))", "no entries at this age in the window: the mix of all entries")
            } else {
                line("    \(band.label): {foster care: 100%}", Self.defaultValue)
            }
        }
        if hasParentAndChild {
            line("  # babies placed first with a parent (R3) are families, not entries; older children placed first in R3 "
                 + "are left out of these mixes: see parent_and_child")
        }
        let ages = (0..<18).map { "\($0) \(c.entriesByAge[$0])" }.joined(separator: ", ")
        line("  # entries in the window by year of age (the simulator spreads entries evenly over the years of each band): \(ages)")
        line("")
    }

    // MARK: Exits

    mutating func writeExits() {
        let c = calibration
        let exposure = AgeBand.allCases.map { String(format: "%@ %.1f", $0.label, c.exposure[$0] ?? 0) }.joined(separator: ", ")
        line("exits:")
        line("  rates:", "per child-year in care before 18; child-years: \(exposure)")
        var omitted: [String] = []
        for reason in ExitReason.allCases {
            let byBand = c.exits[reason] ?? [:]
            guard byBand.values.contains(where: { $0.events > 0 }) else { omitted.append(Self.words(reason)); continue }
            line("    \(Self.words(reason)):")
            for band in AgeBand.allCases {
                let (text, comment) = rate(byBand[band] ?? Rate(), "exits", per: "child-years")
                line("      \(band.label): \(text)", comment)
            }
        }
        if !omitted.isEmpty { line("  # no exits before 18 in the window for: \(omitted.joined(separator: ", "))") }
        let aged = c.agedOut.keys.sorted().map { "\(Self.words($0)) \(c.agedOut[$0]!)" }
        line("  # care ended at 18 in the window (the simulator ends care at 18): " + (aged.isEmpty ? "none" : aged.joined(separator: ", ")))
        line("")
    }

    /// An exit reason in the scenario's words.
    static func words(_ reason: ExitReason) -> String { reason.rawValue.replacingOccurrences(of: "_", with: " ") }

    // MARK: Parent and child, care leavers

    mutating func writeParentAndChild() {
        guard hasParentAndChild else { return }
        let c = calibration
        line("parent_and_child:")
        var starts = c.parentAndChildStarts
        if starts.events == 0 { starts.exposure = 0 }
        let (text, comment) = rate(starts, "parent and child (R3) placements started", per: "years")
        line("  per_year: \(text)", comment)
        if let days = c.parentAndChildMeanDays {
            line("  duration: {distribution: exponential, mean: \(Int(days.rounded())) days}",
                 "mean length of the \(c.parentAndChildEnded) R3 placements that ended in the window")
        } else {
            line("  duration: {distribution: exponential, mean: 12 weeks}", Self.defaultValue)
        }
        line("  placement: {parent and child: 100%}")
        // Babies placed first in R3 are families, not entries: the share still in care after it is baby_enters_care.
        let stayed = c.babiesStayingAfterParentAndChild, ended = stayed + c.babiesLeavingWithParentAndChild
        if ended > 0 {
            line("  baby_enters_care: \(ScenarioText.percent(basisPoints: Int((Double(stayed) * 10_000 / Double(ended)).rounded())))",
                 "of the \(ended) babies placed first with a parent (R3) whose placement ended in the window, \(stayed) stayed in care after it")
        } else {
            line("  baby_enters_care: 0%", "no baby placed first with a parent (R3) left that placement in the window")
        }
        line("  # babies whose care began with a parent (R3) are counted here as families, not in entries: "
             + "\(c.babiesFirstInParentAndChild) in the window")
        line("")
    }

    mutating func writeVariability() {
        guard let v = options.variability else { return }
        line("variability:", "DEFAULT — year-to-year drift in rates across England's councils (docs/published-tables.md); replace with your own")
        line("  entries: \(ScenarioText.percent(basisPoints: Int((v.entries * 10_000).rounded())))", "sd of the yearly step in the log entry rates")
        line("  exits: \(ScenarioText.percent(basisPoints: Int((v.exits * 10_000).rounded())))", "sd of the yearly step in the log exit rates (before 18)")
        line("  moves: \(ScenarioText.percent(basisPoints: Int((v.moves * 10_000).rounded())))", "sd of the yearly step in the log move rates")
        line("  placements: \(ScenarioText.percent(basisPoints: Int((v.placements * 10_000).rounded())))", "sd of the yearly step in each placement type's log weight in placements")
        line(String(format: "  rates_averaged_over: %.2f years", max(1, calibration.windowYears)), "the window the rates are estimated over")
        line("")
    }

    mutating func writeCareLeavers() {
        guard hasCareLeavers else { return }
        let c = calibration
        let stayingPut = c.agedOut[.stayingPut] ?? 0
        let others = c.agedOut.filter { $0.key != .stayingPut }.values.reduce(0, +)
        line("care_leavers:")
        line("  pathway:", "by the placement type left at 18 (staying put is an arrangement with foster carers)")
        // Each type that young people left at 18 in the window gets its own mix.
        var byType: [CalibratedType: (stayingPut: Int, others: Int)] = [:]
        for (placement, reasons) in c.agedOutFrom {
            let type = CalibratedType(placement)
            for (reason, n) in reasons {
                if reason == .stayingPut { byType[type, default: (0, 0)].stayingPut += n } else { byType[type, default: (0, 0)].others += n }
            }
        }
        for type in CalibratedType.allCases where !type.servesFamilies {
            guard let n = byType[type], n.stayingPut + n.others > 0 else { continue }
            line("    \(type.rawValue): \(Self.mix([("staying put", n.stayingPut), ("other care leaver accommodation", n.others)]))",
                 "care ended at 18 in the window from \(type.rawValue): staying put (E17) \(n.stayingPut), other \(n.others)")
        }
        if stayingPut + others == 0 {
            line("    all: {staying put: 25%, other care leaver accommodation: 75%}", Self.defaultValue)
        } else {
            line("    all: {other care leaver accommodation: 100%}", "types no one left at 18 in the window")
        }
        line("  support_to_25: 0%", Self.defaultValue)
        let accommodation = c.leavingCareAccommodation.keys.sorted().map { "\($0) \(c.leavingCareAccommodation[$0]!)" }
        if !accommodation.isEmpty { line("  # care leavers' accommodation in OC3 (17–21) in the window: " + accommodation.joined(separator: ", ")) }
        line("  # care leavers already out of care are not in the 903 episodes: add them to 'population' to count them")
        line("")
    }
}
