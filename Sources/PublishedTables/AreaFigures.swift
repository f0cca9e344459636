import Foundation

/// One area's published figures (a council's, or England's), read for a calibration as of a
/// year's 31 March, with suppressed cells filled and every fallback noted.
public struct AreaFigures: Sendable {
    public var area: String
    /// Children looked after at 31 March, starts and ceased in the year to 31 March, by year.
    public var stock: [Int: Double] = [:]
    public var starts: [Int: Double] = [:]
    public var ceased: [Int: Double] = [:]
    /// Starts by age group, by year.
    var startsByAge: [Int: [Double]] = [:]
    /// Ceased by reason and by age on ceasing (published apart), by year.
    var ceasedByReason: [Int: [Double]] = [:]
    var ceasedByAge: [Int: [Double]] = [:]
    /// Stock at 31 March by age group and by placement group, by year (only where published).
    var stockByAge: [Int: [Double]] = [:]
    var stockByPlacement: [Int: [Double]] = [:]
    /// Own provision (by the LA) and its total, by year.
    var ownProvision: [Int: Double] = [:]
    /// Placed 20 miles or less from home, and placed more than 20 miles (distance known), by year.
    var within20: [Int: Double] = [:]
    var beyond20: [Int: Double] = [:]
    var uasc: [Int: Double] = [:]
    /// New placements in the year, and children at 31 March with 3 or more placements in it.
    var newPlacements: [Int: Double] = [:]
    /// New placements in the year by where they were made (inside or outside the council, within
    /// or beyond 20 miles of home; distance not known left out), published cells only.
    var newPlacementsByLocation: [Int: [String: Double]] = [:]
    var threePlus: [Int: Double] = [:]
    /// Care leavers aged 18 who ceased in foster care, and of them those staying put.
    var fosterLeavers18: [Int: Double] = [:]
    var stayingPut18: [Int: Double] = [:]
    /// The same at 19 to 20, and care leavers in touch aged 17 to 18 and 19 to 21 (all accommodation).
    var fosterLeavers19to20: [Int: Double] = [:]
    var stayingPut19to20: [Int: Double] = [:]
    var careLeavers17to18: [Int: Double] = [:]
    var careLeavers19to21: [Int: Double] = [:]
    /// Cells that were suppressed (`c`) and filled, by what they were.
    public var filled: [String] = []
    /// The categories of the stock by age group and by placement group holding a suppressed cell, by year:
    /// their figures are estimates, not published numbers (a back-test leaves them out).
    var suppressedAges: [Int: Set<Int>] = [:]
    var suppressedPlacements: [Int: Set<Int>] = [:]

    static let stockGroup = "Children looked after at 31 March each year"
    static let startsGroup = "Children starting to be looked after each year"
    static let ceasedGroup = "Children ceasing to be looked after each year"

    /// Reads `area`'s figures for every year in the release (the release holds no year after the as-of).
    init(_ r: PublishedRelease, area: String) {
        self.area = area
        let years = r.years.values.reduce(into: Set<Int>()) { $0.formUnion($1) }.sorted()
        for y in years {
            // The totals table names its measure in the item, with an empty group.
            for (item, cell) in r.items(.totals, area, y, group: "") {
                guard let v = cell.value else { continue }
                let i = PublishedRelease.normal(item)
                if i == PublishedRelease.normal(Self.stockGroup) { stock[y] = v }
                if i == PublishedRelease.normal(Self.startsGroup) { starts[y] = v }
                if i == PublishedRelease.normal(Self.ceasedGroup) { ceased[y] = v }
            }
            if let v = margin(r, .starts, y, "Age group", AgeGroup.allCases.map(\.published), total: starts[y]) { startsByAge[y] = v }
            if let v = margin(r, .ceased, y, "Age on ceasing", CeasedAge.allCases.map(\.published), total: ceased[y]) { ceasedByAge[y] = v }
            if let v = grouped(r, .ceased, y, "Reason episode ceased", count: ExitReason.allCases.count, total: ceased[y],
                               { ExitReason.of($0)?.rawValue }) { ceasedByReason[y] = v }
            let stockTable: PublishedRelease.Table = area == PublishedRelease.england && r.items(.stock, area, y, group: "Age group").isEmpty
                ? .nationalStock : .stock
            let total = stock[y]
            if let v = margin(r, stockTable, y, "Age group", AgeGroup.allCases.map(\.published), total: total) {
                stockByAge[y] = v
                suppressedAges[y] = Set(AgeGroup.allCases.indices.filter { r.cell(stockTable, area, y, group: "Age group", AgeGroup.allCases[$0].published) == .suppressed })
            }
            let ofItem = stockTable == .nationalStock ? PlacementGroup.ofNationalItem : PlacementGroup.ofCouncilItem
            if let v = grouped(r, stockTable, y, "Placement", count: PlacementGroup.allCases.count, total: total,
                               { ofItem($0)?.rawValue }) {
                stockByPlacement[y] = v
                suppressedPlacements[y] = Set(r.items(stockTable, area, y, group: "Placement").compactMap { item in
                    item.cell == .suppressed ? ofItem(item.item)?.rawValue : nil
                })
            }
            if let v = r.cell(.stock, area, y, group: "Place providers", "Own provision (by the LA)")?.value { ownProvision[y] = v }
            let near = r.cell(.stock, area, y, group: "Distance between home and placement", "Placed 20 miles or less from home")
            let far = r.cell(.stock, area, y, group: "Distance between home and placement", "Placed more than 20 miles from home")
            if let n = near?.value { within20[y] = n; beyond20[y] = far?.value ?? 2 }
            if let u = r.cell(.stock, area, y, group: "Unaccompanied asylum-seeking children", "UASC") {
                uasc[y] = u.value ?? 2
            }
            if let v = r.cell(.newPlacements, area, y, group: "Location of new placements during the year", "Total new placements")?.value {
                newPlacements[y] = v
            }
            let locations = r.items(.newPlacements, area, y, group: "Location of new placements during the year")
                .filter { !$0.item.contains("total") && !$0.item.contains("not known") }
                .compactMap { item in item.cell.value.map { (item.item, $0) } }
            if !locations.isEmpty { newPlacementsByLocation[y] = Dictionary(locations) { a, _ in a } }
            if let v = r.cell(.stability, area, y, group: "Children looked after at 31 March", "With 3 or more placements during the year")?.value {
                threePlus[y] = v
            }
            let leavers = r.cell(.stayPut, area, y, group: "Aged 18",
                                 "Young people who ceased to be looked after in a foster placement on their 18th birthday and were eligible for care leavers support")
            let staying = r.cell(.stayPut, area, y, group: "Aged 18", "Total living with former foster carers in the current year")
            if let l = leavers?.value, l > 0 { fosterLeavers18[y] = l; stayingPut18[y] = staying?.value ?? min(2, l) }
            let older = r.cell(.stayPut, area, y, group: "Aged 19 to 20",
                               "Young people who ceased to be looked after in a foster placement on their 18th birthday and were eligible for care leavers support")
            let olderStaying = r.cell(.stayPut, area, y, group: "Aged 19 to 20", "Total living with former foster carers in the current year")
            if let l = older?.value, l > 0 { fosterLeavers19to20[y] = l; stayingPut19to20[y] = olderStaying?.value ?? min(2, l) }
            if let v = r.cell(.careLeaverAccommodation, area, y, group: "17 to 18 years", "Total")?.value { careLeavers17to18[y] = v }
            if let v = r.cell(.careLeaverAccommodation, area, y, group: "19 to 21 years", "Total")?.value { careLeavers19to21[y] = v }
        }
    }

