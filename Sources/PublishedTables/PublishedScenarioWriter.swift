import Foundation
import ScenarioModel

/// Writes a ``PublishedCalibration`` as a scenario file, every figure with its source table and
/// arithmetic in a comment.
public struct PublishedScenarioWriter: Sendable {
    public struct Options: Sendable {
        public var horizonYears: Int
        public var replications: Int
        public var seed: UInt64
        /// Year-to-year variability of rates (on by default; off for a check against closed forms).
        public var variability: Bool
        /// Whether to write care leavers when the tables have them (a back-test of children in care needs none).
        public var includeCareLeavers: Bool
        public init(horizonYears: Int = 5, replications: Int = 1000, seed: UInt64 = 1, variability: Bool = true,
                    includeCareLeavers: Bool = true) {
            self.horizonYears = horizonYears
            self.replications = replications
            self.seed = seed
            self.variability = variability
            self.includeCareLeavers = includeCareLeavers
        }
    }

    /// The marker on every figure the published tables cannot supply.
    public static let defaultCost = "DEFAULT COST, not in the published tables: replace with your council's figure"

    /// Weekly cost defaults: documented published unit costs (shared/data/unit_costs.csv), each with its source.
    static let costs: [(provider: String, pounds: String, source: String)] = [
        ("in-house fostering", "£646", "PSSRU Unit Costs of Health and Social Care 2017, foster care per child per week (2016/17 prices)"),
        ("agency fostering", "£820", "CMA children's social care market study, interim report 2021: IFA average weekly price"),
        ("placed for adoption", "£0", "placement paid by adopters; adoption support not modelled"),
        ("placed with parents", "£0", "no placement fee; support costs not modelled"),
        ("children's homes", "£3,970", "NCERCC & Revolution Consulting 2020: average price paid, year to 31 March 2019 (FOI)"),
        ("supported accommodation", "£1,500", "no published average found; councils report £1,000 to £2,500 a week"),
        ("other residential", "£3,000", "DfE written answer c. 2016/17: LA children's home about £3,000 a week"),
        ("other placements", "£600", "DfE written answer c. 2016/17: foster care about £600 a week"),
        ("staying put", "£300", "staying put allowances of £200 to £350 a week reported by councils"),
        ("other care leaver accommodation", "£0", "accommodation and support after 18 not costed"),
    ]

    static let providers: [PlacementGroup: [String]] = [
        .foster: ["in-house fostering", "agency fostering"], .adoption: ["placed for adoption"], .parents: ["placed with parents"],
        .childrensHome: ["children's homes"], .supported: ["supported accommodation"], .otherResidential: ["other residential"],
        .other: ["other placements"],
    ]

    let c: PublishedCalibration
    let options: Options
    var lines: [String] = []

    public static func render(_ calibration: PublishedCalibration, options: Options, sources: [String]) -> String {
        var w = PublishedScenarioWriter(c: calibration, options: options)
        w.header(sources: sources)
        w.placements()
        w.population()
        w.entries()
        w.exits()
        w.variability()
        w.writeCareLeavers()
        w.line("inflation: 3%", "DEFAULT, not in the published tables: general uplift each April")
        return w.lines.joined(separator: "\n") + "\n"
    }

    mutating func line(_ text: String, _ comment: String? = nil) {
        guard let comment else { lines.append(text); return }
        let padded = text.count < 48 ? text.padding(toLength: 48, withPad: " ", startingAt: 0) : text + "  "
        lines.append(padded + "# " + comment)
    }

    static func number(_ v: Double, _ decimals: Int = 1) -> String {
        let s = String(format: "%.\(decimals)f", v)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }

    var windowText: String {
        c.window.count == 1 ? "the year to 31 March \(c.window[0])"
            : "the \(c.window.count) years to 31 March \(c.window.last!) (\(c.window.first! - 1)/\(String(c.window.first!).suffix(2)) to \(c.window.last! - 1)/\(String(c.window.last!).suffix(2)))"
    }

