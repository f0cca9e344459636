/// What one replication reports: the summary arrays, and nothing else (never the children).
///
/// Flat arrays with fixed layouts, so that a run keeps one small tally per replication whatever
/// the size of the population simulated.
public struct Tally: Sendable {
    public let months: Int, providers: Int, bands: Int, years: Int, flows: Int, types: Int

    /// People in each placement at each month end: `stock[(month * providers + provider) * bands + band]`.
    public var stock: [Int32]
    /// Of those, placed locally: `local[month * providers + provider]`.
    public var local: [Int32]
    /// Children placed beyond a full preferred provider, still there at each month end: `gap[month * types + type]`.
    public var gap: [Int32]
    /// Places each provider had at each month end (−1 for no limit): `capacity[month * providers + provider]`.
    public var capacity: [Int32]
    /// Days of placement provided, per financial year and provider: `occupiedDays[year * providers + provider]`.
    public var occupiedDays: [Double]
    /// Counts of each flow by financial year and band: `flowCounts[(year * flows + flow) * bands + band]`.
    public var flowCounts: [Int32]
    /// The raw counts behind the strategy's measures, at the start and per financial year:
    /// `measures[MeasureCount.index(count, slot: slot)]` (slot 0 the start, slot *y* + 1 year *y*).
    public var measures: [Double]
    /// Events simulated.
    public var events: Int

    init(months: Int, providers: Int, bands: Int, years: Int, flows: Int, types: Int) {
        (self.months, self.providers, self.bands, self.years, self.flows, self.types) =
            (months, providers, bands, years, flows, types)
        stock = Array(repeating: 0, count: months * providers * bands)
        local = Array(repeating: 0, count: months * providers)
        gap = Array(repeating: 0, count: months * types)
        capacity = Array(repeating: 0, count: months * providers)
        occupiedDays = Array(repeating: 0, count: years * providers)
        flowCounts = Array(repeating: 0, count: years * flows * bands)
        measures = Array(repeating: 0, count: MeasureCount.valueCount(years: years))
        events = 0
    }

    /// Where the count of `flow` in financial year `year` and band `band` is in `flowCounts`.
    @inline(__always)
    func flowIndex(_ flow: Int, year: Int, band: Int) -> Int { (year * flows + flow) * bands + band }

    public func stock(month: Int, provider: Int, band: Int) -> Int32 {
        stock[(month * providers + provider) * bands + band]
    }

    public func flow(_ flow: Int, year: Int, band: Int) -> Int32 {
        flowCounts[flowIndex(flow, year: year, band: band)]
    }

    /// The raw measure count `count` at `slot` (0: the start; *y* + 1: financial year *y*).
    public func measure(_ count: MeasureCount, slot: Int) -> Double { measures[MeasureCount.index(count, slot: slot)] }
}
