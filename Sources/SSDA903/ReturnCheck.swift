import Foundation

/// Whether a return, as read and stitched, is fit to calibrate from: a return whose rows are
/// mostly rejected, or whose dates look the other way round, gives a scenario that is silently
/// wrong, so the commands stop (unless told to go on) with counts that say why.
public enum ReturnCheck {
    /// The largest share of episode rows that may be rejected before the return is refused.
    ///
    /// A council's own return rejects well under 5% in practice (the synthetic returns inject
    /// 0.2% per fault kind, and the samples reject under 2%); more than a fifth means the file
    /// was read the wrong way (swapped dates, shifted columns, another year's codes).
    public static let maximumRejectedShare = 0.2

    /// Why `data` should not be calibrated from, as counts and file paths only; nil when it is fine.
    public static func problems(_ data: StitchedReturn) -> String? {
        var problems: [String] = []
        let report = data.report
        let read = report.rowsRead[.episodes] ?? 0, rejected = report.total(.episodes, .rejected)
        if read > 0, Double(rejected) > maximumRejectedShare * Double(read) {
            let reasons = report.counts.filter { $0.key.table == .episodes && $0.key.outcome == .rejected }
                .sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4)
                .map { "\($0.value) \($0.key.reason)" }
            problems.append("\(rejected) of \(read) episode rows (\(percent(rejected, read))) were rejected, more than the "
                            + "\(Int(maximumRejectedShare * 100))% allowed: " + reasons.joined(separator: "; "))
        }
        let swapped = data.dateOrder.monthFirstFiles
        if !swapped.isEmpty {
            let n = swapped.reduce((0, 0)) { ($0.0 + data.dateOrder.byFile[$1]!.monthFirst, $0.1 + data.dateOrder.byFile[$1]!.dayFirst) }
            problems.append("the dates look like mm/dd/YYYY (month first) in \(swapped.count) file\(swapped.count == 1 ? "" : "s"): "
                            + "\(n.0) dates have a second number over 12 (a day) and \(n.1) a first number over 12; "
                            + "raw 903 files write dd/mm/YYYY (\(swapped.map(shortPath).joined(separator: ", ")))")
        }
        guard !problems.isEmpty else { return nil }
        return "the return does not look right as read, so the figures would be wrong: " + problems.joined(separator: "; and ")
    }

    private static func percent(_ n: Int, _ of: Int) -> String { "\(Int((100 * Double(n) / Double(of)).rounded()))%" }

    /// `2022/episodes.csv`: the folder and file, enough to find it.
    private static func shortPath(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }
}
