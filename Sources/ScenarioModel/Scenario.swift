/// A validated scenario: everything the simulator needs, in the domain's words, with names
/// resolved to indices. Built only by ``ScenarioReader`` (from a file) so it is always valid.
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    /// The first day simulated (the population is as at the start of this day).
    public var start: Day
    /// How many whole months are simulated.
    public var months: Int
    public var replications: Int
    public var seed: UInt64
    /// Children's age bands, youngest first, covering ages 0–17; then care leavers' bands when modelled.
    public var ageBands: [AgeBand]
    /// Placement types in the DfE's words ("foster care"), each served by an ordered list of providers.
    public var placementTypes: [PlacementType]
    /// Children in care on the start date (the entries' own stream's, then each other stream's).
    public var population: [PopulationCell]
    /// When the starting children's spread over providers and age bands was estimated, not counted
    /// (`population: {observed: 30, …}`): the shares over the entries' own stream's children's cells
    /// are known only as well as if counted from this many children. Each replication then spreads
    /// the same number of children over those cells by Dirichlet(observed × share) and a multinomial
    /// draw; care leavers, families and other streams' children stay as given. `nil`: as given.
    public var populationObserved: Double? = nil
    public var entries: Entries
    public var exits: Exits
    /// Cost uplift applied to every weekly cost each 1 April after the start.
    public var inflation: Inflation
    /// Yearly drift in the share of entries and moves needing a placement type (for example residential).
    public var needTrends: [NeedTrend]
    public var parentAndChild: ParentAndChild?
    public var careLeavers: CareLeavers?
    public var budgets: [Budget]
    /// How each child band's starting population is spread over its years of age (`nil`: evenly).
    public var populationAges: [AgesWithinBand?] = []
    /// Year-to-year drift in entry and exit rates (none unless the scenario says).
    public var variability = Variability()
    /// Emergency beds a share of entries and moves go through first (none unless the scenario says).
    public var emergencyBeds: EmergencyBeds? = nil
    /// The council's children aged 0 to 17 (ONS mid-year estimate), for children in care per 10,000; `nil` when not given.
    public var childPopulation: Int? = nil

    /// The last day simulated.
    public var end: Day { start.adding(months: months) + -1 }

    /// Every provider, in the order of placement types and then preference; indices used everywhere.
    public var providers: [Provider] { placementTypes.flatMap(\.providers) }

    /// The financial years the horizon touches, first to last.
    public var financialYears: [FinancialYear] {
        (start.financialYear.startYear...end.financialYear.startYear).map(FinancialYear.init(startYear:))
    }

    /// Index of the first care-leaver band (18+), or `ageBands.count` when care leavers are not modelled.
    public var firstLeaverBand: Int { ageBands.firstIndex { $0.fromAge >= 18 } ?? ageBands.count }
}

/// An age band: ages `fromAge...toAge` in whole years (`under 1` is 0...0).
public struct AgeBand: Sendable, Equatable {
    public var name: String
    public var fromAge: Int
    public var toAge: Int
    public init(name: String, fromAge: Int, toAge: Int) {
        self.name = name
        self.fromAge = fromAge
        self.toAge = toAge
    }

    /// The DfE's bands for children looked after.
    public static let dfe: [AgeBand] = [
        AgeBand(name: "under 1", fromAge: 0, toAge: 0),
        AgeBand(name: "1 to 4", fromAge: 1, toAge: 4),
        AgeBand(name: "5 to 9", fromAge: 5, toAge: 9),
        AgeBand(name: "10 to 15", fromAge: 10, toAge: 15),
        AgeBand(name: "16 to 17", fromAge: 16, toAge: 17),
    ]
    /// Care leavers' bands: duties to 21, and to 25 on request.
    public static let careLeavers: [AgeBand] = [
        AgeBand(name: "18 to 20", fromAge: 18, toAge: 20),
        AgeBand(name: "21 to 24", fromAge: 21, toAge: 24),
    ]
}

/// Who a placement type serves.
public enum Population: String, Sendable, Equatable {
    case children = "children"
    case families = "parent and child"
    case careLeavers = "care leavers"
    /// Children for the few nights in an emergency bed before their next placement (see ``EmergencyBeds``).
    case emergency = "emergency"
}

