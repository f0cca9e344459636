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
///   follows the same rules as text fields.
/// - **Text Excel reinterprets.** Excel silently turns some text into dates or numbers
///   (`1-4` → 1 April, `00123` → 123, `1E5` → 100000, long digit strings lose precision).
///   That is the caller's concern: write such values as numbers when they are numbers,
///   and avoid ambiguous labels (write age bands as `age 1 to 4`, not `1-4`).
/// - **Encoding and BOM.** The text is UTF-8. A byte-order mark (U+FEFF) is written first
///   if and only if some header or text field holds a non-ASCII character (`£`, `é`, `–`):
///   without it Excel reads the file as Windows-1252 and shows `Â£`. Pure-ASCII files get
///   no BOM, so they stay byte-identical to what plain tools (`cut`, `awk`, `diff`) expect.
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

    /// The whole file as text, BOM included when the rule above asks for one.
    ///
    /// - Precondition: every row has `header.count` fields, unless `header` is empty.
    /// - Complexity: O(*n*) in the total length of the fields.
    package func rendered() -> String {
        var output = ""
        var needsBOM = false
        if !header.isEmpty {
            appendRecord(header.map(CSVField.text), to: &output, needsBOM: &needsBOM)
        }
        for (index, row) in rows.enumerated() {
            precondition(
                header.isEmpty || row.count == header.count,
                "CSV row \(index) has \(row.count) fields but the header has \(header.count)")
            appendRecord(row, to: &output, needsBOM: &needsBOM)
        }
        return needsBOM ? "\u{FEFF}" + output : output
    }

    /// Appends one record and its line ending, noting whether any text was non-ASCII.
    private func appendRecord(_ fields: [CSVField], to output: inout String, needsBOM: inout Bool) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output += "," }
            if case .text(let text) = field, !needsBOM, text.unicodeScalars.contains(where: { !$0.isASCII }) {
                needsBOM = true
            }
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

    /// `text` with a leading `'` if a spreadsheet would otherwise read it as a formula.
    package static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + text
        default: return text
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