    mutating func header(sources: [String]) {
        let total = Int(c.population.flatMap { $0 }.reduce(0, +).rounded())
        line("# \(c.council.name) (\(c.council.code)), calibrated from the DfE's published tables by 'sufficiency calibrate'.")
        line("# Source: 'Children looked after in England including adoptions', Explore Education Statistics;")
        line("# Contains public sector information licensed under the Open Government Licence v3.0.")
        line("# Tables read: \(sources.joined(separator: ", ")).")
        line("# Children in care on 31 March \(c.asOfYear); rates over \(windowText).")
        line("# Estimated rates are {events, years}: each replication draws the rate from that evidence.")
        line("# A mix of placements with 'observed: N' was counted from N children or moves: each replication")
        line("# draws its own shares from that count, so a small council's shares carry more uncertainty.")
        line("# Method and assumptions: docs/published-tables.md. Figures marked DEFAULT are not in the")
        line("# tables: replace them with your council's own.")
        for note in c.notes { line("# note: \(note)") }
        if let u = c.uasc { line("# unaccompanied asylum-seeking children in care on 31 March \(c.asOfYear): \(Int(u)) (in the totals below, not a stream of their own)") }
        line("name: \(c.council.name) from published figures")
        line("description: |")
        line("  \(c.council.name)'s \(total) children in care on 31 March \(c.asOfYear) and its flows over \(windowText),")
        line("  from the DfE's published tables. Costs and in-house capacity are defaults to replace.")
        line("")
        line("start: \(c.asOfYear)-04-01", "the day after the snapshot")
        line("horizon: \(options.horizonYears) years")
        line("replications: \(options.replications)")
        line("seed: \(options.seed)")
        line("")
    }

    mutating func placements() {
        let moveRate = rate(c.moves, c.childYears)
        let movesComment = "new placements less starts over \(windowText): \(Self.number(c.moves)) moves in \(Self.number(c.childYears)) child-years (mean of 31 March stocks)"
        line("placements:")
        for group in PlacementGroup.allCases {
            line("  \(group.name):")
            line("    providers:")
            for provider in Self.providers[group]! {
                line("      - name: \(provider)")
                if provider == "in-house fostering" {
                    line("        in_house: true")
                    let inHouse = populationRows.first { $0.provider == provider }?.counts.reduce(0, +) ?? 0
                    line("        capacity: \(inHouse)", "DEFAULT: the foster placements with own provision on 31 March \(c.asOfYear) (min of foster and own provision), so in-house starts full; give your approved places")
                }
                let cost = Self.costs.first { $0.provider == provider }!
                line("        weekly_cost: \(cost.pounds)", "\(Self.defaultCost) (\(cost.source))")
                line("        local: \(Self.number(c.localShare * 100))%", "placed 20 miles or less from home, of those with a distance recorded, 31 March \(c.asOfYear)")
            }
            line("    moves:")
            if group == .adoption {
                line("      rate: 0", "not in the tables: a placement for adoption is taken to end in adoption (disruptions not modelled)")
                line("      to: {foster care: 100%}")
                continue
            }
            line("      rate: \(moveRate)", movesComment)
            line("      to_by_age:", "moves go where they keep each placement's children (leaving, growing older, first placements: docs/published-tables.md), and to adoption as many as are adopted; observed: the window's moves by children of the age, so each replication draws its own shares")
            for g in AgeGroup.allCases { line("        \(g.band): \(mix(c.moveMix[g.rawValue], observed: c.moveObserved[g.rawValue]))") }
        }
        if let leavers = careLeavers {
            for name in ["staying put", "other care leaver accommodation"] {
                let cost = Self.costs.first { $0.provider == name }!
                line("  \(name):")
                line("    serves: care leavers")
                line("    providers:")
                line("      - name: \(name)")
                line("        weekly_cost: \(cost.pounds)", "\(Self.defaultCost) (\(cost.source))")
                if name == "staying put", leavers.leavingStayingPut > 0 {
                    line("    moves:")
                    line("      rate: \(Self.number(leavers.leavingStayingPut, 3))", "staying put falls from \(Self.number(100 * leavers.stayingPutShare))% at 18 to the share at 19 to 20: ln(ratio)/1.5 a year")
                    line("      to: {other care leaver accommodation: 100%}")
                }
            }
        }
        line("")
    }

    /// The care leavers written, when asked for and in the tables.
    var careLeavers: PublishedCalibration.CareLeavers? { options.includeCareLeavers ? c.careLeavers : nil }