/// A kind of placement ("foster care", "children's home"), served by providers in order of preference.
public struct PlacementType: Sendable {
    public var name: String
    public var serves: Population
    /// In order of preference: in-house first, then the external market. The last has no capacity limit.
    public var providers: [Provider]
    /// Placement moves per child per year while in this type.
    public var moveRate: Rate
    /// Where moves go: a mix over placement types, by age band (one mix per band).
    public var moveTo: [Mix]
    /// When an earlier (preferred) provider has a free place, a child placed with a later provider moves to it.
    public var stepDown: Bool
}

/// A provider of places of one type: an in-house service or an external market.
public struct Provider: Sendable {
    public var name: String
    public var inHouse: Bool
    /// Places at the start; `nil` for no limit (the external market).
    public var capacity: Int?
    /// Dated changes in places: a home opening (+4) or closing (−4).
    public var capacityChanges: [CapacityChange]
    /// In-house foster carers: households, recruitment and attrition, which set capacity over time.
    public var fosterCarers: FosterCarers?
    /// Pounds per child per week, at the start date's prices.
    public var weeklyCost: Double
    /// Yearly price rise above general inflation, applied each 1 April (external residential, for example).
    public var upliftAboveInflation: Double
    /// Share of placements that are local (inside the area or within 20 miles).
    public var localShare: Double
    /// Households approved for sibling groups, among this provider's (`nil`: none).
    public var siblings: SiblingHouseholds? = nil
    /// Whether the scenario gives `local` (otherwise `localShare` is the default, 100%, and
    /// nothing is known about where its children are placed).
    public var localStated: Bool = false
}

/// A provider's households approved for sibling groups, beyond its other places: each takes one group
/// of up to `places` children entering together (see ``Entries/siblingGroups``), and only a group.
public struct SiblingHouseholds: Sendable, Equatable {
    public var households: Int
    /// Children each household takes (2 or 3, typically).
    public var places: Int
    public init(households: Int, places: Int) {
        self.households = households
        self.places = places
    }
}

public struct CapacityChange: Sendable, Equatable {
    public var date: Day
    public var change: Int
}

/// In-house foster carers as a supply: households come and go, and each offers places.
public struct FosterCarers: Sendable, Equatable {
    public var households: Int
    public var recruitedPerYear: Double
    /// Share of households leaving each year.
    public var attritionPerYear: Double
    public var placesPerHousehold: Double
}

/// A count of children at the start, for one provider and age band.
public struct PopulationCell: Sendable, Equatable {
    public var provider: Int
    public var band: Int
    public var count: Int
    /// The stream of entries the children came in by (0: the entries' own; see ``EntryStream``).
    public var stream: Int = 0
    public init(provider: Int, band: Int, count: Int, stream: Int = 0) {
        self.provider = provider
        self.band = band
        self.count = count
        self.stream = stream
    }
}

/// A rate per year, known exactly or estimated from an event count over an exposure.
///
/// An estimated rate is drawn afresh for each replication from Gamma(events + ½, 1/exposure), the
/// posterior for a Poisson rate under the Jeffreys prior, so the forecast carries the uncertainty
/// in the rate itself (large for a small council).
public struct Rate: Sendable, Equatable {
    public var perYear: Double
    /// Events and exposure in years behind an estimated rate; `nil` when the rate is given as known.
    public var evidence: (events: Double, years: Double)?

    public init(perYear: Double) {
        self.perYear = perYear
        self.evidence = nil
    }

    public init(events: Double, years: Double) {
        self.perYear = events / years
        self.evidence = (events, years)
    }

    public static func == (a: Rate, b: Rate) -> Bool {
        a.perYear == b.perYear && a.evidence?.events == b.evidence?.events && a.evidence?.years == b.evidence?.years
    }
}

/// Shares over a list of named things (placement types, pathways) that sum to 1.
///
/// Shares estimated from counts carry how many were counted (`observed`): each replication then
/// draws its own shares from Dirichlet(observed × share) over the types with a share (on average
/// the shares given, each varying as a share counted from `observed` would), as an estimated rate
/// is drawn from its Gamma posterior.
public struct Mix: Sendable, Equatable {
    public var shares: [Double]
    /// The number of observations (children, moves) the shares were estimated from; `nil` when known exactly.
    public var observed: Double?
    public init(shares: [Double], observed: Double? = nil) {
        self.shares = shares
        self.observed = observed
    }
}

