/// A single self-contained HTML page for councillors: inline CSS and SVG charts, no scripts,
/// no external fonts or links, printable to A4 PDF with sections flowing on from one another
/// (a chart, a table row or a heading is never split from what follows it).
///
/// The page is also well-formed XML (void elements closed, only XML entities), so tests can
/// check it with an XML parser.
public struct HTMLReport: Sendable {
    /// A simple table: a header row and rows of text; numeric columns are right-aligned.
    public struct Table: Sendable {
        public var header: [String]
        public var rows: [[String]]
        /// The columns to right-align; nil means every column whose cells all look like numbers
        /// or sums of money (`1,234`, `£1.2m`, `(£850k)`, `12%`).
        public var rightAligned: Set<Int>?

        public init(header: [String], rows: [[String]], rightAligned: Set<Int>? = nil) {
            self.header = header
            self.rows = rows
            self.rightAligned = rightAligned
        }

        /// The columns that are right-aligned, given or detected.
        public var numericColumns: Set<Int> {
            if let rightAligned { return rightAligned }
            let width = max(header.count, rows.map(\.count).max() ?? 0)
            return Set((0..<width).filter { column in
                let cells = rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !Self.blanks.contains($0) }
                return !cells.isEmpty && cells.allSatisfy(Self.looksNumeric)
            })
        }

        /// Cells that stand for "no figure" and do not decide a column's alignment.
        static let blanks: Set<String> = ["", "–", "-", "—"]

        /// Whether `cell` is a number, a sum of money or a range of them (`£1.2m to £1.5m`).
        static func looksNumeric(_ cell: String) -> Bool {
            let allowed = Set("0123456789£,.()%+-−kmbn ")
            let figures = cell.split(separator: " to ").joined(separator: " ")
            return figures.contains(where: \.isNumber) && figures.allSatisfy { allowed.contains($0) }
        }
    }

    /// One section: a heading, paragraphs, and optionally a chart (an SVG document) and a table.
    public struct Section: Sendable {
        public var heading: String
        public var paragraphs: [String]
        public var svg: String?
        public var table: Table?

        public init(heading: String, paragraphs: [String] = [], svg: String? = nil, table: Table? = nil) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.svg = svg
            self.table = table
        }
    }

    /// The default "how to read this" text: what the median and the 90% interval mean.
    public static let defaultHowToRead = [
        "These figures come from simulating the same scenario many times, each time with different chance events (which children come into care, when they move, when they leave). The median is the middle result: half the simulated futures were above it and half below. It is our central estimate, not a promise.",
        "The 90% interval (the lighter shaded band, or the whisker on a column) is the range within which 90 out of 100 simulated futures fell. A wide band means the outcome is genuinely uncertain; plan for the upper end where the cost of running short is high. Where a darker band is shown, it holds the middle half of the futures.",
    ]

    public var title: String
    /// The line under the title: scenario name, run date, seed and replications.
    public var subtitle: String
    public var sections: [Section]
    public var howToRead: [String]
    /// The closing line on the page, e.g. how the report was produced.
    public var footer: String

    public init(
        title: String, subtitle: String, sections: [Section],
        howToRead: [String] = HTMLReport.defaultHowToRead, footer: String = ""
    ) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.howToRead = howToRead
        self.footer = footer
    }

    /// The complete page.
    public func html() -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en-GB\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<title>\(Self.escape(title))</title>",
            "<style>",
            Self.css,
            "</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>\(Self.escape(title))</h1>",
            "<p class=\"subtitle\">\(Self.escape(subtitle))</p>",
            "</header>",
        ]
        if !howToRead.isEmpty {
            lines.append("<aside class=\"how-to-read\">")
            lines.append("<h2>How to read this report</h2>")
            lines += howToRead.map { "<p>\(Self.escape($0))</p>" }
            lines.append("</aside>")
        }
        for section in sections { lines += Self.render(section) }
        if !footer.isEmpty { lines.append("<footer>\(Self.escape(footer))</footer>") }
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ section: Section) -> [String] {
        var lines = ["<section>", "<h2>\(escape(section.heading))</h2>"]
        lines += section.paragraphs.map { "<p>\(escape($0))</p>" }
        if let svg = section.svg {
            lines += ["<figure class=\"chart\">", svg.trimmingTrailingNewlines, "</figure>"]
        }
        if let table = section.table { lines += render(table) }
        lines.append("</section>")
        return lines
    }

    private static func render(_ table: Table) -> [String] {
        let numeric = table.numericColumns
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { column, text in
                let attribute = numeric.contains(column) ? " class=\"num\"" : ""
                return "<\(tag)\(attribute)>\(escape(text))</\(tag)>"
            }.joined()
        }
        var lines = ["<table>", "<thead><tr>\(cells(table.header, tag: "th"))</tr></thead>", "<tbody>"]
        lines += table.rows.map { "<tr>\(cells($0, tag: "td"))</tr>" }
        lines += ["</tbody>", "</table>"]
        return lines
    }

    /// Escapes text for HTML (and XML) content and attributes.
    static func escape(_ text: String) -> String { SVGCanvas.escape(text) }

    /// Screen and A4 print styles; system fonts only.
    static let css = """
        body { font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 860px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 21px; margin: 28px 0 8px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; }
        .subtitle { color: #444444; margin: 0 0 16px; }
        .how-to-read { background: #f2f6fa; border-left: 4px solid #0072B2; padding: 4px 16px; margin: 16px 0; }
        .how-to-read h2 { border: none; font-size: 18px; margin: 8px 0 4px; }
        figure.chart { margin: 16px 0; break-inside: avoid; page-break-inside: avoid; }
        figure.chart svg { display: block; width: 100%; height: auto; max-width: 800px; }
        table { border-collapse: collapse; margin: 16px 0; font-size: 14px; }
        th, td { padding: 4px 12px; border-bottom: 1px solid #cccccc; text-align: left; vertical-align: top; }
        th { background: #e8e8e8; border-bottom: 2px solid #4d4d4d; }
        tbody tr:nth-child(even) { background: #f7f7f7; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid #cccccc; color: #555555; font-size: 13px; }
        @page { size: A4; margin: 15mm 14mm; }
        @media print {
          body { font-size: 11pt; max-width: none; padding: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          h1 { font-size: 20pt; }
          h2 { font-size: 15pt; break-after: avoid; page-break-after: avoid; }
          h2 + p, h2 + figure { break-before: avoid; page-break-before: avoid; }
          figure.chart svg { max-height: 120mm; }
          table { font-size: 9.5pt; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
        }
        """
}

extension String {
    /// The string without trailing newlines.
    fileprivate var trimmingTrailingNewlines: String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
