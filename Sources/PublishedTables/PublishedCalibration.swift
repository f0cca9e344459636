import Foundation
import Reports

/// A council's scenario estimated from the published tables as of a 31 March: the numbers, each
/// with where it came from (see ``PublishedScenarioWriter`` for the text, and
/// docs/published-tables.md for the method).
public struct PublishedCalibration: Sendable {
    public var council: PublishedRelease.Council
    public var asOfYear: Int
    /// The reporting years whose flows the rates are estimated over (to 31 March of each).
    public var window: [Int]
    /// Children in care on the as-of date, by placement group then age group (fitted joint table).
    public var population: [[Double]]
    public var inHouseFoster: Double
    public var localShare: Double
    /// Starts over the window by age group.
    public var starts: [Double]
    /// Exits before 18 over the window by reason and age group (fitted from the two margins), the
    /// exposure in child-years by age group, and the prior each rate was shrunk towards.
    public var exitEvents: [[Double]]
    public var exposure: [Double]
    public var exitPriors: [[Estimation.Prior]]
    /// Ceased at 18 or over in the window (the model's 'turned 18').
    public var ceasedAt18: Double
    /// Placement moves over the window (new placements less starts) and the child-years behind them.
    public var moves: Double
    public var childYears: Double
    /// First placements by age group (where children of the age are placed): shares over placement groups.
    public var placementMix: [[Double]]
    /// Move destinations by age group: the same, but with placed for adoption at the share of moves
    /// that gives the council's adoptions (``PublishedCalibrator/movesToAdoption``).
    public var moveMix: [[Double]]
    /// What the mixes were estimated from, by age group: the children of the age in care on the
    /// as-of date (not placed for adoption), and the moves over the window by children of the age
    /// (the window's moves by the age shares of the children in care). Written as `observed`, so each
    /// replication draws its own mixes (``Mix/observed``). Where the council's placements are not
    /// published, how far its use of each type strays from England's is carried by the starting
    /// children's spread (``populationObserved``), whose draw the engine applies to the mixes too.
    public var placementObserved: [Double]
    public var moveObserved: [Double]
    /// When the children in care on the as-of date were spread over placements and age groups from
    /// England's shares (the council's own not published), how well those shares are known: as if
    /// counted from this many children (``PublishedCalibrator/compositionSpread``), written as
    /// `observed` in the population so that each replication spreads the children afresh. `nil`
    /// when the council's own are published.
    public var populationObserved: Double?
    /// Adoptions over the window and the child-years placed for adoption behind them, with the
    /// pool's evidence added (``Estimation/prior``): children placed for adoption leave care only
    /// by adoption, at this rate (`exits.by_placement`).
    public var adoption: (events: Double, years: Double, ownEvents: Double, ownYears: Double, prior: Estimation.Prior)
    /// The share of entries under 1 who enter at birth (England's figures).
    public var atBirth: Double
    /// Shares of each age group's children by year of age on the as-of date (England's, from the
    /// children moving up from one group to the next; `nil` where not estimated).
    public var agesWithinGroups: [[Double]?]
    /// Year-to-year variability: the standard deviation of the yearly step in the log entry and exit rates.
    public var entryVariability: Double
    public var exitVariability: Double
    /// The same for placement moves (new placements less starts) per child-year.
    public var moveVariability: Double
    /// The yearly step of each placement type's weight in placements (`variability: placements`),
    /// from how councils' mix of new placements by location drifts (``PublishedCalibrator/placementWalk``).
    public var placementVariability: Double
    /// Whether the history had consecutive years to estimate the variability from.
    public var variabilityEstimated: Bool
    /// The factor on every exit rate that makes the first year's expected net flow (starts less
    /// ceased) what the published history says to expect (``PublishedCalibrator/persistence``), and
    /// that net flow as a share of the children in care.
    public var flowBalance: Double
    public var expectedNetFlow: Double
    /// Care leavers aged 18 staying put, of those who ceased in foster care (window totals).
    public var stayingPut: (staying: Double, leavers: Double)?
    /// Care leavers on the as-of date, when the tables have them (see ``CareLeavers``).
    public var careLeavers: CareLeavers?

    /// Care leavers from the staying-put and accommodation tables.
    public struct CareLeavers: Sendable {
        /// Of those leaving foster care at 18, the share staying put (window totals at 18).
        public var stayingPutShare: Double
        /// Moves on from staying put per year: staying put falls from the share at 18 to the share at
        /// 19 to 20 (about 1½ years later), so the rate is ln(share at 18 / share at 19 to 20) / 1.5.
        public var leavingStayingPut: Double
        /// Aged 18 to 20 on the as-of date: staying put (aged 18, and 19 to 20), and the other care
        /// leavers in touch (half those aged 17 to 18 and two thirds of those aged 19 to 21, less staying put).
        public var stayingPutNow: Int
        public var otherNow: Int
    }
    public var uasc: Double?
    /// Where figures came from when the council's own were not published, and suppressed cells filled.
    public var notes: [String]
}

