import Foundation

/// What happened to every row of the return: aggregate counts only, never identifiers.
///
/// For each table, rows read = rows used + rows merged + rows rejected. *Merged* rows repeat
/// information held by another row (an exact duplicate, an episode carried into the next year's
/// return); *rejected* rows could not be used (a bad date, a code not valid for the year).
/// *Adjusted* counts are notes on rows that were used but changed (an overlap truncated).
public struct DataQualityReport: Sendable, Equatable {
    /// What happened to the rows a line counts.
    public enum Outcome: String, Sendable, CaseIterable, Comparable {
        case rejected, merged, adjusted
        public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    /// One reason, in one table.
    public struct Key: Sendable, Hashable, Comparable {
        public var table: Table
        public var outcome: Outcome
        public var reason: String
        public static func < (a: Self, b: Self) -> Bool { (a.table, a.outcome, a.reason) < (b.table, b.outcome, b.reason) }
    }

    public var rowsRead: [Table: Int] = [:]
    public var rowsUsed: [Table: Int] = [:]
    public var counts: [Key: Int] = [:]
    /// How collection years were decided, and similar notes (no data).
    public var notes: [String] = []

    public init() {}

    /// Counts `n` rows of `table` under `reason`.
    public mutating func count(_ table: Table, _ outcome: Outcome, _ reason: String, _ n: Int = 1) {
        counts[Key(table: table, outcome: outcome, reason: reason), default: 0] += n
    }

    /// Rows of `table` with `outcome`, over all reasons.
    public func total(_ table: Table, _ outcome: Outcome) -> Int {
        counts.filter { $0.key.table == table && $0.key.outcome == outcome }.values.reduce(0, +)
    }

    /// Whether every row read is accounted for, in every table.
    public var isBalanced: Bool {
        Table.allCases.allSatisfy { t in
            (rowsRead[t] ?? 0) == (rowsUsed[t] ?? 0) + total(t, .merged) + total(t, .rejected)
        }
    }

    /// The report as plain text, for printing.
    public var text: String {
        var out = "data quality report\n"
        for note in notes { out += "  \(note)\n" }
        for table in Table.allCases where (rowsRead[table] ?? 0) > 0 {
            let read = rowsRead[table] ?? 0
            out += "\n\(table.rawValue): \(read) rows read, \(rowsUsed[table] ?? 0) used, "
            out += "\(total(table, .merged)) merged, \(total(table, .rejected)) rejected\n"
            for (key, n) in counts.sorted(by: { $0.key < $1.key }) where key.table == table {
                out += "  \(key.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(n).leftPadded(6))  \(key.reason)\n"
            }
        }
        return out
    }

    /// The report as CSV: `table,outcome,reason,rows`, with the totals first.
    public var csv: String {
        var out = "table,outcome,reason,rows\r\n"
        func quote(_ s: String) -> String { s.contains(where: { $0 == "," || $0 == "\"" || $0 == "'" }) ? "\"\(s.replacingOccurrences(of: "\"", with: "\"\""))\"" : s }
        for table in Table.allCases where (rowsRead[table] ?? 0) > 0 {
            out += "\(table.rawValue),read,all rows,\(rowsRead[table] ?? 0)\r\n"
            out += "\(table.rawValue),used,rows used,\(rowsUsed[table] ?? 0)\r\n"
            for (key, n) in counts.sorted(by: { $0.key < $1.key }) where key.table == table {
                out += "\(table.rawValue),\(key.outcome.rawValue),\(quote(key.reason)),\(n)\r\n"
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
