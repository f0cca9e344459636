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