/// Calibrates councils from a release read up to the as-of year only (``PublishedRelease/read(_:lastYear:)``):
/// nothing published after the as-of date can reach a calibration.
public struct PublishedCalibrator: Sendable {
    public let release: PublishedRelease
    public let asOfYear: Int
    public let windowYears: Int
    let england: AreaFigures
    let figures: [String: AreaFigures]
    /// Pooled across councils: exit rates by reason and age group, and the variability of rates.
    let exitPriors: [[Estimation.Prior]]
    public let entryWalk: (sd: Double, pairs: Int)
    public let exitWalk: (sd: Double, pairs: Int)
    public let moveWalk: (sd: Double, pairs: Int)
    /// How far councils' mix of new placements by where they are made (inside or outside the
    /// council, within or beyond 20 miles) drifts from year to year (``Estimation/mixDriftSD``), and
    /// the pairs of years behind it: the only mix of placements made that councils publish every
    /// year, so each placement type's share of placements is taken to drift as much.
    public let placementWalk: (sd: Double, pairs: Int)
    /// Each year's net flow (starts less ceased) over the children in care at its end, pooled over
    /// councils, and how much of a council's own departure from it carries into the next year
    /// (see ``persistence(_:years:)``).
    public let pooledNetFlow: [Int: Double]
    public let persistence: (rho: Double, pairs: Int)
    /// Adoptions per child-year placed for adoption, pooled over councils.
    let adoptionPrior: Estimation.Prior
    /// How far councils' children in care by age group may stray from the shares a calibration
    /// gives them when their own are not published: the concentration κ of councils' starts and
    /// ceased by age group over the window around England's (``Estimation/concentration``), and the
    /// councils it was estimated from. A year's flows vary between councils more than their
    /// children in care do (a stock gathers several years of flows), so this errs wide: where the
    /// tables publish councils' own stock (2020 and 2021) it strays from England's shares by about
    /// κ = 50 by age group and 45 to 54 by placement, against κ = 29 to 33 from the flows.
    public let compositionSpread: (kappa: Double?, councils: Int)

    /// Councils' own standard deviations count as this many pairs of years against the pool's.
    static let poolWeight = 10.0
    /// A council's own drift is read from its last this many years (up to the as-of year).
    static let ownDriftYears = 5

    public init(release: PublishedRelease, asOfYear: Int, windowYears: Int = 3) throws(FileError) {
        guard release.latestYear <= asOfYear else {
            throw FileError(path: "the tables", "figures for \(release.latestYear) were read for a calibration as of \(asOfYear)")
        }
        try release.check(asOf: asOfYear)
        for (table, file) in [(PublishedRelease.Table.starts, "la_cla_who_started_to_be_looked_after.csv"), (.ceased, "la_children_who_ceased_during_year.csv")]
            where release.files[table] == nil {
            throw FileError(path: "the tables", "no table of \(table.rawValue): the DfE's '\(file)' is needed beside the other tables")
        }
        self.release = release
        self.asOfYear = asOfYear
        self.windowYears = windowYears
        england = AreaFigures(release, area: PublishedRelease.england)
        var all: [String: AreaFigures] = [:]
        for council in release.councils { all[council.code] = AreaFigures(release, area: council.code) }
        let councilsOnly = all
        for region in release.regions { all[region.code] = AreaFigures(release, area: region.code) }
        all[PublishedRelease.england] = england
        figures = all
        let window = Array((asOfYear - windowYears + 1)...asOfYear)
        // Exit rates pooled over councils with their own figures for the window.
        var events: [[[Double]]] = Array(repeating: Array(repeating: [], count: AgeGroup.allCases.count), count: ExitReason.allCases.count)
        var exposures = events
        var adoptions: [Double] = [], adoptionYears: [Double] = []
        for council in release.councils {
            guard let f = all[council.code], let raw = Self.rawExits(f, england: england, window: window, asOf: asOfYear) else { continue }
            if let years = Self.placedForAdoptionYears(f, window: window) {
                adoptions.append(raw.events[ExitReason.adoption.rawValue].reduce(0, +))
                adoptionYears.append(years)
            }
            for r in ExitReason.allCases.indices {
                for g in AgeGroup.allCases.indices {
                    events[r][g].append(raw.events[r][g])
                    exposures[r][g].append(raw.exposure[g])
                }
            }
        }
        exitPriors = ExitReason.allCases.indices.map { r in
            AgeGroup.allCases.indices.map { g in Estimation.prior(events: events[r][g], exposures: exposures[r][g], maxPseudoYears: 200) }
        }
        adoptionPrior = Estimation.prior(events: adoptions, exposures: adoptionYears, maxPseudoYears: 200)
        compositionSpread = Self.compositionSpread(release.councils.compactMap { all[$0.code] }, england: england, window: window)
        let years = (councilsOnly.values.flatMap { $0.stock.keys }).reduce(into: Set<Int>()) { $0.insert($1) }.sorted()
        entryWalk = Estimation.randomWalkSD(release.councils.compactMap { all[$0.code] }.map { f in
            years.compactMap { y in f.starts[y].map { ($0, 1.0) } }
        })
        let councilFigures = release.councils.compactMap { all[$0.code] }
        pooledNetFlow = Self.pooledNetFlow(councilFigures, years: years)
        persistence = Self.persistence(councilFigures, pooled: pooledNetFlow)
        moveWalk = Estimation.randomWalkSD(councilFigures.map { f in years.compactMap { y in Self.moves(f, y) } })
        placementWalk = Estimation.mixDriftSD(councilFigures.map { f in years.map { f.newPlacementsByLocation[$0] } })
        exitWalk = Estimation.randomWalkSD(release.councils.compactMap { all[$0.code] }.map { f in
            years.compactMap { y in
                guard let c = f.ceased[y], let exposure = Self.childYears(f, y) else { return nil }
                return (c, exposure)
            }
        })
    }

