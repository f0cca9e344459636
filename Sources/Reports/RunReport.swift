/// The report of a run folder or a comparison folder, made only from the files in it: a
/// self-contained `report.html` for councillors and each chart as an SVG file to paste into a
/// committee paper.
package struct RunReport: Sendable {
    /// A chart file: its name in `charts/` and the SVG document.
    package struct Chart: Sendable {
        package var name: String
        package var svg: String
    }

    package var page: HTMLReport
    package var charts: [Chart]

    /// Reads the folder (a run folder, or a comparison folder when it holds `compare.json`),
    /// writes `report.html` into it and the charts into `charts/`, each directory atomically,
    /// and returns the paths written, relative to the folder.
    /// - Parameter shownAs: the folder's name in the report, when it is written in a staging
    ///   folder that will take that name (see ``FolderReplacement``).
    /// - Throws: ``FileError`` when the folder cannot be read, ``OutputDirectoryError`` when
    ///   the report cannot be written.
    package static func write(folder: String, shownAs: String? = nil) throws -> [String] {
        let report: RunReport
        if ComparisonFolder.isComparison(folder) {
            var comparison = try ComparisonFolder.read(folder)
            comparison.path = shownAs ?? comparison.path
            report = RunReport(comparison: comparison)
        } else {
            var run = try RunFolder.read(folder)
            run.path = shownAs ?? run.path
            report = RunReport(run: run)
        }
        try OutputDirectory(path: RunFolder.join(folder, "charts")).write(report.charts.map { ($0.name, $0.svg) })
        try OutputDirectory(path: folder).write([("report.html", report.page.html())])
        return report.charts.map { "charts/" + $0.name } + ["report.html"]
    }

    /// The report of one run.
    package init(run: RunFolder) {
        let sections = RunSections(run: run)
        let record = run.record
        charts = sections.charts
        page = HTMLReport(
            title: "Placements for children in care: \(record.scenarioName)",
            subtitle: "A forecast of children in care, the places they need and what they cost, from \(ReportText.count(Double(record.replications))) simulated futures · run \(ReportText.date(run.runDate)) · seed \(record.seed)",
            sections: [sections.summary()] + sections.keySections()
                + [sections.measures(), sections.mtfs(), sections.method()].compactMap { $0 },
            footer: Self.pageFooter(record.toolVersion, folder: run.path))
    }

    /// The report of a comparison: base against each variant, then each run's own key charts.
    package init(comparison: ComparisonFolder) {
        let labels = comparison.labels
        let base = RunSections(run: comparison.base, label: labels[0], chartPrefix: comparison.baseName + "-")
        var sections: [HTMLReport.Section] = []
        var charts: [Chart] = []
        for (variant, label) in zip(comparison.variants, labels.dropFirst()) {
            let pair = ComparisonSections(base: comparison.base, baseName: comparison.baseName, baseLabel: labels[0],
                                          variant: variant, variantLabel: label)
            sections += pair.sections
            if let table = variant.measuresDifference, let measures = RunSections.measuresDifference(table, variantLabel: label, baseLabel: labels[0]) {
                sections.append(measures)
            }
            charts += pair.charts
        }
        sections += base.keySections()
        charts += base.charts
        for (variant, label) in zip(comparison.variants, labels.dropFirst()) {
            let own = RunSections(run: variant.run, label: label, chartPrefix: variant.name + "-")
            sections += own.keySections()
            charts += own.charts
        }
        sections.append(base.method(heading: "How this was made", others: comparison.variants.map(\.run),
                                    command: ReportText.compareCommand(comparison)))
        self.charts = charts
        page = HTMLReport(
            title: "Placements for children in care: \(labels.map { "'\($0)'" }.joined(separator: " against "))",
            subtitle: "A comparison of scenarios, each from \(ReportText.count(Double(comparison.base.record.replications))) simulated futures with the same chance events · run \(ReportText.date(comparison.base.runDate)) · seed \(comparison.base.record.seed)",
            sections: sections,
            footer: Self.pageFooter(comparison.base.record.toolVersion, folder: comparison.path))
    }

    /// The closing line of the page: the folder by its name only (a full path would tell
    /// readers of a published report where the files were kept, and help none of them).
    private static func pageFooter(_ version: String, folder: String) -> String {
        "Made by sufficiency \(version) from the files in the folder '\(ReportText.lastComponent(folder))'. Every figure can be reproduced from the scenario file, the seed and the number of replications."
    }
}
