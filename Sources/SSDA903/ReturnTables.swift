/// Where a row came from: enough for a person to find it, never copied into outputs.
package struct RowSource: Sendable, Hashable {
    package var file: String
    package var line: Int
}

/// One row of the episodes table, fields as written (dates not yet parsed; postcodes and URN
/// are not kept: nothing downstream needs them, so they cannot leak).
package struct EpisodeRow: Sendable {
    package var child: String
    package var decom: String
    package var rne: String
    package var ls: String
    package var place: String
    package var provider: String
    package var dec: String
    package var rec: String
    package var reasonPlaceChange: String
    package var year: CollectionYear
    package var source: RowSource
}

/// One row of the header table (UPN and ethnicity are not kept).
package struct HeaderRow: Sendable {
    package var child: String
    package var dob: String
    /// `1` when the child is a mother.
    package var mother: String
    package var year: CollectionYear
    package var source: RowSource
}

/// One row of the uasc table.
package struct UASCRow: Sendable {
    package var child: String
    package var dob: String
    package var year: CollectionYear
    package var source: RowSource
}

/// One row of the OC3 table (care leavers at 17–21).
package struct OC3Row: Sendable {
    package var child: String
    package var dob: String
    package var accommodation: String
    package var year: CollectionYear
    package var source: RowSource
}

/// The 903 tables, for one LA, over one or more collection years, as read.
public struct Return903: Sendable {
    package var episodes: [EpisodeRow] = []
    package var headers: [HeaderRow] = []
    package var uasc: [UASCRow] = []
    package var oc3: [OC3Row] = []
    /// Rows the readers could not use at all (a wrong number of fields), by table and reason.
    package var unreadable: [Table: [String: Int]] = [:]
    /// How each file's collection year was decided, one line per file set (no data).
    public var yearNotes: [String] = []
    /// How day and month are ordered in `nn/nn/YYYY` dates, file by file.
    public var dateOrder = DateOrder()
    /// The LA whose rows were taken from each regional folder read, as the files spell it
    /// (empty for a raw return, which holds one council's rows and no LA column).
    public var regionalLAs: [String] = []

    /// The collection years present, oldest first.
    public var years: [CollectionYear] { Array(Set(episodes.map(\.year))).sorted() }

    package init() {}

    /// Adds the rows of `other` (another year, another folder).
    package mutating func append(_ other: Return903) {
        episodes += other.episodes
        headers += other.headers
        uasc += other.uasc
        oc3 += other.oc3
        for (table, reasons) in other.unreadable {
            for (reason, count) in reasons { unreadable[table, default: [:]][reason, default: 0] += count }
        }
        yearNotes += other.yearNotes
        dateOrder.add(other.dateOrder)
        regionalLAs += other.regionalLAs
    }
}

/// The four tables of the return.
public enum Table: String, CaseIterable, Sendable, Comparable {
    case episodes, header, uasc, oc3
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