    /// Councils' starts and ceased before 18 by age group summed over the window (those with every
    /// year of it in the tables), around England's: see ``compositionSpread``.
    static func compositionSpread(_ councils: [AreaFigures], england: AreaFigures, window: [Int]) -> (kappa: Double?, councils: Int) {
        let window = window.filter { flowsByAge(england, $0) != nil }
        func summed(_ f: AreaFigures) -> [Double]? {
            let years = window.compactMap { flowsByAge(f, $0) }
            guard years.count == window.count, let first = years.first else { return nil }
            return first.indices.map { k in years.reduce(0) { $0 + $1[k] } }
        }
        guard let reference = summed(england) else { return (nil, 0) }
        let spread = Estimation.concentration(councils.compactMap(summed), around: reference)
        return (spread.kappa, spread.areas)
    }

    /// A council's net flow in the year to 31 March `y` as a share of its children in care then.
    static func netFlow(_ f: AreaFigures, _ y: Int) -> Double? {
        guard let s = f.starts[y], let c = f.ceased[y], let n = f.stock[y], n > 0 else { return nil }
        return (s - c) / n
    }

    static func pooledNetFlow(_ councils: [AreaFigures], years: [Int]) -> [Int: Double] {
        var pooled: [Int: Double] = [:]
        for y in years {
            var flow = 0.0, stock = 0.0
            for f in councils where netFlow(f, y) != nil {
                flow += f.starts[y]! - f.ceased[y]!
                stock += f.stock[y]!
            }
            if stock > 0 { pooled[y] = flow / stock }
        }
        return pooled
    }

    /// How far a council's departure from the pooled net flow carries into its next year: the
    /// slope ρ of next year's departure on this year's over every council and pair of consecutive
    /// years in the tables (a regression through the origin, kept within 0…1). In the tables to
    /// 2021 it is close to 0: a council whose starts ran ahead of its ceased one year is no more
    /// likely than another to grow the next. With no pair of years to estimate it from, ρ = 1 (the
    /// council's own flows are kept as they are).
    static func persistence(_ councils: [AreaFigures], pooled: [Int: Double]) -> (rho: Double, pairs: Int) {
        var sxy = 0.0, sxx = 0.0, n = 0
        for f in councils {
            for (y, m) in pooled {
                guard let a = netFlow(f, y), let b = netFlow(f, y + 1), let next = pooled[y + 1] else { continue }
                sxy += (a - m) * (b - next)
                sxx += (a - m) * (a - m)
                n += 1
            }
        }
        guard n > 0, sxx > 0 else { return (1, 0) }
        return (min(1, max(0, sxy / sxx)), n)
    }

    /// Child-years in care in the year to 31 March `y`: the mean of the stock at its two ends (or
    /// the stock at its end when the year before is not in the tables).
    static func childYears(_ f: AreaFigures, _ y: Int) -> Double? {
        guard let end = f.stock[y] else { return nil }
        return ((f.stock[y - 1] ?? end) + end) / 2
    }

    /// Child-years placed for adoption over the window's years with exits by reason (as ``rawExits``
    /// counts them): the mean of the 31 March stocks placed for adoption published from the year
    /// before the window to its end (councils' placements are published from 2020 only), times
    /// those years; `fallback` children a year when none is published.
    static func placedForAdoptionYears(_ f: AreaFigures, window: [Int], fallback: Double? = nil) -> Double? {
        let a = PlacementGroup.adoption.rawValue
        let years = window.filter { f.ceasedByReason[$0] != nil && f.ceasedByAge[$0] != nil && f.stock[$0] != nil }
        guard let last = window.last, !years.isEmpty else { return nil }
        let stocks = ((window.first! - 1)...last).compactMap { f.stockByPlacement[$0]?[a] }
        guard let mean = stocks.isEmpty ? fallback : stocks.reduce(0, +) / Double(stocks.count) else { return nil }
        return mean * Double(years.count)
    }

    /// The share of moves going to placed for adoption in each age group: children placed for
    /// adoption leave only by adoption, so as many must be placed for adoption as are adopted. The
    /// adoptions a year (window mean) are shared over age groups as the children placed for
    /// adoption on the as-of date are, and each group's share of moves is that inflow over the
    /// moves its other children make (the move rate times them), at most 90%.
    static func movesToAdoption(adoptionsPerYear: Double, population: [[Double]], moveRate: Double) -> [Double] {
        let a = PlacementGroup.adoption.rawValue
        let placed = population[a], total = placed.reduce(0, +)
        return AgeGroup.allCases.indices.map { g in
            let others = population.indices.filter { $0 != a }.reduce(0.0) { $0 + population[$1][g] }
            guard total > 0, others > 0, moveRate > 0 else { return 0 }
            return min(0.9, adoptionsPerYear * placed[g] / total / (others * moveRate))
        }
    }

