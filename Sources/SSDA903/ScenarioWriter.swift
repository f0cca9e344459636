import Foundation
import ScenarioModel

/// Renders a ``Calibration`` as a scenario file that ScenarioReader accepts, every number
/// commented with the events and exposure behind it.
///
/// Estimated rates are written `{events: N, years: X}` so that the simulator draws each rate from
/// its posterior in every replication (the forecast carries the uncertainty of a small council's
/// rates). A rate with no events is written as a plain `0` (no event of that kind was seen: the
/// cell is treated as structurally empty rather than given a prior's small rate). Costs are not in
/// the 903 return: the writer fills defaults from scenarios/medway-baseline.yaml, each marked.
/// Only aggregates are written: nothing in the text identifies a child.
public struct ScenarioWriter: Sendable {
    /// What the file says about itself and how it is run.
    public struct Options: Sendable {
        public var name: String
        public var horizonYears: Int
        public var replications: Int
        public var seed: UInt64
        /// Lines written as comments at the top (the inputs, the data-quality totals).
        public var notes: [String]
        /// Whether to write the care leavers' section when the data has what it needs.
        public var includeCareLeavers: Bool
        /// Year-to-year drift in entry and exit rates to write (`nil`: none); see ``defaultVariability``.
        public var variability: (entries: Double, exits: Double, moves: Double, placements: Double)?

        public init(name: String, horizonYears: Int = 5, replications: Int = 1000, seed: UInt64 = 1,
                    notes: [String] = [], includeCareLeavers: Bool = true,
                    variability: (entries: Double, exits: Double, moves: Double, placements: Double)? = ScenarioWriter.defaultVariability) {
            self.name = name
            self.horizonYears = horizonYears
            self.replications = replications
            self.seed = seed
            self.notes = notes
            self.includeCareLeavers = includeCareLeavers
            self.variability = variability
        }
    }

    /// Year-to-year drift of rates across England's councils: one council's return has too few years
    /// to estimate it, so the pooled figure from every council's published history to 31 March 2021
    /// is written (`sufficiency backtest` on the DfE's tables; docs/published-tables.md): the yearly
    /// change in log starts has sd 17.4% beyond Poisson noise, and in log ceased per child-year
    /// 13.1%, which for exits before 18 alone (about two thirds of ceased) is about 20%; in log
    /// placement moves (new placements less starts) per child-year, 15.8%; in each placement type's
    /// share of placements, as councils' mix of new placements by location drifts, 13.8%.
    public static let defaultVariability: (entries: Double, exits: Double, moves: Double, placements: Double)? = (0.17, 0.20, 0.16, 0.14)

    /// The marker on every figure the 903 return cannot supply.
    public static let defaultCost = "# DEFAULT COST — not in the 903 return; replace with your council's figure"
    static let defaultValue = "# DEFAULT — not in the 903 return; replace with your council's figure"

    /// Weekly cost defaults, from scenarios/medway-baseline.yaml (2025/26 prices) and DOMAIN.md ranges.
    static let costs: [String: String] = [
        "in-house fostering": "£650", "independent fostering agency": "£1,000", "connected carers": "£300",
        "in-house children's home": "£6,700", "external children's home": "£6,700", "secure children's home": "£12,000",
        "supported accommodation": "£1,750", "placed with parents": "£0", "placed for adoption": "£0",
        "parent and child": "£4,000", "other": "£3,000", "staying put": "£300", "other care leaver accommodation": "£0",
    ]

    let calibration: Calibration
    let options: Options
    var lines: [String] = []

    /// The scenario text for `calibration`.
    public static func render(_ calibration: Calibration, options: Options) -> String {
        var writer = ScenarioWriter(calibration: calibration, options: options)
        writer.writeHeader()
        writer.writePlacements()
        writer.writePopulation()
        writer.writeEntries()
        writer.writeExits()
        writer.writeParentAndChild()
        writer.writeCareLeavers()
        writer.writeVariability()
        writer.line("inflation: 3%", defaultValue + " (general uplift each April)")
        return writer.lines.joined(separator: "\n") + "\n"
    }

