import Reports

/// A 903 collection year: 1 April to 31 March, named by the year in which it ends.
public struct CollectionYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year of the 31 March that ends this collection year (2018 for 2017/18).
    public let endingYear: Int

    public init(endingYear: Int) { self.endingYear = endingYear }

    /// The collection year that contains `day`.
    public init(containing day: Int) {
        let c = CivilDate.civil(day)
        endingYear = c.month >= 4 ? c.year + 1 : c.year
    }

    /// `2017/18`, as DfE and councils write it.
    public var description: String {
        let next = endingYear % 100
        return "\(endingYear - 1)/\(next < 10 ? "0" : "")\(next)"
    }

    /// 1 April that opens the year, as a day number.
    public var firstDay: Int { CivilDate.days(year: endingYear - 1, month: 4, day: 1) }
    /// 31 March that closes the year, as a day number.
    public var lastDay: Int { CivilDate.days(year: endingYear, month: 3, day: 31) }

    public static func < (a: Self, b: Self) -> Bool { a.endingYear < b.endingYear }
}

/// A problem that stops an import: a missing file or column, a malformed CSV, an ambiguous LA.
/// The same type as the shared CSV reader's errors, so a CSV problem passes through unchanged.
public typealias ImportError = FileError