    /// Where moves go (other than to adoption), by age group, so that each placement keeps its
    /// children: in a year a placement's children of an age group leave it by moving (rate m), by
    /// leaving care (the group's exit rate x) and by growing into the next group (or turning 18: the
    /// share a of the group in its oldest year of age), and come in as first placements and from the
    /// group below; what is left to come in must come by moves:
    /// D = n·(m + x + a) − entries × first share − n(group below)·a(group below). Moves go to the
    /// placements in proportion to D (where it is positive). Where children are placed on 31 March
    /// says too little: a placement children leave quickly (supported accommodation, left at 18)
    /// needs more than its share of the moves to keep its children, and one they stay in needs fewer.
    /// Placed for adoption is left out (see ``movesToAdoption``): its share is 0 here.
    static func balancedMoves(population: [[Double]], entries: [Double], firstMix: [[Double]], exitRate: [Double],
                              moveRate m: Double, ageingOut: [Double]) -> [[Double]] {
        let groups = entries.count, adoption = PlacementGroup.adoption.rawValue
        return (0..<groups).map { g in
            let needed = population.indices.map { p -> Double in
                guard p != adoption else { return 0 }
                let n = population[p][g]
                let below = g > 0 ? population[p][g - 1] * ageingOut[g - 1] : 0
                return max(0, n * (m + exitRate[g] + ageingOut[g]) - entries[g] * firstMix[g][p] - below)
            }
            let total = needed.reduce(0, +)
            if total > 0 { return needed.map { $0 / total } }
            var stock = population.map { $0[g] }
            stock[adoption] = 0
            let sum = stock.reduce(0, +)
            return sum > 0 ? stock.map { $0 / sum } : firstMix[g]
        }
    }

    /// Age shares of the stock on 31 March `y`: the council's own if published, else England's.
    static func ageShares(_ f: AreaFigures, england: AreaFigures, _ y: Int) -> (shares: [Double], own: Bool)? {
        if let own = f.stockByAge[y], own.reduce(0, +) > 0 { return (normalised(own), true) }
        guard let e = england.stockByAge[y], e.reduce(0, +) > 0 else { return nil }
        // Not published for the council (before 2020): England's shares, tilted by the square root of
        // how the council's starts and ceased of the year spread over the age groups against
        // England's. Checked where councils' stock by age is published: the mean total variation
        // distance from the published shares is 0.074 against 0.086 for England's shares (2020) and
        // 0.071 against 0.078 (2021); the full ratio (power 1) does worse than England's (0.096, 0.098).
        guard let flows = flowsByAge(f, y), let englandFlows = flowsByAge(england, y) else { return (normalised(e), false) }
        let a = normalised(flows), b = normalised(englandFlows)
        return (normalised(e.indices.map { b[$0] > 0 ? e[$0] * (a[$0] / b[$0]).squareRoot() : e[$0] }), false)
    }

    /// Starts and ceased before 18 in the year to 31 March `y`, by age group.
    static func flowsByAge(_ f: AreaFigures, _ y: Int) -> [Double]? {
        guard let starts = f.startsByAge[y], let ceased = f.ceasedByAge[y] else { return nil }
        var flows = starts
        for a in CeasedAge.allCases { if let g = a.group { flows[g.rawValue] += ceased[a.rawValue] } }
        return flows.reduce(0, +) > 0 ? flows : nil
    }

    static func normalised(_ v: [Double]) -> [Double] {
        let total = v.reduce(0, +)
        return total > 0 ? v.map { $0 / total } : v
    }

    /// A council's exits before 18 over the window by reason and age group (the joint table fitted
    /// to the two published margins), the exposure by age group, and those ceasing at 18 or over.
    static func rawExits(_ f: AreaFigures, england: AreaFigures, window: [Int], asOf: Int)
        -> (events: [[Double]], exposure: [Double], at18: Double)?
    {
        let years = window.filter { f.ceasedByReason[$0] != nil && f.ceasedByAge[$0] != nil && f.stock[$0] != nil }
        guard !years.isEmpty, let shares = ageShares(f, england: england, asOf)?.shares else { return nil }
        var byReason = Array(repeating: 0.0, count: ExitReason.allCases.count)
        var byAge = Array(repeating: 0.0, count: CeasedAge.allCases.count)
        var childYears = 0.0
        for y in years {
            for (k, v) in f.ceasedByReason[y]!.enumerated() { byReason[k] += v }
            for (k, v) in f.ceasedByAge[y]!.enumerated() { byAge[k] += v }
            childYears += Self.childYears(f, y) ?? 0
        }
        let joint = Estimation.fit(prior: ExitReason.allCases.map(\.agePrior), rows: byReason, columns: byAge)
        var events = Array(repeating: Array(repeating: 0.0, count: AgeGroup.allCases.count), count: ExitReason.allCases.count)
        for r in ExitReason.allCases.indices {
            for a in CeasedAge.allCases { if let g = a.group { events[r][g.rawValue] += joint[r][a.rawValue] } }
        }
        let total = byAge.reduce(0, +)
        let at18 = total > 0 ? byAge[CeasedAge.eighteenPlus.rawValue] * byReason.reduce(0, +) / total : 0
        return (events, shares.map { $0 * childYears }, at18)
    }

