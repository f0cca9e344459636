import CareSimulation
import Foundation
import Testing
@testable import PublishedTables

/// The estimators against closed forms and simulated data with known answers.
@Suite struct EstimationTests {
    /// With a prior of ones, the fitted table is the independence table rᵢcⱼ/N.
    @Test func fittingFromAFlatPriorGivesTheIndependenceTable() {
        let rows = [30.0, 70], columns = [20.0, 50, 30]
        let table = Estimation.fit(prior: [[1, 1, 1], [1, 1, 1]], rows: rows, columns: columns)
        for i in 0..<2 { for j in 0..<3 { #expect(abs(table[i][j] - rows[i] * columns[j] / 100) < 1e-9) } }
    }

    /// Structural zeros stay zero and both margins are met when they can be.
    @Test func fittingKeepsStructuralZerosAndMeetsTheMargins() {
        let table = Estimation.fit(prior: [[1, 1, 0], [0.5, 1, 1]], rows: [40, 60], columns: [25, 45, 30])
        #expect(table[0][2] == 0)
        for (i, r) in [40.0, 60].enumerated() { #expect(abs(table[i].reduce(0, +) - r) < 1e-6) }
        for (j, c) in [25.0, 45, 30].enumerated() { #expect(abs(table[0][j] + table[1][j] - c) < 1e-6) }
    }

    /// The prior's rate is the pooled rate; with no spread between areas beyond chance, the prior
    /// weighs its cap; with a real spread, k = r₀/τ² as the method of moments gives.
    @Test func empiricalBayesPriorByTheMethodOfMoments() {
        let same = Estimation.prior(events: [10, 20, 30], exposures: [100, 200, 300], maxPseudoYears: 500)
        #expect(same.rate == 0.1 && same.pseudoYears == 500)
        let events = [5.0, 60], exposures = [100.0, 100]
        let p = Estimation.prior(events: events, exposures: exposures, maxPseudoYears: 1e9)
        let r0 = 65.0 / 200, q = 100 * pow(0.05 - r0, 2) + 100 * pow(0.6 - r0, 2)
        let tau2 = (q - r0) / (200 - 20_000.0 / 200)
        #expect(abs(p.rate - r0) < 1e-12 && abs(p.pseudoYears - r0 / tau2) < 1e-9)
    }

    /// σ of a random walk on the log rate recovered from simulated Poisson counts (known σ = 0.1,
    /// 400 areas of 4 years): within 4 standard errors of the estimate (from 200 repeats).
    @Test func randomWalkStandardDeviationIsRecovered() {
        var generator = SplitMix64(seed: 42)
        func poisson(_ mean: Double) -> Double {
            // Normal approximation is enough for means of hundreds.
            (mean + mean.squareRoot() * generator.normal()).rounded()
        }
        var estimates: [Double] = []
        for _ in 0..<200 {
            let areas = (0..<400).map { _ -> [(count: Double, exposure: Double)] in
                var level = log(200.0)
                return (0..<4).map { _ in
                    level += 0.1 * generator.normal()
                    return (poisson(exp(level)), 1)
                }
            }
            estimates.append(Estimation.randomWalkSD(areas).sd)
        }
        let mean = estimates.reduce(0, +) / 200
        let sd = (estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 199).squareRoot()
        #expect(abs(mean - 0.1) < 4 * sd / (200.0).squareRoot(), "mean \(mean), sd \(sd)")
    }

    /// The drift of mixes by hand: one pair of years over three categories, counts (1000, 500, 250)
    /// then (1200, 400, 250). Changes ln(1.2), ln(0.8), 0 less their mean; Poisson part
    /// (1 − 1/3)(1/1000 + 1/1200 + 1/500 + 1/400 + 2/250); two degrees of freedom. A category under the
    /// minimum count, or a year missing, adds nothing.
    @Test func mixDriftByHand() {
        let d = [log(1.2), log(0.8), 0.0]
        let mean = d.reduce(0, +) / 3
        let squares = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let poisson = 2.0 / 3 * (1.0 / 1000 + 1.0 / 1200 + 1.0 / 500 + 1.0 / 400 + 2.0 / 250)
        let expected = ((squares - poisson) / 2).squareRoot()
        let a = ["in": 1000.0, "out": 500, "far": 250, "few": 3], b = ["in": 1200.0, "out": 400, "far": 250, "few": 9]
        let got = Estimation.mixDriftSD([[a, b], [a, nil, b]])
        #expect(got.pairs == 1)
        #expect(abs(got.sd - expected) < 1e-12, "\(got.sd) against \(expected)")
    }

    /// σ of walks on each category's log weight recovered from simulated Poisson counts of
    /// normalised mixes (known σ = 0.15, 300 areas of 4 years over 4 categories, totals of 2,000 to
    /// 4,000, so that the Poisson part's approximation 1/n holds): within 4 standard errors of the
    /// estimate (from 100 repeats).
    @Test func mixDriftIsRecovered() {
        var generator = SplitMix64(seed: 7)
        let base = [0.5, 0.25, 0.15, 0.1]
        var estimates: [Double] = []
        for _ in 0..<100 {
            let areas = (0..<300).map { _ -> [[String: Double]?] in
                var levels = base.map(log)
                let total = 2000 + 2000 * generator.uniform()
                return (0..<4).map { _ in
                    levels = levels.map { $0 + 0.15 * generator.normal() }
                    let weights = levels.map(exp), sum = weights.reduce(0, +)
                    let counts = weights.map { w in
                        let mean = total * w / sum
                        return max(0, (mean + mean.squareRoot() * generator.normal()).rounded())
                    }
                    return Dictionary(uniqueKeysWithValues: counts.enumerated().map { ("\($0.offset)", $0.element) })
                }
            }
            estimates.append(Estimation.mixDriftSD(areas).sd)
        }
        let mean = estimates.reduce(0, +) / 100
        let sd = (estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 99).squareRoot()
        #expect(abs(mean - 0.15) < 4 * sd / 10, "mean \(mean), sd \(sd)")
    }

    /// The share at birth solved back from a stock made with a known share.
    @Test func atBirthShareInvertsTheSteadyState() {
        let h = 0.5, p = 0.7, starts = 1000.0
        let a = (1 - exp(-h)) / h, b = (1 - a) / h
        let stock = starts * (p * a + (1 - p) * b)
        let share = Estimation.atBirthShare(stockUnder1: stock, startsUnder1: starts, ceasedUnder1: h * stock)!
        #expect(abs(share - p) < 1e-12)
    }
}

/// Where moves go in a calibration from the published tables (``PublishedCalibrator/balancedMoves``).
@Suite struct BalancedMovesTests {
    /// One age group, 100 in foster care and 20 in supported accommodation, moves at 0.5 a year,
    /// exits 0.1, a half growing out of the group each year, 30 entries placed 80% / 20%: foster care
    /// needs 100 × 1.1 − 24 = 86 moves in, supported accommodation 20 × 1.1 − 6 = 16.
    @Test func movesGoWhereTheyKeepEachPlacementsChildren() {
        var population = Array(repeating: [0.0], count: PlacementGroup.allCases.count)
        population[PlacementGroup.foster.rawValue] = [100]
        population[PlacementGroup.supported.rawValue] = [20]
        population[PlacementGroup.adoption.rawValue] = [7]   // left out: its moves come from adoptions
        var first = Array(repeating: 0.0, count: PlacementGroup.allCases.count)
        first[PlacementGroup.foster.rawValue] = 0.8
        first[PlacementGroup.supported.rawValue] = 0.2
        let mix = PublishedCalibrator.balancedMoves(population: population, entries: [30], firstMix: [first], exitRate: [0.1],
                                                    moveRate: 0.5, ageingOut: [0.5])[0]
        #expect(abs(mix[PlacementGroup.foster.rawValue] - 86.0 / 102) < 1e-12)
        #expect(abs(mix[PlacementGroup.supported.rawValue] - 16.0 / 102) < 1e-12)
        #expect(mix[PlacementGroup.adoption.rawValue] == 0)
        // Children growing in from the group below come in without a move.
        let two = population.map { [$0[0], $0[0]] }
        let next = PublishedCalibrator.balancedMoves(population: two, entries: [30, 30], firstMix: [first, first], exitRate: [0.1, 0.1],
                                                     moveRate: 0.5, ageingOut: [0.5, 0.5])[1]
        // foster: 86 − 100 × 0.5 = 36; supported: 16 − 20 × 0.5 = 6.
        #expect(abs(next[PlacementGroup.foster.rawValue] - 36.0 / 42) < 1e-12)
    }
}
