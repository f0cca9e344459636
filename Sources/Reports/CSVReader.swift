import Foundation
import YAMLReader

/// A problem with an input file: the path, the 1-based line when there is one, and a message.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// Lower-case message; the user's text quoted in '…'.
    public var message: String

    public init(path: String, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: error: message`, or `path: error: message` without a line.
    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): error: \(message)" }
}

/// A CSV file read into rows of fields, each row remembering its line.
///
/// (The writer's table of typed cells is ``CSVTable``; this is what the reader gives back.)
package struct CSVFile: Sendable {
    /// Where the table came from, for messages.
    package var path: String
    /// The header row's names, trimmed.
    package var columns: [String]
    /// Data rows; a row may have more or fewer fields than `columns` (the caller decides).
    package var rows: [[String]]
    /// The 1-based line on which each row starts.
    package var lines: [Int]

    /// The index of the column named `name` (case-insensitive), if present.
    package func column(_ name: String) -> Int? {
        columns.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The index of a column the table must have, or an error naming the nearest column present.
    package func requiredColumn(_ name: String) throws(FileError) -> Int {
        if let index = column(name) { return index }
        throw FileError(path: path, line: 1, "missing column '\(name)'\(Suggestion.didYouMean(name, among: columns))")
    }
}

/// An RFC 4180 CSV reader, tolerant of what spreadsheets write: CRLF or LF line ends, a UTF-8
/// byte-order mark, quoted fields with doubled quotes and embedded newlines, blank lines.
package enum CSVReader {
    /// Reads and parses the file at `url`.
    package static func read(_ url: URL) throws(FileError) -> CSVFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FileError(path: url.path, "cannot read the file: \(error.localizedDescription)")
        }
        return try parse([UInt8](data), path: url.path)
    }

    /// Parses CSV bytes; the first non-blank row is the header.
    /// - Complexity: O(*n*) in the number of bytes.
    package static func parse(_ bytes: [UInt8], path: String) throws(FileError) -> CSVFile {
        // Excel's "Unicode Text" and some exports write UTF-16: every other byte of a header is 0.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(64).filter({ $0 == 0 }).count >= 8 {
            throw FileError(path: path, "is UTF-16 text (Excel's 'Unicode Text'), not a CSV this tool reads: save it as 'CSV UTF-8 (Comma delimited)'")
        }
        var records: [[String]] = []
        var lines: [Int] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        let n = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(fields)
                lines.append(recordLine)
            }
            fields.removeAll(keepingCapacity: true)
        }
        while i < n {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < n, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case 0x2C:
                endField()
            case 0x0D:
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw FileError(path: path, line: quoteLine, "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let header = records.first else { throw FileError(path: path, "the file is empty; expected a header row") }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        // Excel in a locale with a decimal comma saves "CSV" separated by ';', and "Text" by tabs.
        if columns.count == 1, let separator = [(";", "semicolons"), ("\t", "tabs")].first(where: { columns[0].contains($0.0) }) {
            throw FileError(path: path, line: 1, "the columns are separated by \(separator.1), not commas: save it as 'CSV UTF-8 (Comma delimited)'")
        }
        // A name given twice leaves which column is meant to chance: the first was read, the other
        // passed over without a word (found: a second DECOM column in a 903 episodes file).
        var seen: [String: Int] = [:]
        for (index, name) in columns.enumerated() where !name.isEmpty {
            guard let first = seen[name.lowercased()] else { seen[name.lowercased()] = index; continue }
            // Quoted only when it has a column name's shape (letters, '_', '-', spaces): a header
            // row that is really data must not carry a child's data into a message.
            let named = name.count <= 40 && name.allSatisfy { $0.isLetter || $0 == "_" || $0 == "-" || $0 == " " } ? "'\(name)' " : ""
            throw FileError(path: path, line: 1, "the column \(named)is named twice (columns \(first + 1) and \(index + 1)): remove or rename one, so that it is clear which is meant")
        }
        return CSVFile(path: path, columns: columns, rows: Array(records.dropFirst()), lines: Array(lines.dropFirst()))
    }
}
