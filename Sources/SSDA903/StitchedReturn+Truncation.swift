extension StitchedReturn {
    /// The return as it stood at the end of `day`: what a back-test calibrates on.
    ///
    /// Episodes starting after `day` are unseen; an episode still open at the end of `day` (its end,
    /// or its period's exit, later) is open, so its period is censored there; collection years that
    /// begin after `day` are dropped. The data-quality report is kept as it was.
    /// - Complexity: O(*n*) in the number of episodes.
    package func truncated(at day: Int) -> StitchedReturn {
        var result = self
        result.dataEnd = min(dataEnd, day + 1)
        result.years = years.filter { $0.firstDay <= day }
        result.oc3Accommodation = oc3Accommodation.filter { $0.key.firstDay <= day }
        result.children = children.compactMap { child in
            var child = child
            child.periods = child.periods.compactMap { period in
                var period = period
                period.episodes.removeAll { $0.start > day }
                guard !period.episodes.isEmpty else { return nil }
                let last = period.episodes.count - 1
                if period.episodes[last].end.map({ $0 > day }) ?? true {
                    period.episodes[last].end = nil
                    period.ending = .open
                }
                return period
            }
            return child.periods.isEmpty ? nil : child
        }
        return result
    }
}