    /// The calibration of one council.
    public func calibrate(_ council: PublishedRelease.Council) throws(FileError) -> PublishedCalibration {
        guard let f = figures[council.code] else { throw FileError(path: "the tables", "no figures for \(council.name)") }
        let y = asOfYear
        guard let n = f.stock[y], n > 0 else {
            throw FileError(path: release.files[.totals] ?? "the tables",
                            "\(council.name) (\(council.code)) has no published number of children looked after at 31 March \(y): it cannot be calibrated as of that date (the council may have been reorganised, or its figures suppressed)")
        }
        var notes: [String] = []
        let window = Array((y - windowYears + 1)...y).filter { f.starts[$0] != nil && f.ceased[$0] != nil && f.stock[$0] != nil }
        guard !window.isEmpty else {
            throw FileError(path: release.files[.totals] ?? "the tables", "\(council.name) has no starts and ceased published for the year to 31 March \(y)")
        }
        if window.count < windowYears {
            let years = window.map { "\($0 - 1)/\(String($0).suffix(2))" }.joined(separator: ", ")
            notes.append("rates over \(window.count) \(window.count == 1 ? "year" : "years") (\(years)): the tables hold no earlier year for this council")
        }
        // Children in care on the as-of date: margins by age and by placement, then the joint table.
        guard let ages = Self.ageShares(f, england: england, y) else {
            throw FileError(path: "the tables", "no stock by age group for \(council.name) or England at 31 March \(y)")
        }
        if !ages.own { notes.append("children in care by age group at 31 March \(y) not published for this council: England's age shares, tilted by the council's starts and ceased by age against England's, used (the council's total, \(Int(n)))") }
        var placements: [Double]
        if let own = f.stockByPlacement[y], own.reduce(0, +) > 0 {
            placements = Self.normalised(own)
        } else if let e = england.stockByPlacement[y] {
            placements = Self.normalised(e)
            notes.append("children in care by placement at 31 March \(y) not published for this council: England's placement shares used")
        } else {
            throw FileError(path: "the tables", "no stock by placement for \(council.name) or England at 31 March \(y)")
        }
        placements = placements.map { $0 * n }
        let ownPlacements = f.stockByPlacement[y].map { $0.reduce(0, +) > 0 } ?? false
        // An area made of councils strays from England's shares less than one council does: how
        // much less is not estimated, so its estimated spread is not drawn.
        let populationObserved = ages.own && ownPlacements || council.isAggregate ? nil : compositionSpread.kappa
        if council.isAggregate && !(ages.own && ownPlacements) {
            notes.append("children in care by age group and placement estimated, not published, and taken as written: how far an area made of councils strays from England's shares is not estimated")
        }
        if let kappa = populationObserved {
            notes.append("children in care by age group and placement estimated, not published: each replication spreads the \(Int(n)) children afresh, "
                         + "as if the shares were counted from \(Int(kappa.rounded())) children (how far councils' starts and ceased by age stray from England's)")
        }
        let population = Estimation.fit(prior: PlacementGroup.allCases.map(\.agePrior), rows: placements, columns: ages.shares.map { $0 * n })
        let englandMix = englandPlacementMix()
        let placementMix = AgeGroup.allCases.indices.map { g -> [Double] in
            let column = population.map { $0[g] }
            return column.reduce(0, +) >= 1 ? Self.normalised(column) : englandMix[g]
        }

        let own = f.ownProvision[y] ?? england.ownProvision[y].flatMap { e in england.stock[y].map { e / $0 * n } } ?? 0
        if f.ownProvision[y] == nil {
            notes.append(england.ownProvision[y] == nil
                ? "own provision not published for this council or England at 31 March \(y): every foster placement is written as agency fostering (no in-house places); give your own split"
                : "own provision not published for this council at 31 March \(y): England's share used for in-house fostering")
        }
        let foster = placements[PlacementGroup.foster.rawValue]
        let inHouse = min(foster, own)
        let near = f.within20[y] ?? england.within20[y] ?? 1, far = f.beyond20[y] ?? england.beyond20[y] ?? 0
        if f.within20[y] == nil {
            notes.append(england.within20[y] == nil
                ? "distance from home not published for this council or England at 31 March \(y): every placement written as local; give your own share"
                : "distance from home not published for this council at 31 March \(y): England's share within 20 miles used")
        }

        var starts = Array(repeating: 0.0, count: AgeGroup.allCases.count)
        for wy in window {
            if let byAge = f.startsByAge[wy] {
                for (k, v) in byAge.enumerated() { starts[k] += v }
            } else if let total = f.starts[wy], let e = england.startsByAge[wy] {
                for (k, v) in Self.normalised(e).enumerated() { starts[k] += v * total }
                notes.append("starts by age group for \(wy) not published for this council: England's age shares of starts used")
            } else {
                throw FileError(path: release.files[.starts] ?? "the tables",
                                "no starts by age group for \(council.name) or England in the year to 31 March \(wy): the DfE's "
                                + "'la_cla_who_started_to_be_looked_after.csv' is needed beside the other tables")
            }
        }
        guard let exits = Self.rawExits(f, england: england, window: window, asOf: y) else {
            throw FileError(path: release.files[.ceased] ?? "the tables", "no ceased by reason and age for \(council.name) in \(window.map(String.init).joined(separator: ", "))")
        }
        var moves = 0.0, childYears = 0.0
        for wy in window {
            let years = Self.childYears(f, wy) ?? n
            if let placementsInYear = f.newPlacements[wy], let s = f.starts[wy] {
                moves += max(0, placementsInYear - s)
            } else if let e = england.newPlacements[wy], let es = england.starts[wy], let ey = Self.childYears(england, wy) {
                moves += max(0, e - es) / ey * years
                notes.append("new placements for \(wy) not published for this council: England's move rate used")
            } else {
                notes.append("no new placements for \(wy) in the tables (is 'la_cla_during_year_new_placements.csv' missing?): "
                             + "no placement moves counted for that year")
            }
            childYears += years
        }
        let adoptionIndex = ExitReason.adoption.rawValue
        let ownAdoptions = exits.events[adoptionIndex].reduce(0, +)
        let ownAdoptionYears = Self.placedForAdoptionYears(f, window: window,
                                                           fallback: population[PlacementGroup.adoption.rawValue].reduce(0, +)) ?? 0
        let adoption = (events: ownAdoptions + adoptionPrior.pseudoYears * adoptionPrior.rate,
                        years: ownAdoptionYears + adoptionPrior.pseudoYears,
                        ownEvents: ownAdoptions, ownYears: ownAdoptionYears, prior: adoptionPrior)
        let toAdoption = Self.movesToAdoption(adoptionsPerYear: ownAdoptions / Double(window.count), population: population,
                                              moveRate: childYears > 0 ? moves / childYears : 0)
        let agesWithin = englandAgesWithinGroups()
        let firstMix = placementMix.map { mix -> [Double] in
            var shares = mix
            shares[PlacementGroup.adoption.rawValue] = 0
            return shares.reduce(0, +) > 0 ? Self.normalised(shares) : mix
        }
        let balanced = Self.balancedMoves(
            population: population, entries: starts.map { $0 / Double(window.count) }, firstMix: firstMix,
            exitRate: AgeGroup.allCases.indices.map { exitRate(exits, band: $0, except: .adoption) },
            moveRate: childYears > 0 ? moves / childYears : 0,
            ageingOut: AgeGroup.allCases.map { g in agesWithin[g.rawValue]?.last ?? 1 / g.years })
        let moveMix = balanced.enumerated().map { g, mix -> [Double] in
            var shares = mix.map { $0 * (1 - toAdoption[g]) }
            shares[PlacementGroup.adoption.rawValue] = toAdoption[g]
            return shares
        }
        let atBirth = england.stockByAge[y].flatMap { s in
            england.startsByAge[y].flatMap { st in
                england.ceasedByAge[y].flatMap { c in Estimation.atBirthShare(stockUnder1: s[0], startsUnder1: st[0], ceasedUnder1: c[0]) }
            }
        } ?? 0
        var stayingPut: (Double, Double)?
        let leavers = window.compactMap { f.fosterLeavers18[$0] }.reduce(0, +)
        if leavers > 0 { stayingPut = (window.compactMap { f.stayingPut18[$0] }.reduce(0, +), leavers) }
        var careLeavers: PublishedCalibration.CareLeavers?
        if let (staying, leaving) = stayingPut, let young = f.careLeavers17to18[y], let older = f.careLeavers19to21[y] {
            let olderLeavers = window.compactMap { f.fosterLeavers19to20[$0] }.reduce(0, +)
            let olderStaying = window.compactMap { f.stayingPut19to20[$0] }.reduce(0, +)
            let share18 = staying / leaving, share19 = olderLeavers > 0 ? olderStaying / olderLeavers : share18
            let now = (f.stayingPut18[y] ?? 0) + (f.stayingPut19to20[y] ?? 0)
            careLeavers = .init(
                stayingPutShare: min(1, share18),
                leavingStayingPut: share19 > 0 && share18 > share19 ? log(share18 / share19) / 1.5 : 0,
                stayingPutNow: Int(now.rounded()), otherNow: max(0, Int((young / 2 + older * 2 / 3 - now).rounded())))
        } else {
            notes.append("care leavers' staying put or accommodation not in the tables for 31 March \(y): no care leavers section")
        }

        // Flow balance: the net flow expected in the first year is the pooled one plus ρ times the
        // council's own departure from it (both over the window); every exit rate is scaled so that
        // the expected ceased give it.
        let pooled = window.compactMap { pooledNetFlow[$0] }
        let pooledMean = pooled.isEmpty ? 0 : pooled.reduce(0, +) / Double(pooled.count)
        let departures = window.compactMap { wy in Self.netFlow(f, wy).flatMap { a in pooledNetFlow[wy].map { a - $0 } } }
        let departure = departures.isEmpty ? 0 : departures.reduce(0, +) / Double(departures.count)
        let netFlow = pooledMean + persistence.rho * departure
        // 18th birthdays in the first year: children aged 16 to 17 are spread evenly over the two
        // years of age, so half are 17 and turn 18 at a time spread over the year; of those entering
        // at 16 to 17 (evenly over the ages and the year) a quarter turn 18 within it; and of each,
        // A = (1 − e^(−x))/x are still in care then on average (x: the 16–17 exit rate).
        let stock16 = population.reduce(0) { $0 + $1[AgeGroup.sixteenPlus.rawValue] }
        let a16 = Self.stillInCare(exitRate(exits, band: AgeGroup.sixteenPlus.rawValue, except: .adoption))
        let birthdays = (stock16 / 2 + starts[AgeGroup.sixteenPlus.rawValue] / Double(window.count) / 4) * a16
        // Adoptions come from those placed for adoption, at their own rate; the rest from every child.
        let placedForAdoption = population[PlacementGroup.adoption.rawValue].reduce(0, +)
        let exitsBefore18 = AgeGroup.allCases.indices.reduce(0.0) { sum, g in
            sum + exitRate(exits, band: g, except: .adoption) * population.reduce(0) { $0 + $1[g] }
        } + (adoption.years > 0 ? adoption.events / adoption.years * placedForAdoption : 0)
        let targetCeased = starts.reduce(0, +) / Double(window.count) - n * netFlow
        let balance = exitsBefore18 > 0 ? min(5, max(0.2, (targetCeased - birthdays) / exitsBefore18)) : 1

        let driftYears = Array((y - Self.ownDriftYears + 1)...y)
        // Councils' drift is pooled; an area made of councils (England, a region) drifts less than
        // one council, as the councils' own swings partly cancel: it takes its own history alone.
        let shrink = council.isAggregate ? Self.own : Self.shrunk
        let ownEntries = Self.ownWalk(f, window: driftYears, entries: true)
        let entrySD = shrink(ownEntries, entryWalk.sd)
        let ceasedSD = shrink(Self.ownWalk(f, window: driftYears, entries: false), exitWalk.sd)
        let moveSD = shrink(Self.ownWalk(driftYears.compactMap { Self.moves(f, $0) }), moveWalk.sd)
        // One figure for every council (its own few pairs of years over four locations say little);
        // an area made of councils takes its own history, as for the rates.
        let ownPlacementWalk = Estimation.mixDriftSD([driftYears.map { f.newPlacementsByLocation[$0] }])
        let placementSD = council.isAggregate && ownPlacementWalk.pairs > 0 ? ownPlacementWalk.sd : placementWalk.sd
        if council.isAggregate {
            let pairs = ownEntries.pairs
            notes.append(pairs > 0
                ? "year-to-year variability from \(council.name)'s own \(pairs) pair\(pairs == 1 ? "" : "s") of years, not pooled with councils' (whose own swings partly cancel in an area made of councils): a rough estimate from few years"
                : "no two consecutive years for \(council.name)'s own variability: councils' pooled variability used, which overstates an area made of councils")
        }
        return PublishedCalibration(
            council: council, asOfYear: y, window: window, population: population, inHouseFoster: inHouse,
            localShare: near + far > 0 ? near / (near + far) : 1, starts: starts, exitEvents: exits.events,
            exposure: exits.exposure, exitPriors: exitPriors, ceasedAt18: exits.at18, moves: moves, childYears: childYears,
            placementMix: placementMix, moveMix: moveMix,
            placementObserved: AgeGroup.allCases.indices.map { g in
                PlacementGroup.allCases.filter { $0 != .adoption }.reduce(0) { $0 + population[$1.rawValue][g] }
            },
            moveObserved: ages.shares.map { $0 * moves },
            populationObserved: populationObserved, adoption: adoption, atBirth: atBirth, agesWithinGroups: agesWithin,
            entryVariability: entrySD,
            // The walk moves the exits before 18, not the 18th birthdays: for all ceased to vary as the
            // published ceased do, the exits before 18 (a share b of all ceased) need 1/b times the sd.
            // (Taking out the birthdays' part, as drift carried by the entries of earlier years, was
            // tried: ceased then held 71% of actuals inside their 90% intervals as of 2020, not 79%.)
            exitVariability: ceasedSD / max(0.25, Self.shareBefore18(exits)),
            moveVariability: moveSD,
            placementVariability: placementSD,
            variabilityEstimated: entryWalk.pairs > 0 && exitWalk.pairs > 0,
            flowBalance: balance, expectedNetFlow: netFlow, stayingPut: stayingPut, careLeavers: careLeavers, uasc: f.uasc[y], notes: notes + f.filled.map { "suppressed cells filled: \($0)" })
    }