public struct Entries: Sendable {
    /// Children entering care per year, by age band.
    public var perYear: [Rate]
    /// Yearly compound growth in entries (2% = 0.02).
    public var trend: Double
    /// Dated step changes, for example −10% from 2026-04-01 when an edge-of-care service starts.
    public var changes: [StepChange]
    /// First-placement mix over placement types, by age band.
    public var firstPlacement: [Mix]
    /// How each band's entries are spread over its years of age (`nil`: evenly).
    public var ages: [AgesWithinBand?] = []
    /// Sizes of the sibling groups children enter in, by the age band of the eldest (empty: every
    /// child enters alone). Groups arrive at `perYear` ÷ the band's mean size, so children entering
    /// a year are still `perYear`.
    public var siblingGroups: [GroupSizes] = []
    /// The name of the children these entries describe in outputs when there are other streams.
    public var name = "children"
    /// Other streams of entries (unaccompanied asylum-seeking children, for example), each with its
    /// own rates, trend, changes, first placements and exit rates, reported apart and in the totals.
    public var streams: [EntryStream] = []
}

/// A stream of entries of its own: its children are counted in every total, and apart in
/// `flows.csv` (entries, and children in care on each 31 March).
public struct EntryStream: Sendable {
    public var name: String
    /// Children entering care per year by age band.
    public var perYear: [Rate]
    public var trend: Double
    public var changes: [StepChange]
    public var firstPlacement: [Mix]
    public var ages: [AgesWithinBand?]
    /// Exit rates `[reason][band]` over the scenario's exit reasons; `nil`: the scenario's own.
    public var exitRates: [[Rate]]?
    /// Care leavers' accommodation at 18 by the placement left (as ``CareLeavers/pathwayFrom``);
    /// `nil`: the scenario's.
    public var pathwayFrom: [Mix]? = nil
}

/// Shares of sibling groups by size: `shares[k]` is the share of groups of k + 1 children.
public struct GroupSizes: Sendable, Equatable {
    public var shares: [Double]
    public init(shares: [Double]) { self.shares = shares }
    /// The mean number of children in a group.
    public var mean: Double { shares.enumerated().reduce(0) { $0 + Double($1.offset + 1) * $1.element } }
}

/// Emergency beds: a share of children entering care, and of placement moves, spend a few nights in
/// an emergency bed before their next placement. The beds are the providers of one placement type
/// (serving `emergency`) in order of preference; its last provider, unlimited, is where children go
/// when the beds are full (an out-of-area or unregistered placement).
public struct EmergencyBeds: Sendable, Equatable {
    /// The placement type holding the beds.
    public var placementType: Int
    /// Share of entries that go to an emergency bed first.
    public var entryShare: Double
    /// Share of placement moves (breakdowns) that go to an emergency bed first.
    public var moveShare: Double
    /// How long a child stays in the emergency bed.
    public var stay: Distribution
    public init(placementType: Int, entryShare: Double, moveShare: Double, stay: Distribution) {
        self.placementType = placementType
        self.entryShare = entryShare
        self.moveShare = moveShare
        self.stay = stay
    }
}

/// How a band's children are spread over its whole years of age, and (for entries) the share
/// entering on the day they are born. Within a year of age, evenly.
public struct AgesWithinBand: Sendable, Equatable {
    /// Share of entries on the day of birth (0 for a starting population).
    public var atBirth: Double
    /// Share at each whole age of the band, youngest first; with `atBirth` they add up to 1.
    public var byAge: [Double]

    public init(atBirth: Double, byAge: [Double]) {
        self.atBirth = atBirth
        self.byAge = byAge
    }
}

/// Year-to-year drift in rates: in each replication the log of the entry rates (and, separately,
/// of the exit rates) takes a random walk, one normal step with this standard deviation at the
/// start of each financial year simulated, the first included; each step's mean is −variance/2, so
/// the rates' expected value stays as given. Zero switches it off.
///
/// Rates that are means over the last W years describe the middle of those years rather than
/// their end, and the rate may have drifted since: the first step's variance is then larger by
/// c = Σₖ₌₁^(W−1) (k/W)² = (W − 1)(2W − 1)/(6W) steps (the variance of a random walk's next value
/// about the mean of its last W values).
public struct Variability: Sendable, Equatable {
    public var entries: Double = 0
    public var exits: Double = 0
    /// Placement moves: one walk for every placement type's move rate.
    public var moves: Double = 0
    /// Placement mixes: each placement type's weight in the placements children are given (first
    /// placements, moves, parent-and-child placements) walks on its own, so a council's use of
    /// each kind of placement drifts from year to year.
    public var placements: Double = 0
    /// The years the rates are means over (1: the rates are the latest year's).
    public var averagedYears: Double = 1
    /// Years from the end of the rates' window (`rates_as_of`) to the start: the rates may have
    /// drifted for that long before the first year (0: the window ends at the start).
    public var yearsBeforeStart: Double = 0
    public init(entries: Double = 0, exits: Double = 0, moves: Double = 0, placements: Double = 0, averagedYears: Double = 1,
                yearsBeforeStart: Double = 0) {
        self.entries = entries
        self.exits = exits
        self.moves = moves
        self.placements = placements
        self.averagedYears = averagedYears
        self.yearsBeforeStart = yearsBeforeStart
    }
    /// The first step's variance in steps: 1 + (W − 1)(2W − 1)/(6W), plus the years from the end
    /// of the window to the start.
    public var firstStepVariance: Double {
        let w = max(1, averagedYears)
        return 1 + (w - 1) * (2 * w - 1) / (6 * w) + max(0, yearsBeforeStart)
    }
}

