import Foundation
import ScenarioModel

/// A scenario compiled for simulation: names resolved to indices, dates to times, costs to tables.
///
/// Time is measured in days from the start of the scenario's first day (the start is time 0;
/// day *d* runs from *d* to *d* + 1). Built once per run and shared, read-only, by every replication.
public struct CareModel: Sendable {
    public let scenario: Scenario
    /// Length of the simulation in days (the end of the last day).
    public let horizon: Double
    /// Month ends reported, and the time each is counted at (the end of that day).
    public let monthEnds: [Day]
    package let snapshotTimes: [Double]
    /// Financial years reported, and the time each one starts (the first may start before time 0).
    public let years: [FinancialYear]
    package let yearStarts: [Double]

    /// Reporting bands: the scenario's age bands, then `parent and child` when families are modelled.
    public let bandNames: [String]
    package let childBands: Int
    package let familyBand: Int
    /// The age each band starts at, and one past the last child band (18); care leavers' bands follow.
    package let bandFromAge: [Int]
    /// The band of each whole age from 0 (children's bands, then care leavers' when modelled).
    package let bandOfAge: [Int]

    public let providerNames: [String]
    package let providerType: [Int]
    package let providerLast: [Bool]
    package let typeProviders: [[Int]]
    /// The providers of type *t* are `typeStart[t] ..< typeStart[t + 1]` (listed type by type, in preference order).
    package let typeStart: [Int]
    package let typeServes: [Population]
    public let typeNames: [String]

    /// Pounds per occupied day, by financial year then provider.
    package let costPerDay: [[Double]]

    /// Civil dates by lookup, for ages and birthdays.
    let calendar: CivilTable

    /// Flow names, in `flows.csv` order.
    public let flowNames: [String]
    package let flow: FlowIndex
    /// What the strategy's measures need from the scenario (see `MeasureCounts.swift`).
    package let measureSetup: MeasureSetup

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        let start = scenario.start
        horizon = Double(scenario.end.number - start.number + 1)
        var ends: [Day] = []
        var m = start.monthEnd
        while m <= scenario.end {
            ends.append(m)
            m = (m + 1).monthEnd
        }
        monthEnds = ends
        snapshotTimes = ends.map { Double($0.number - start.number + 1) }
        years = scenario.financialYears
        yearStarts = years.map { Double($0.firstDay.number - start.number) }

        let hasFamilies = scenario.parentAndChild != nil
        bandNames = scenario.ageBands.map(\.name) + (hasFamilies ? ["parent and child"] : [])
        childBands = scenario.firstLeaverBand
        familyBand = scenario.ageBands.count
        bandFromAge = scenario.ageBands.map(\.fromAge)
        var ages: [Int] = []
        for (b, band) in scenario.ageBands.enumerated() { for _ in band.fromAge...band.toAge { ages.append(b) } }
        bandOfAge = ages

        var names: [String] = [], types: [Int] = [], last: [Bool] = [], byType: [[Int]] = []
        for (t, type) in scenario.placementTypes.enumerated() {
            var list: [Int] = []
            for (i, provider) in type.providers.enumerated() {
                list.append(names.count)
                names.append(provider.name)
                types.append(t)
                last.append(i == type.providers.count - 1)
            }
            byType.append(list)
        }
        providerNames = names
        providerType = types
        providerLast = last
        typeProviders = byType
        typeStart = byType.map { $0.first ?? 0 } + [names.count]
        for (t, list) in byType.enumerated() { precondition(list == Array(typeStart[t]..<typeStart[t + 1])) }
        calendar = CivilTable(from: start, through: scenario.end)
        typeServes = scenario.placementTypes.map(\.serves)
        typeNames = scenario.placementTypes.map(\.name)

        let providers = scenario.providers
        var table: [[Double]] = []
        var factor = Array(repeating: 1.0, count: providers.count)
        for (k, year) in years.enumerated() {
            if k > 0 {
                for (p, provider) in providers.enumerated() {
                    factor[p] *= (1 + scenario.inflation.uplift(for: year)) * (1 + provider.upliftAboveInflation)
                }
            }
            table.append(providers.enumerated().map { p, provider in provider.weeklyCost * factor[p] / 7 })
        }
        costPerDay = table

        flow = FlowIndex(scenario)
        flowNames = flow.names
        measureSetup = MeasureSetup(scenario, monthEnds: ends, years: years)
    }

    /// Index of the financial year containing time `t` (clamped to the years reported).
    @inline(__always)
    func yearIndex(_ t: Double) -> Int {
        var k = 0
        while k + 1 < yearStarts.count && yearStarts[k + 1] <= t { k += 1 }
        return k
    }

    /// Weekly cost in pounds of `provider` in financial year `year` (index), after uplifts.
    public func weeklyCost(provider: Int, year: Int) -> Double { costPerDay[year][provider] * 7 }
}

/// Positions of each flow in the per-year flow table.
package struct FlowIndex: Sendable {
    package var names: [String] = []
    package var entries = 0, moves = 0, stepDowns = 0, threePlus = 0, turned18 = 0
    package var exitReasons: [Int] = []
    package var overflowByType: [Int] = []
    package var familyArrivals = -1, babiesIntoCare = -1, leaversSupportEnded = -1
    /// Per stream, when the scenario has streams besides its own entries: entries, and children in care on 31 March.
    package var streamEntries: [Int] = [], streamStock: [Int] = [], streamLeavers: [Int] = []
    /// Emergency beds: children placed in one (or, when they are full, in the fallback), those of
    /// them coming from a placement move, and those placed in the fallback (−1 without emergency beds).
    package var emergencyPlacements = -1, emergencyAfterMove = -1, emergencyFull = -1
    /// Sibling groups of two or more entering together (−1 without sibling groups).
    package var siblingsTogether = -1, siblingsSplit = -1

    init(_ scenario: Scenario) {
        func add(_ name: String) -> Int {
            names.append(name)
            return names.count - 1
        }
        entries = add("entries")
        exitReasons = scenario.exits.reasons.map { add("exit: \($0)") }
        turned18 = add("turned 18 (care ends)")
        moves = add("placement moves")
        stepDowns = add("step-downs to a preferred provider")
        threePlus = add("children with 3+ placements in the year")
        overflowByType = scenario.placementTypes.map { add("overflow: \($0.name)") }
        if scenario.parentAndChild != nil {
            familyArrivals = add("parent and child assessments started")
            babiesIntoCare = add("babies entering care after assessment")
        }
        if scenario.careLeavers != nil { leaversSupportEnded = add("care leavers leaving support") }
        // Added only when the scenario uses them, so that other scenarios' flows are as before.
        if let emergency = scenario.emergencyBeds {
            emergencyPlacements = add("emergency placements")
            emergencyAfterMove = add("emergency placements after a move")
            let fallback = scenario.placementTypes[emergency.placementType].providers.last?.name ?? ""
            emergencyFull = add("emergency beds full: \(fallback)")
        }
        if !scenario.entries.siblingGroups.isEmpty {
            siblingsTogether = add("sibling groups placed together")
            siblingsSplit = add("sibling groups split")
        }
        if !scenario.entries.streams.isEmpty {
            let names = [scenario.entries.name] + scenario.entries.streams.map(\.name)
            streamEntries = names.map { add("entries: \($0)") }
            streamStock = names.map { add("in care on 31 March: \($0)") }
            if scenario.careLeavers != nil { streamLeavers = names.map { add("care leavers on 31 March: \($0)") } }
        }
    }
}
