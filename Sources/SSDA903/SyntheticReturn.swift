import Foundation

/// A generator of realistic fictional 903 returns from known rates, so that anyone can try the
/// whole path without real data and tests can check that calibration recovers the rates.
///
/// Children enter care (Poisson arrivals per age band, ages uniform within the band), then face
/// competing constant hazards per age band (exits by reason, a move, a legal-status change) until
/// an event, a birthday that changes band, or 18, when care ends with a leaving REC. Files are
/// written per collection year in the raw form (`dd/mm/YYYY`, all 13 episode columns) with the
/// year's code list (H5 until 2023/24, K3 from 2024/25, Z1 split from 2025/26), fake identifiers,
/// and a few faults per year injected at a known rate (see ``SyntheticTruth/injectedFaults``).
public enum SyntheticReturn {
    /// Generation options.
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        /// Collection years written, ending with ``lastYear``.
        public var years: Int = 5
        public var childrenInCare: Int = 400
        public var lastYear = CollectionYear(endingYear: 2026)
        /// Faults of each kind injected per year, as a share of that year's episode rows (at least one each).
        public var faultRate: Double = 0.002
        public init(seed: UInt64 = 1, years: Int = 5, childrenInCare: Int = 400) {
            self.seed = seed
            self.years = years
            self.childrenInCare = childrenInCare
        }
    }

    struct Episode {
        var start: Int
        var end: Int?
        var placement: Placement
        var variant: Int
        var rne: String
        var rec: String
        var ls: String
    }

    struct Child {
        var id: String
        var dob: Int
        var sex: Int
        var upn: String
        var isUASC: Bool
        var agedOut: Bool
        var episodes: [Episode]
    }

    /// Generates a return and writes it under `directory` (one folder per collection year, named
    /// by the year in which it ends); returns the truth it was generated from.
    @discardableResult
    public static func write(to directory: URL, options: Options = Options(), truth: SyntheticTruth? = nil) throws -> SyntheticTruth {
        var truth = truth ?? SyntheticTruth.standard(childrenInCare: options.childrenInCare)
        let files = generate(options: options, truth: &truth)
        for (year, tables) in files {
            let folder = directory.appendingPathComponent(String(year.endingYear))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in tables {
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            }
        }
        return truth
    }

    /// Generates the files in memory: for each collection year, file name → CSV text.
    package static func generate(options: Options, truth: inout SyntheticTruth) -> [(CollectionYear, [(String, String)])] {
        var rng = Xoshiro256(seed: options.seed)
        let first = CollectionYear(endingYear: options.lastYear.endingYear - options.years + 1)
        let simStart = first.firstDay - 18 * 366
        let simEnd = options.lastYear.lastDay + 1
        var children: [Child] = []
        var nextID = 10_000_000 + rng.below(40_000_000)
        var year = simStart
        while year < simEnd {
            for band in AgeBand.allCases {
                for _ in 0..<rng.poisson(truth.entriesPerYear[band]!) {
                    let entry = year + rng.below(365)
                    guard entry < simEnd else { continue }
                    let lo = CivilDate.birthday(0, age: band.lowerAge), hi = CivilDate.birthday(0, age: band.upperAge)
                    let dob = entry - lo - rng.below(hi - lo)
                    nextID += 1 + rng.below(7)
                    var child = Child(id: String(nextID), dob: dob, sex: 1 + rng.below(2), upn: fakeUPN(&rng),
                                      isUASC: band >= .tenToFifteen && rng.uniform() < 0.1, agedOut: false, episodes: [])
                    simulate(&child, entry: entry, band: band, until: simEnd, truth: truth, rng: &rng)
                    if child.episodes.contains(where: { ($0.end ?? simEnd) >= first.firstDay }) { children.append(child) }
                }
            }
            year += 365
        }
        var result: [(CollectionYear, [(String, String)])] = []
        for y in (first.endingYear...options.lastYear.endingYear).map(CollectionYear.init(endingYear:)) {
            result.append((y, SyntheticFiles.tables(for: y, children: children, options: options, truth: &truth, rng: &rng)))
        }
        return result
    }

    /// Simulates one child's time in care from `entry`.
    static func simulate(_ child: inout Child, entry: Int, band entryBand: AgeBand, until simEnd: Int,
                         truth: SyntheticTruth, rng: inout Xoshiro256) {
        let weights = truth.firstPlacement[entryBand]!.sorted { $0.key < $1.key }
        var placement = weights[rng.pick(weights.map(\.value))].key
        child.episodes.append(Episode(start: entry, end: nil, placement: placement, variant: rng.below(3), rne: "S", rec: "", ls: "C2"))
        let eighteen = CivilDate.birthday(child.dob, age: 18)
        var t = Double(entry)
        let reasons = ExitReason.allCases
        while true {
            let band = AgeBand.on(Int(t), dob: child.dob)!
            let boundary = Double(CivilDate.birthday(child.dob, age: band.upperAge))
            let exits = reasons.map { truth.exitHazard[$0]?[band] ?? 0 }
            let move = truth.moveHazard[placement] ?? 0
            let total = exits.reduce(0, +) + move + truth.legalStatusHazard
            let next = t + rng.exponential(total) * 365.25
            if next >= boundary {
                t = boundary
                if boundary >= Double(eighteen) {
                    guard eighteen < simEnd else { return }
                    // One draw, as before staying put depended on the placement: the stream is unchanged.
                    let stays = truth.stayingPutAt18[placement, default: 0]
                    let recs = [("E17", stays)] + truth.leavingAt18.map { ($0.rec, $0.weight * (1 - stays)) }
                    close(&child, at: eighteen, rec: recs[rng.pick(recs.map(\.1))].0)
                    child.agedOut = true
                    return
                }
                continue
            }
            guard next < Double(simEnd) else { return }
            t = next
            let day = Int(t)
            let k = rng.pick(exits + [move, truth.legalStatusHazard])
            if k < reasons.count {
                close(&child, at: day, rec: recCode(reasons[k], &rng))
                return
            }
            // A move or legal-status change starting the same day as the current episode is dropped
            // (two episodes cannot share a start date); the loss is about one day in an episode's length.
            guard day > child.episodes[child.episodes.count - 1].start else { continue }
            var episode = child.episodes[child.episodes.count - 1]
            child.episodes[child.episodes.count - 1].end = day
            child.episodes[child.episodes.count - 1].rec = "X1"
            if k == reasons.count {
                let destinations = truth.moveDestinations[placement]!.sorted { $0.key < $1.key }
                placement = destinations[rng.pick(destinations.map(\.value))].key
                if placement == .supportedAccommodation, band < .sixteenToSeventeen { placement = .fosterAgency }
                episode = Episode(start: day, end: nil, placement: placement, variant: rng.below(3), rne: "P", rec: "", ls: episode.ls)
            } else {
                episode = Episode(start: day, end: nil, placement: placement, variant: episode.variant, rne: "L", rec: "",
                                  ls: ["C2", "C1", "V2", "J2"][rng.below(4)])
            }
            child.episodes.append(episode)
        }
    }

    private static func close(_ child: inout Child, at day: Int, rec: String) {
        child.episodes[child.episodes.count - 1].end = day
        child.episodes[child.episodes.count - 1].rec = rec
    }

    /// A REC code for an exit reason.
    static func recCode(_ reason: ExitReason, _ rng: inout Xoshiro256) -> String {
        switch reason {
        case .returnedHome: return ["E4A", "E4B", "E13"][rng.below(3)]
        case .adoption: return ["E11", "E12"][rng.below(2)]
        case .specialGuardianship: return ["E45", "E46", "E47", "E48"][rng.below(4)]
        case .childArrangementOrder: return "E41"
        case .stayingPut: return "E17"
        case .independentLiving: return ["E5", "E6"][rng.below(2)]
        case .other: return ["E3", "E8", "E9", "E16"][rng.below(4)]
        }
    }

    static func fakeUPN(_ rng: inout Xoshiro256) -> String {
        let letter = Character(UnicodeScalar(UInt8(65 + rng.below(26))))
        return String(letter) + (0..<12).map { _ in String(rng.below(10)) }.joined()
    }
}