public struct StepChange: Sendable, Equatable {
    public var from: Day
    /// Multiplier on the rate from that day (−10% is 0.9).
    public var factor: Double
    /// Age bands affected; all when empty.
    public var bands: [Int]
}

public struct Exits: Sendable {
    /// Reasons for leaving care before 18, in the scenario's words ("returned home", "adoption").
    public var reasons: [String]
    /// Rates per child per year: `rates[reason][band]`, by the child's current age band.
    public var rates: [[Rate]]
    /// When set for a band, time in care for children entering in that band is drawn from this
    /// distribution instead of from the rates; the rates then only choose the reason.
    public var duration: [Distribution?]
    /// Yearly compound change in every exit rate (applied from each 1 April after the start).
    public var trend: Double = 0
    /// Dated step changes in exit rates, for example +20% special guardianship from a date.
    public var changes: [ExitChange] = []
    /// Exit rates by reason while a child is in a placement type, instead of its age band's
    /// (`byPlacement[type]`, `nil` for the types that use the bands' rates): a child placed for
    /// adoption leaves by adoption. Trend, dated changes and variability apply to them too.
    public var byPlacement: [[Rate]?] = []
}

/// A dated change in exit rates, for some reasons and age bands (all when empty).
public struct ExitChange: Sendable, Equatable {
    public var from: Day
    /// Multiplier on the rate from that day (+20% is 1.2).
    public var factor: Double
    public var bands: [Int]
    public var reasons: [Int]
}

/// A distribution of durations in days.
public struct Distribution: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case exponential, gamma, lognormal, weibull }
    public var kind: Kind
    public var meanDays: Double
    /// Gamma and Weibull shape k; lognormal σ. Ignored for exponential.
    public var shape: Double

    public init(kind: Kind, meanDays: Double, shape: Double) {
        self.kind = kind
        self.meanDays = meanDays
        self.shape = shape
    }
}

public enum Inflation: Sendable, Equatable {
    /// The same uplift each year.
    case yearly(Double)
    /// Uplift by financial year; years not listed use `otherwise`.
    case byYear([FinancialYear: Double], otherwise: Double)

    /// The uplift applied on 1 April at the start of `year`.
    public func uplift(for year: FinancialYear) -> Double {
        switch self {
        case .yearly(let rate): return rate
        case .byYear(let table, let otherwise): return table[year] ?? otherwise
        }
    }
}

public struct NeedTrend: Sendable, Equatable {
    public var placementType: Int
    /// Yearly compound change in the share needing this type (others rescale to keep the sum 1).
    public var perYear: Double
}

/// Parent-and-child assessments: a family placed together, typically about 12 weeks.
public struct ParentAndChild: Sendable {
    public var perYear: Rate
    public var trend: Double
    public var duration: Distribution
    /// Mix over the placement types serving families.
    public var placement: Mix
    /// Share of assessments at whose end the baby enters care (an entry aged under 1).
    public var babyEntersCare: Double
}

/// Care leavers from 18: accommodation by pathway, moves between them, support to 21 or 25.
public struct CareLeavers: Sendable {
    /// Pathway at 18 over care-leaver placement types, by the placement type left (one mix per type).
    public var pathwayFrom: [Mix]
    /// Share who keep support to 25; the rest leave the model at 21.
    public var supportTo25: Double
    /// Care-leaver placement types (indices) whose accommodation counts as unsuitable, for the
    /// measure `care leavers in suitable accommodation (%)`; empty when the scenario names none.
    public var unsuitable: [Int] = []
}

/// A budget for one financial year: for a provider (cost line) or in total (`provider == nil`).
public struct Budget: Sendable, Equatable {
    public var year: FinancialYear
    public var provider: Int?
    public var pounds: Double
}