    mutating func writeCareLeavers() {
        guard let leavers = careLeavers else { return }
        line("care_leavers:", "to 21 (support to 25 on request is not in the tables)")
        line("  pathway:")
        line("    foster care: \(ScenarioText.mix([("staying put", leavers.stayingPutShare), ("other care leaver accommodation", 1 - leavers.stayingPutShare)]))",
             "aged 18 living with former foster carers, of those who ceased in foster care at 18, over \(windowText)")
        line("    all: {other care leaver accommodation: 100%}")
        line("  support_to_25: 0%", "DEFAULT: give the share who keep support to 25")
        line("")
    }

    /// The shares, and how many children or moves they were estimated from (left out below one).
    func mix(_ shares: [Double], observed: Double? = nil) -> String {
        let text = ScenarioText.mix(PlacementGroup.allCases.map { ($0.name, shares[$0.rawValue]) })
        guard let observed, observed >= 1 else { return text }
        return text.dropLast() + ", observed: \(Int(observed.rounded()))}"
    }

    func rate(_ events: Double, _ years: Double) -> String {
        guard years > 0, events > 0 else { return "0" }
        return "{events: \(Self.number(events)), years: \(Self.number(years, 3))}"
    }

    /// Children on the as-of date by provider and age group, in whole children: the fitted table
    /// rounded cell by cell so that the total is kept (foster care split in-house and agency).
    var populationRows: [(provider: String, counts: [Int])] {
        let foster = c.population[PlacementGroup.foster.rawValue]
        let fosterTotal = foster.reduce(0, +)
        let inHouseShare = fosterTotal > 0 ? min(1, c.inHouseFoster / fosterTotal) : 0
        var rows: [(String, [Double])] = [
            ("in-house fostering", foster.map { $0 * inHouseShare }), ("agency fostering", foster.map { $0 * (1 - inHouseShare) }),
        ]
        for group in PlacementGroup.allCases where group != .foster { rows.append((Self.providers[group]![0], c.population[group.rawValue])) }
        let whole = ScenarioText.wholeNumbers(rows.flatMap(\.1))
        let width = AgeGroup.allCases.count
        return rows.enumerated().map { k, row in (row.0, Array(whole[(k * width)..<((k + 1) * width)])) }
    }

    mutating func population() {
        line("population:", "31 March \(c.asOfYear): placement by age fitted to the published margins (docs/published-tables.md)")
        if let kappa = c.populationObserved {
            line("  observed: \(Int(kappa.rounded()))", "the council's own spread not published: each replication spreads the children afresh, "
                 + "as if the shares were counted from this many (how far councils' starts and ceased by age group stray from England's)")
        }
        for (provider, counts) in populationRows where counts.contains(where: { $0 > 0 }) {
            let cells = AgeGroup.allCases.filter { counts[$0.rawValue] > 0 }.map { "\($0.band): \(counts[$0.rawValue])" }
            line("  \(provider): {\(cells.joined(separator: ", "))}")
        }
        if let leavers = careLeavers {
            if leavers.stayingPutNow > 0 {
                line("  staying put: {18 to 20: \(leavers.stayingPutNow)}", "staying put aged 18 and 19 to 20, 31 March \(c.asOfYear)")
            }
            if leavers.otherNow > 0 {
                line("  other care leaver accommodation: {18 to 20: \(leavers.otherNow)}",
                     "care leavers in touch: half of those aged 17 to 18 and two thirds of those 19 to 21, less staying put")
            }
        }
        line("")
        if c.agesWithinGroups.contains(where: { $0 != nil }) {
            line("population_ages:", "England, 31 March \(c.asOfYear): from the children moving up between age groups in the year (docs/published-tables.md)")
            for g in AgeGroup.allCases {
                guard let shares = c.agesWithinGroups[g.rawValue] else { continue }
                let first = [0, 1, 5, 10, 16][g.rawValue]
                let text = ScenarioText.mix(shares.enumerated().map { ("\(first + $0.offset)", $0.element) })
                line("  \(g.band): \(text)")
            }
            line("")
        }
    }

