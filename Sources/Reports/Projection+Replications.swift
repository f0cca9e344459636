import CareSimulation

/// `replications.csv`: every replication's headline figures, for aggregates the quantile tables
/// cannot give (a region's total, a custom age group); see docs/replications.md.
extension Projection {
    static let replicationsHeader = ["replication", "measure", "period", "placement", "flow", "age_band", "value", "months_simulated"]

    /// Writes `replications.csv` to a new file at `path`, one replication at a time (its size
    /// grows with the replications, so it is never built in memory whole).
    ///
    /// One row per replication and figure, replication 1 first (the engine's replication 0):
    /// - `in care`: people in each placement and age band at each financial year's 31 March
    ///   (or its last month end simulated); the same counts as `bed_need.csv`;
    /// - `cost`: pounds spent on each placement in each financial year, to the penny;
    /// - `flow`: each flow's count in each financial year and age band, for the flows and bands
    ///   that occur in some replication (as in `flows.csv`).
    ///
    /// Every row ends with `months_simulated`, of the financial year it belongs to (as in
    /// `costs.csv`): 12 for a whole year, fewer for a year simulated in part, whose cost and flows
    /// are for those months only and whose `in care` date is its last month end simulated.
    /// - Throws: ``OutputDirectoryError`` when the file cannot be written.
    package func writeReplicationsCSV(to path: String) throws(OutputDirectoryError) {
        let file = try ExclusiveFile(path: path)
        let names = model.providerNames + model.bandNames + model.flowNames
        if names.contains(where: { $0.unicodeScalars.contains { !$0.isASCII } }) { try file.write("\u{FEFF}") }
        try file.write(Self.replicationsHeader.joined(separator: ",") + CSVTable.lineEnding)

        let text = { (name: String) in CSVTable.encode(.text(name)) }
        let providers = model.providerNames.map(text), bandNames = model.bandNames.map(text), flowNames = model.flowNames.map(text)
        let closing = model.years.indices.compactMap { year in closingMonth(ofYear: year).map { (year, $0) } }
        let dates = closing.map { text(model.monthEnds[$0.1].description) }
        let years = model.years.map { text($0.description) }
        let months = model.years.indices.map { CSVTable.encode(monthsField(year: $0)) }
        let providerBands = model.providerNames.indices.map { bands(of: $0) }
        // (year, flow, band) cells that some replication counts.
        let layout = tallies.layout
        var occurs = [Bool](repeating: false, count: layout.years * layout.flows * layout.bands)
        for t in tallies {
            for (index, count) in t.flowCounts.enumerated() where count != 0 { occurs[index] = true }
        }

        var chunk = ""
        for (r, t) in tallies.enumerated() {
            let replication = String(r + 1)
            for (i, (_, month)) in closing.enumerated() {
                for p in model.providerNames.indices {
                    for b in providerBands[p] {
                        chunk += "\(replication),in care,\(dates[i]),\(providers[p]),,\(bandNames[b]),\(t.stock(month: month, provider: p, band: b)),\(months[closing[i].0])\r\n"
                    }
                }
            }
            for year in model.years.indices {
                for p in model.providerNames.indices {
                    let pounds = CSVTable.format(cost(t, year: year, provider: p), decimals: 2)
                    chunk += "\(replication),cost,\(years[year]),\(providers[p]),,,\(pounds),\(months[year])\r\n"
                }
            }
            for year in model.years.indices {
                for f in model.flowNames.indices {
                    for b in model.bandNames.indices where occurs[(year * layout.flows + f) * layout.bands + b] {
                        chunk += "\(replication),flow,\(years[year]),,\(flowNames[f]),\(bandNames[b]),\(t.flow(f, year: year, band: b)),\(months[year])\r\n"
                    }
                }
            }
            try file.write(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
        try file.close()
    }
}
