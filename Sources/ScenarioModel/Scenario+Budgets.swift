extension Scenario {
    /// Budgets for financial years the scenario does not simulate are never compared with a
    /// forecast; said so that a budget keyed to the wrong year (`2024/25` for a run from April
    /// 2025) does not vanish without a word. `nil` when every budget's year is simulated.
    public var unusedBudgetNote: String? {
        let years = financialYears
        guard let first = years.first, let last = years.last else { return nil }
        var unused: [FinancialYear] = []
        for budget in budgets where !years.contains(budget.year) && !unused.contains(budget.year) { unused.append(budget.year) }
        guard !unused.isEmpty else { return nil }
        let range = first == last ? "\(first) only" : "\(first) to \(last)"
        return "note: the budgets for \(unused.map(\.description).joined(separator: ", ")) are not used: the scenario simulates \(range)"
    }
}

extension Scenario {
    /// Dated changes that start after the last day simulated change nothing; said so that a change
    /// keyed to the wrong year (`2035-04-01` for `2025-04-01`) does not vanish without a word
    /// (as budgets for years not simulated are). `nil` when every change starts within the run.
    public var changesAfterTheEndNote: String? {
        var late: [String] = []
        func check(_ day: Day, _ what: String) {
            if day > end { late.append("\(what) from \(day)") }
        }
        for change in entries.changes { check(change.from, "entries") }
        for stream in entries.streams { for change in stream.changes { check(change.from, "entries of '\(stream.name)'") } }
        for change in exits.changes { check(change.from, "exits") }
        for provider in providers { for change in provider.capacityChanges { check(change.date, "places of '\(provider.name)'") } }
        guard !late.isEmpty else { return nil }
        return "note: \(late.count == 1 ? "the change of" : "the changes of") \(late.joined(separator: ", ")) \(late.count == 1 ? "starts" : "start") "
            + "after the last day simulated, \(end.longDescription), so \(late.count == 1 ? "it changes" : "they change") nothing"
    }
}
