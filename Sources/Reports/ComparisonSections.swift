/// The sections comparing one variant with the base: children in care in each, the paired
/// difference in cost per financial year, and a table of both.
struct ComparisonSections: Sendable {
    let sections: [HTMLReport.Section]
    let charts: [RunReport.Chart]

    /// The sections for `variant` against `base`, each called by its label in the report.
    init(base: RunFolder, baseName: String, baseLabel: String, variant: ComparisonFolder.Variant, variantLabel: String) {
        let footer = "\(variantLabel) against \(baseLabel) · seed \(base.record.seed) · run \(ReportText.date(base.runDate))"
        let (baseRows, baseChildrenOnly) = RunSections.childrenInCare(base.bedNeed)
        let (variantRows, _) = RunSections.childrenInCare(variant.run.bedNeed)
        // The months both runs cover, in the base's order.
        let variantByDate = Dictionary(variantRows.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
        let paired = baseRows.compactMap { row in variantByDate[row.period].map { (base: row, variant: $0) } }
        let fan = ComparisonFanChart(
            title: "Children in care in each scenario", valueTitle: "Children in care", footer: footer,
            dates: paired.map(\.base.period),
            base: .init(name: baseLabel, p05: paired.map(\.base.p05), p50: paired.map(\.base.p50), p95: paired.map(\.base.p95)),
            variant: .init(name: variantLabel, p05: paired.map(\.variant.p05), p50: paired.map(\.variant.p50), p95: paired.map(\.variant.p95))).svg()
        let costs = variant.costDifference.rows.filter { $0.group == "total" }
        let difference = DifferenceChart(
            title: "Change in cost per financial year",
            valueTitle: "Change in cost", footer: footer,
            years: costs.map { .init(label: $0.period, median: $0.p50, p05: $0.p05, p95: $0.p95) }).svg()

        let byDate = Dictionary(paired.map { ($0.base.period, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = costs.map { cost -> [String] in
            let children = ReportText.yearEnd(cost.period).flatMap { byDate[$0] }
            return [
                cost.period,
                children.map { ReportText.count($0.base.p50) } ?? "–",
                children.map { ReportText.count($0.variant.p50) } ?? "–",
                ReportText.change(cost.p50),
                ReportText.changeInterval(cost.p05, cost.p95),
            ]
        }
        let who = baseChildrenOnly ? "In care" : "Placed"
        let prefix = "\(variant.name)-vs-\(baseName)-"
        sections = [
            .init(
                heading: "\(variantLabel) against \(baseLabel)",
                paragraphs: [
                    "Both scenarios were simulated with the same chance events, so the difference between them comes from what the scenarios change, not from luck. Each line is a median; each shaded band holds 90 in every 100 simulated futures.",
                    "In the table, the base is '\(baseLabel)' and the variant '\(variantLabel)'. \(baseChildrenOnly ? "Children in care" : "Children and young people placed (including care leavers and parents placed with their child)") at 31 March are medians; the change in cost is the variant's cost minus the base's, worked out future by future.",
                ],
                svg: fan,
                table: .init(
                    header: ["Financial year", "\(who) at 31 March (base)", "\(who) at 31 March (variant)",
                             "Change in cost", "90% interval"],
                    rows: rows)),
            .init(
                heading: "What \(variantLabel) changes in cost",
                paragraphs: [
                    "The change in the cost of placements in each financial year, \(variantLabel) minus \(baseLabel), worked out future by future. A column below zero is a saving. Where the whisker crosses zero, the scenarios cannot be told apart with confidence in that year.",
                ],
                svg: difference),
        ]
        charts = [
            .init(name: prefix + "children-in-care.svg", svg: fan),
            .init(name: prefix + "cost-difference.svg", svg: difference),
        ]
    }
}