    /// Exits before 18 as a share of all ceased over the window.
    static func shareBefore18(_ exits: (events: [[Double]], exposure: [Double], at18: Double)) -> Double {
        let before = exits.events.flatMap { $0 }.reduce(0, +)
        return before + exits.at18 > 0 ? before / (before + exits.at18) : 1
    }

    /// The mean chance of still being in care at a time spread evenly over a year, leaving at rate x.
    static func stillInCare(_ x: Double) -> Double { x > 1e-9 ? (1 - exp(-x)) / x : 1 }

    /// The total exit rate before 18 of an age group, as written (own events and the prior's).
    func exitRate(_ exits: (events: [[Double]], exposure: [Double], at18: Double), band g: Int, except: ExitReason? = nil) -> Double {
        ExitReason.allCases.indices.filter { $0 != except?.rawValue }.reduce(0) { sum, r in
            let prior = exitPriors[r][g]
            let years = exits.exposure[g] + prior.pseudoYears
            return sum + (years > 0 ? (exits.events[r][g] + prior.pseudoYears * prior.rate) / years : 0)
        }
    }

    /// How England's children in care spread over the years of age within each age group on the
    /// as-of date, from the children who move up from one group to the next in the year to it.
    ///
    /// In a year, a group's children change by its starts, less its ceased, plus those moving up
    /// into it, less those moving up out of it; the 18th birthdays are the ceased at 18 or over. So,
    /// from the oldest group down, the children moving up out of each group are worked out from the
    /// published stocks at both ends of the year, starts and ceased. Those moving up are the
    /// group's oldest year of age on the day the year starts, still in care at their birthday
    /// (A = (1 − e^(−x))/x of them, x the group's exit rate): so the oldest year holds
    /// (moving up)/(A × the group's children) of the group. Within the group the shares are taken
    /// to rise or fall in a straight line to it (``Estimation/linearShares``). Published stock is
    /// far from even within groups: England's oldest year of 10 to 15 holds about a quarter of it,
    /// not a sixth.
    func englandAgesWithinGroups() -> [[Double]?] {
        let y = asOfYear
        var shares = [[Double]?](repeating: nil, count: AgeGroup.allCases.count)
        guard let now = england.stockByAge[y], let before = england.stockByAge[y - 1], let starts = england.startsByAge[y],
              let ceased = england.ceasedByAge[y] else { return shares }
        let ceasedByGroup = AgeGroup.allCases.map { g in CeasedAge.allCases.filter { $0.group == g }.reduce(0.0) { $0 + ceased[$1.rawValue] } }
        var movingUp = ceased[CeasedAge.eighteenPlus.rawValue]
        for g in AgeGroup.allCases.reversed() where g != .under1 {
            let k = g.rawValue
            let x = ceasedByGroup[k] / max(1, (now[k] + before[k]) / 2)
            // The 16 to 17s' own entrants also turn 18 within the year: a quarter of them (evenly over ages and the year).
            let entrants = g == .sixteenPlus ? starts[k] / 4 * Self.stillInCare(x) : 0
            shares[k] = Estimation.linearShares(years: Int(g.years), oldest: (movingUp - entrants) / (Self.stillInCare(x) * before[k]))
            movingUp = now[k] - before[k] - starts[k] + ceasedByGroup[k] + movingUp
        }
        return shares
    }