    /// The types written: every child type, and parent and child when the data has R3 placements.
    var types: [CalibratedType] {
        CalibratedType.allCases.filter { !$0.servesFamilies || hasParentAndChild }
    }

    var hasParentAndChild: Bool {
        calibration.parentAndChildStarts.events > 0 || (calibration.population[.parentAndChild]?.values.reduce(0, +) ?? 0) > 0
    }

    var hasCareLeavers: Bool {
        options.includeCareLeavers && ((calibration.agedOut[.stayingPut] ?? 0) > 0 || !calibration.leavingCareAccommodation.isEmpty)
    }

    var hasInHouseHomes: Bool { calibration.childrensHomeInHouse.values.reduce(0, +) > 0 }

    /// Appends `text`, with `comment` aligned after it.
    mutating func line(_ text: String, _ comment: String? = nil) {
        guard let comment else { lines.append(text); return }
        let padded = text.count < 44 ? text.padding(toLength: 44, withPad: " ", startingAt: 0) : text + "  "
        lines.append(padded + (comment.hasPrefix("#") ? comment : "# " + comment))
    }

    mutating func writeHeader() {
        let c = calibration
        line("# \(options.name): calibrated from a 903 return by 'sufficiency calibrate'.")
        line("#")
        line("# Children in care on \(CivilDate.formatLong(c.asOf)); rates over the reference window")
        line(String(format: "# %@ to %@ (%.2f years).", CivilDate.formatLong(c.windowStart), CivilDate.formatLong(c.windowEnd), c.windowYears))
        line("# Each estimated rate is {events, years}: the events counted in the window and the exposure")
        line("# behind them; the simulator draws the rate afresh in each replication from that evidence.")
        line("# A mix of placements with 'observed: N' was counted from N entries or moves (the counts are in")
        line("# its comment); each replication draws its own shares from them, so small counts give wider intervals.")
        line("# Figures marked DEFAULT are not in the 903 return: replace them with your council's own.")
        line("# Only aggregates are written here: nothing in this file identifies a child.")
        for note in options.notes + c.notes { line("# \(note)") }
        line("name: \(options.name)")
        line("description: |")
        line("  Calibrated from the 903 return: children in care on \(CivilDate.formatLong(c.asOf)), rates over")
        line(String(format: "  the %.2f years to %@. Costs are defaults, to be replaced.", c.windowYears, CivilDate.formatLong(c.windowEnd)))
        line("")
        line("start: \(CivilDate.formatISO(c.asOf + 1))", "the day after the snapshot")
        line("horizon: \(options.horizonYears) years")
        line("replications: \(options.replications)")
        line("seed: \(options.seed)")
        line("")
    }

    // MARK: Numbers as text

    /// `{events: 12, years: 3.042}` with a comment in words, or `0` when nothing was seen.
    func rate(_ r: Rate, _ what: String, per exposureWords: String) -> (text: String, comment: String) {
        let years = Self.years(r.exposure)
        guard years != "0.000" else { return ("0", "no \(exposureWords) in the window") }
        guard r.events > 0 else { return ("0", "no \(what) over \(years) \(exposureWords)") }
        return ("{events: \(r.events), years: \(years)}",
                String(format: "%d %@ over %@ %@ (%.3f a year, se %.3f)", r.events, what, years, exposureWords, r.value, r.standardError))
    }

    static func years(_ exposure: Double) -> String { String(format: "%.3f", exposure) }

    /// A mix written as percentages to 0.01% that add up to exactly 100% (largest remainder).
    /// The shares of `counts`; with `observed`, also how many were counted, so that each
    /// replication draws its own shares (docs/scenario-format.md, "Shares with their uncertainty").
    static func mix(_ counts: [(name: String, count: Int)], observed: Bool = false) -> String {
        let text = ScenarioText.mix(counts.map { ($0.name, Double($0.count)) })
        guard observed, counts.count > 1 else { return text }
        return text.dropLast() + ", observed: \(counts.reduce(0) { $0 + $1.count })}"
    }

    /// `foster care 36, children's home 4`.
    static func counted(_ counts: [(name: String, count: Int)]) -> String {
        counts.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }
}
