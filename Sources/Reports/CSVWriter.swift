import Foundation

/// One cell of a CSV table: text, a whole number, or a number with fixed decimals.
///
/// Keeping the kind with the value lets the writer treat text and numbers differently:
/// text is guarded against spreadsheet formula injection, numbers are never altered.
package enum CSVField: Sendable, Equatable {
    /// Free text, written as given apart from quoting and formula neutralisation.
    case text(String)
    /// A whole number, written in plain decimal digits (`-12`, `4500`).
    case integer(Int)
    /// A number written with exactly `decimals` digits after a '.' (`decimals: 0` writes no point).
    case number(Double, decimals: Int)
}

/// A table written as RFC 4180 CSV that opens cleanly in Excel (UK locale) and any CSV reader.
///
/// The rules, in one place:
/// - **Separator and lines.** Fields are separated by `,`; every record, the last included,
///   ends with CRLF (`\r\n`). RFC 4180 §2.1 specifies CRLF and Excel writes it; Excel,
///   LibreOffice, Power BI, R and pandas read it, and a reader that splits on LF alone
///   still sees every record. One rule everywhere, so golden files are byte-exact.
/// - **Quoting.** A field is enclosed in double quotes only when it contains a comma, a
///   double quote, CR or LF; quotes inside are doubled (`say "hi"` → `"say ""hi"""`).
/// - **Numbers.** Written locale-independently: '.' as the decimal point, no thousands
///   separators, no currency symbol, fixed decimals (rounded as C's `printf` rounds the
///   binary value). Negative zero, and negatives that round to zero, are written unsigned
///   (`0.00`, never `-0.00`). NaN and infinities are written as an **empty field**: Excel
///   shows a blank cell, which `SUM`/`AVERAGE` skip, rather than text that breaks a
///   column's arithmetic; a long simulation run is not thrown away at the writing stage
///   over one undefined ratio. Callers that must never produce a blank check beforehand.
/// - **Formula neutralisation.** A *text* field starting with `=`, `+`, `-`, `@`, tab or CR
///   would be run by a spreadsheet as a formula (OWASP "CSV injection"), so it is written
///   with a single quote `'` in front (`=SUM(A1)` → `'=SUM(A1)`). Numeric fields are never
///   touched: `.integer(-3)` is written `-3` and stays a number in Excel. The header row
///   follows the same rules as text fields. Text that itself starts with `'` before one of
///   those characters (or another `'`) gets one more, so that ``restored(_:)`` gives back
///   exactly what was written: the apostrophe belongs to the CSV, never to a name in a report.
/// - **Text Excel reinterprets.** Excel silently turns some text into dates or numbers
///   (`1-4` → 1 April, `00123` → 123, `1E5` → 100000, long digit strings lose precision).
///   That is the caller's concern: write such values as numbers when they are numbers,
///   and avoid ambiguous labels (write age bands as `age 1 to 4`, not `1-4`).
/// - **Encoding and BOM.** The text is UTF-8, and every file starts with a byte-order mark
///   (U+FEFF, the bytes EF BB BF): without it Excel reads a CSV as Windows-1252 and shows
///   `Â£` for `£` and `Ã©` for `é`. One rule for every file, whatever its names, so that a
///   file does not change encoding the day a provider's name gains an accent; CSV readers
///   (Excel, LibreOffice, pandas with `utf-8-sig`, R's readr, this package's ``CSVReader``)
///   skip the mark. A table with no records writes an empty file.
package struct CSVTable: Sendable, Equatable {
    /// Column names, written as the first record; an empty header writes no header record.
    package var header: [String]
    /// The records; each must have as many fields as `header` has names (when it has any).
    package var rows: [[CSVField]]

    /// A table with the given header and rows.
    package init(header: [String], rows: [[CSVField]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The record separator: CRLF, as RFC 4180 specifies.
    package static let lineEnding = "\r\n"

    /// The whole file as text, starting with the byte-order mark.
    ///
    /// - Precondition: every row has `header.count` fields, unless `header` is empty.
    /// - Complexity: O(*n*) in the total length of the fields.
    package func rendered() -> String {
        var output = "\u{FEFF}"
        if !header.isEmpty {
            appendRecord(header.map(CSVField.text), to: &output)
        }
        for (index, row) in rows.enumerated() {
            precondition(
                header.isEmpty || row.count == header.count,
                "CSV row \(index) has \(row.count) fields but the header has \(header.count)")
            appendRecord(row, to: &output)
        }
        return output == "\u{FEFF}" ? "" : output
    }

    /// Appends one record and its line ending.
    private func appendRecord(_ fields: [CSVField], to output: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output += "," }
            output += Self.encode(field)
        }
        output += Self.lineEnding
    }

    /// One field as it appears in the file: neutralised, formatted and quoted as needed.
    package static func encode(_ field: CSVField) -> String {
        switch field {
        case .text(let text):
            return quotedIfNeeded(neutralised(text))
        case .integer(let value):
            return String(value)
        case .number(let value, let decimals):
            return format(value, decimals: decimals)
        }
    }

    /// `text` with a leading `'` if a spreadsheet would otherwise read it as a formula (or if
    /// it starts with `'` and what follows would be taken for a neutralised formula).
    package static func neutralised(_ text: String) -> String {
        isNeutralised("'" + text) ? "'" + text : text
    }

    /// A text field as it was before ``neutralised(_:)``: without the `'` the writer added.
    package static func restored(_ field: String) -> String {
        isNeutralised(field) ? String(field.dropFirst()) : field
    }

    /// Whether `field` starts with a `'` that the writer put there: apostrophes, then a
    /// formula character.
    private static func isNeutralised(_ field: String) -> Bool {
        let scalars = field.unicodeScalars
        guard scalars.first == "'", let next = scalars.first(where: { $0 != "'" }) else { return false }
        switch next {
        case "=", "+", "-", "@", "\t", "\r": return true
        default: return false
        }
    }

    /// `text` enclosed in double quotes, inner quotes doubled, if it holds `,`, `"`, CR or LF.
    package static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { scalar in
            scalar == "," || scalar == "\"" || scalar == "\r" || scalar == "\n"
        }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `value` with exactly `decimals` decimals and a '.' point, whatever the locale;
    /// empty for NaN and infinities; never a minus sign on a value that prints as zero.
    ///
    /// - Precondition: `0 <= decimals <= 17`.
    package static func format(_ value: Double, decimals: Int) -> String {
        precondition((0...17).contains(decimals), "CSV decimals must be 0 to 17, got \(decimals)")
        guard value.isFinite else { return "" }
        // String(format:) without a locale formats in the POSIX locale: '.' and no grouping.
        let text = String(format: "%.\(decimals)f", value)
        let printsAsZero = text.utf8.allSatisfy { "-0.".utf8.contains($0) }
        return printsAsZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
    }
}