    /// England's placement mix within each age group (the same fit on England's margins), for a
    /// council with no children in an age group.
    func englandPlacementMix() -> [[Double]] {
        let y = asOfYear
        guard let p = england.stockByPlacement[y], let a = england.stockByAge[y] else {
            return Array(repeating: [1] + Array(repeating: 0, count: PlacementGroup.allCases.count - 1), count: AgeGroup.allCases.count)
        }
        let joint = Estimation.fit(prior: PlacementGroup.allCases.map(\.agePrior), rows: p, columns: a)
        return AgeGroup.allCases.indices.map { g in Self.normalised(joint.map { $0[g] }) }
    }

    /// A council's own sum of squared yearly log changes less the Poisson part, and its pairs.
    static func ownWalk(_ f: AreaFigures, window: [Int], entries: Bool) -> (sumSquares: Double, pairs: Int) {
        ownWalk(window.compactMap { y in
            if entries { return f.starts[y].map { ($0, 1) } }
            guard let c = f.ceased[y], let x = childYears(f, y) else { return nil }
            return (c, x)
        })
    }

    /// A council's placement moves in the year to 31 March `y` (new placements less starts) and the
    /// child-years behind them, where its new placements are published.
    static func moves(_ f: AreaFigures, _ y: Int) -> (Double, Double)? {
        guard let placements = f.newPlacements[y], let s = f.starts[y], let x = childYears(f, y) else { return nil }
        return (max(0, placements - s), x)
    }

    /// The sum of squared yearly changes in the log rate, less Poisson noise, over consecutive
    /// years of (events, exposure), and the number of pairs.
    static func ownWalk(_ series: [(Double, Double)]) -> (sumSquares: Double, pairs: Int) {
        var sum = 0.0, n = 0
        // As for the pool: a year of under 20 events says more about chance than about drift.
        for (a, b) in zip(series, series.dropFirst()) where a.0 >= 20 && b.0 >= 20 {
            let d = log(b.0 / b.1) - log(a.0 / a.1)
            sum += d * d - 1 / a.0 - 1 / b.0
            n += 1
        }
        return (sum, n)
    }

    /// An area's own variance alone (the pool's when it has no pair of years).
    static func own(_ own: (sumSquares: Double, pairs: Int), pool: Double) -> Double {
        own.pairs > 0 ? max(0, own.sumSquares / Double(own.pairs)).squareRoot() : pool
    }

    /// The pool's variance, shrunk towards the council's own by their numbers of pairs of years.
    static func shrunk(own: (sumSquares: Double, pairs: Int), pool: Double) -> Double {
        let variance = (own.sumSquares + poolWeight * pool * pool) / (Double(own.pairs) + poolWeight)
        return max(0, variance).squareRoot()
    }
}