    /// A margin with named items, suppressed cells filled from the total (see `fill`).
    private mutating func margin(_ r: PublishedRelease, _ table: PublishedRelease.Table, _ y: Int, _ group: String,
                                 _ names: [String], total: Double?) -> [Double]? {
        let cells = names.map { r.cell(table, area, y, group: group, $0) }
        guard cells.contains(where: { $0 != nil }) else { return nil }
        let weights = names.map { englandValue(r, table, y, group, $0) }
        return fill(cells.map { $0 ?? .number(0) }, total: total, weights: weights, what: "\(table.rawValue), \(group), \(y)")
    }

    /// A margin whose published items are summed into `count` categories by `category`.
    private mutating func grouped(_ r: PublishedRelease, _ table: PublishedRelease.Table, _ y: Int, _ group: String,
                                  count: Int, total: Double?, _ category: (String) -> Int?) -> [Double]? {
        let items = r.items(table, area, y, group: group).compactMap { item in
            category(item.item).map { (category: $0, name: item.item, cell: item.cell) }
        }
        guard !items.isEmpty else { return nil }
        let weights = items.map { englandValue(r, table, y, group, $0.name) }
        let values = fill(items.map(\.cell), total: total, weights: weights, what: "\(table.rawValue), \(group), \(y)")
        var sums = Array(repeating: 0.0, count: count)
        for (k, item) in items.enumerated() { sums[item.category] += values[k] }
        return sums
    }

    /// England's figure for the same cell, to share out a council's suppressed cells (none for England itself).
    private func englandValue(_ r: PublishedRelease, _ table: PublishedRelease.Table, _ y: Int, _ group: String, _ item: String) -> Double? {
        area == PublishedRelease.england ? nil : r.cell(table, PublishedRelease.england, y, group: group, item)?.value
    }

    /// Suppressed cells (`c`: the DfE suppresses small counts, and the cells that would reveal them,
    /// which need not be small) filled with what the total leaves over the published cells, shared
    /// in proportion to `weights` (England's figures for those cells) or equally without them; with
    /// no total, 2 each (the middle of 1 to 5). Cells not available (`x`, `z`, `k`) count as 0.
    mutating func fill(_ cells: [PublishedRelease.Cell], total: Double?, weights: [Double?] = [], what: String) -> [Double] {
        let suppressed = cells.indices.filter { cells[$0] == .suppressed }
        let known = cells.compactMap(\.value).reduce(0, +)
        guard !suppressed.isEmpty else { return cells.map { $0.value ?? 0 } }
        var values = cells.map { $0.value ?? 0 }
        if let total {
            let left = max(0, total - known)
            let w = suppressed.map { $0 < weights.count ? weights[$0] ?? 0 : 0 }
            let sum = w.reduce(0, +)
            for (k, i) in suppressed.enumerated() { values[i] = sum > 0 ? left * w[k] / sum : left / Double(suppressed.count) }
        } else {
            for i in suppressed { values[i] = 2 }
        }
        filled.append("\(what): \(suppressed.count) suppressed")
        return values
    }
}
