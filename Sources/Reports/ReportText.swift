import ScenarioModel
/// How the report writes figures, dates and names for a councillor.
enum ReportText {
    /// A whole count with thousands separators: `1,234`.
    static func count(_ value: Double) -> String { DecimalText.fixed(value, 0, grouped: true) }

    /// A 90% interval of counts: `448 to 491`.
    static func countInterval(_ low: Double, _ high: Double) -> String { count(low) + " to " + count(high) }

    /// A 90% interval of money in short form: `£33.6m to £36.8m`.
    static func moneyInterval(_ low: Double, _ high: Double) -> String {
        Money.short(low) + " to " + Money.short(high)
    }

    /// A change in money with its sign always written: `+£86k`, `-£1.4m`, `£0`.
    static func change(_ pounds: Double) -> String {
        let text = Money.short(pounds)
        return pounds > 0 && text != "£0" ? "+" + text : text
    }

    /// A 90% interval of a change in money: `-£1.4m to +£1.6m`.
    static func changeInterval(_ low: Double, _ high: Double) -> String { change(low) + " to " + change(high) }

    /// `2025-06-01` as `1 June 2025`; anything else as given.
    static func date(_ iso: String) -> String { Day(iso: iso.prefix(10))?.longDescription ?? iso }

    /// A name from the files with its first letter capitalised, for a label: `In-house fostering`.
    static func label(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }

    /// The line under every chart: the run's name (by default its scenario's), seed and run date.
    static func chartFooter(_ run: RunFolder, label: String? = nil) -> String {
        "\(label ?? run.record.scenarioName) · seed \(run.record.seed) · run \(date(run.runDate))"
    }

    /// The command that makes `run` again: `sufficiency run FILE --seed N --replications N --set …`.
    static func runCommand(_ run: RunFolder) -> String {
        let record = run.record
        return "sufficiency run \(shellWord(record.scenario.isEmpty ? "SCENARIO" : record.scenario)) --seed \(record.seed) --replications \(record.replications)"
            + record.overrides.map { " --set \(shellWord($0))" }.joined()
    }

    /// The command that makes a comparison again: `sufficiency compare BASE VARIANT… --seed N
    /// --replications N --set …`. A variant that is the base with `--set` changes names no file.
    static func compareCommand(_ comparison: ComparisonFolder) -> String {
        let base = comparison.base.record
        let file = { (scenario: String) in shellWord(scenario.isEmpty ? "SCENARIO" : scenario) }
        let variants = comparison.variants.map(\.run.record.scenario).filter { $0 != base.scenario }
        let overrides = comparison.variants.first?.run.record.overrides ?? []
        return "sufficiency compare " + ([file(base.scenario)] + variants.map(file)).joined(separator: " ")
            + " --seed \(base.seed) --replications \(base.replications)" + overrides.map { " --set \(shellWord($0))" }.joined()
    }

    /// `word` as one word for a POSIX shell: as it is when it is safe, otherwise in single quotes.
    static func shellWord(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/=%:+,-@")
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The file or folder name at the end of `path`, for a page that may be read on another
    /// machine: a report never shows where the files were on the machine that made it.
    static func lastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.last.map(String.init) ?? path
    }

    /// The financial years simulated in part, in words: "2025/26 from 1 October 2025, and 2029/30
    /// to 30 September 2029" (a single year part-simulated: "2025/26 from … to …"), and how many;
    /// `nil` when every year is whole. `from` and `to` are the first and last days simulated.
    static func partYears(first: String, last: String, from: String, to: String, startsLate: Bool, endsEarly: Bool)
        -> (text: String, count: Int)?
    {
        guard startsLate || endsEarly else { return nil }
        if first == last { return ("\(first) from \(from) to \(to)", 1) }
        let parts = (startsLate ? ["\(first) from \(from)"] : []) + (endsEarly ? ["\(last) to \(to)"] : [])
        return (parts.joined(separator: ", and "), parts.count)
    }

    /// The month-end date of 31 March that closes `financialYear` (`2025/26` → `2026-03-31`).
    static func yearEnd(_ financialYear: String) -> String? {
        FinancialYear(label: Substring(financialYear))?.lastDay.description
    }
}