    mutating func entries() {
        let years = Double(c.window.count)
        line("entries:")
        line("  per_year:", "starts by age group over \(windowText)")
        for g in AgeGroup.allCases {
            line("    \(g.band): \(rate(c.starts[g.rawValue], years))", "\(Self.number(c.starts[g.rawValue] / years)) a year")
        }
        if c.atBirth > 0 {
            let points = Int((c.atBirth * 10_000).rounded())
            line("  ages:")
            line("    under 1: {at birth: \(ScenarioText.percent(basisPoints: points)), 0: \(ScenarioText.percent(basisPoints: 10_000 - points))}",
                 "England, 31 March \(c.asOfYear): share of starts under 1 at birth from stock/starts under 1 (docs/published-tables.md)")
        }
        line("  first_placement:", "where children of the age are placed on 31 March (not placed for adoption); observed: those children, so each replication draws its own shares")
        for g in AgeGroup.allCases {
            var shares = c.placementMix[g.rawValue]
            shares[PlacementGroup.adoption.rawValue] = 0
            if shares.reduce(0, +) <= 0 { shares[PlacementGroup.foster.rawValue] = 1 }
            line("    \(g.band): \(mix(shares, observed: c.placementObserved[g.rawValue]))")
        }
        line("")
    }

    mutating func exits() {
        line("exits:")
        line("  rates:", "ceased before 18 by reason x age (fitted to the two margins) over child-years by age; shrunk towards all councils (docs/published-tables.md)")
        for r in ExitReason.allCases {
            if r == .adoption {
                line("    adoption: {all: 0}", "children leave by adoption only once placed for adoption: see by_placement")
                continue
            }
            line("    \(r.name):")
            for g in AgeGroup.allCases {
                let e = c.exitEvents[r.rawValue][g.rawValue], x = c.exposure[g.rawValue]
                let prior = c.exitPriors[r.rawValue][g.rawValue]
                let events = e + prior.pseudoYears * prior.rate, years = x + prior.pseudoYears
                line("      \(g.band): \(rate(events, years))",
                     "own \(Self.number(e)) in \(Self.number(x)) child-years; prior \(String(format: "%.4f", prior.rate)) a year worth \(Self.number(prior.pseudoYears)) child-years")
            }
        }
        let a = c.adoption
        line("  by_placement:", "while placed for adoption a child leaves care only by adoption")
        line("    placed for adoption: {adoption: \(rate(a.events, a.years))}",
             "adoptions over \(windowText), \(Self.number(a.ownEvents)), in \(Self.number(a.ownYears)) child-years placed for adoption (mean of 31 March stocks); prior \(String(format: "%.3f", a.prior.rate)) a year worth \(Self.number(a.prior.pseudoYears)) child-years")
        line("  changes:")
        line("    - {from: \(c.asOfYear)-04-01, change: \(Self.number((c.flowBalance - 1) * 100, 2))%}",
             "flow balance: every exit rate scaled so that the first year's expected net flow is \(Self.number(c.expectedNetFlow * 100, 2))% of the children in care (docs/published-tables.md)")
        line("  # ceased at 18 or over in the window: \(Self.number(c.ceasedAt18)) (the model ends care at the 18th birthday)")
        if let sp = c.stayingPut, careLeavers == nil {
            line("  # care leavers aged 18 staying put: \(Int(sp.staying)) of \(Int(sp.leavers)) who ceased in foster care (\(Self.number(100 * sp.staying / sp.leavers))%)")
        }
        line("")
    }

    mutating func variability() {
        guard options.variability else { return }
        guard c.variabilityEstimated else {
            line("# variability: not estimated, the tables hold no two consecutive years to the as-of date; the intervals")
            line("# carry chance and the uncertainty of estimated rates only, and are too narrow beyond the first year")
            line("")
            return
        }
        line("variability:", "yearly drift in rates: a random walk on the log rate (docs/published-tables.md)")
        let whose = c.council.isAggregate ? "\(c.council.name)'s own" : "across councils, shrunk to the council's own"
        line("  entries: \(Self.number(c.entryVariability * 100, 2))%", "sd of the yearly change in log starts (\(whose)), less Poisson noise")
        line("  exits: \(Self.number(c.exitVariability * 100, 2))%", "the same for ceased per child-year, over the share of ceased that are exits before 18")
        line("  moves: \(Self.number(c.moveVariability * 100, 2))%", "the same for placement moves (new placements less starts) per child-year")
        let mixes = c.council.isAggregate ? "\(c.council.name)'s own" : "councils'"
        line("  placements: \(Self.number(c.placementVariability * 100, 2))%", c.placementVariability > 0
             ? "each placement type's share of placements drifts as \(mixes) mix of new placements by location does, less Poisson noise"
             : "\(mixes) mix of new placements by location moved no more than Poisson noise from year to year: no drift")
        line("  rates_averaged_over: \(c.window.count) year\(c.window.count == 1 ? "" : "s")", "the rates are means over the window: the first year's step is wider")
        line("")
    }
}
