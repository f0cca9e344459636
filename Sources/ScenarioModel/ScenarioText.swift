/// Figures written as scenario text, the way the reader reads them back (for the calibrators).
public enum ScenarioText {
    /// A mix written as percentages to 0.01% that add up to exactly 100% (largest remainder),
    /// leaving out names with no share. The weights need not add up to 1, but must not all be 0.
    public static func mix(_ weights: [(name: String, weight: Double)]) -> String {
        let total = weights.reduce(0) { $0 + $1.weight }
        precondition(total > 0, "a mix needs weights")
        let exact = weights.map { $0.weight * 10_000 / total }
        var points = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(points[$0]), -$0) > (exact[$1] - Double(points[$1]), -$1) }
        for k in 0..<(10_000 - points.reduce(0, +)) { points[order[k % order.count]] += 1 }
        let parts = zip(weights, points).filter { $0.1 > 0 }.map { "\($0.0.name): \(percent(basisPoints: $0.1))" }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// Basis points as `12.5%`, `100%`.
    public static func percent(basisPoints points: Int) -> String {
        let whole = points / 100, rest = points % 100
        if rest == 0 { return "\(whole)%" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }

    /// Whole numbers adding up to the rounded total of `values`, each as near its value as can be
    /// (largest remainder).
    public static func wholeNumbers(_ values: [Double]) -> [Int] {
        let target = Int(values.reduce(0, +).rounded())
        var whole = values.map { Int($0.rounded(.down)) }
        let order = values.indices.sorted { (values[$0] - Double(whole[$0]), -$0) > (values[$1] - Double(whole[$1]), -$1) }
        var k = 0
        while whole.reduce(0, +) < target, !order.isEmpty {
            whole[order[k % order.count]] += 1
            k += 1
        }
        return whole
    }
}
