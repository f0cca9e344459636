import Reports
import YAMLReader

/// What a 903 message may quote from a file: column names and LA names, never a child's data.
///
/// A header with shifted columns, or a first row that is data rather than a header, puts CHILD
/// ids, URNs, postcodes and dates where a column name or an LA name is expected. So a message
/// quotes a value only when it has the shape of what it should be: a column name is letters and
/// underscores; an LA name is letters with spaces and `'-,.&()`, or a three-digit LA code, or an
/// ONS code (`E06000035`). Anything else is counted, never quoted.
enum SafeEcho {
    /// Whether `name` looks like a column name (letters, underscores and spaces, at least two letters).
    static func isColumnName(_ name: String) -> Bool {
        var letters = 0
        for u in name.unicodeScalars {
            switch u {
            case "A"..."Z", "a"..."z": letters += 1
            case "_", " ": continue
            default: return false
            }
        }
        return letters >= 2
    }

    /// Whether `value` looks like the name or code of a local authority.
    static func isLAName(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 60 else { return false }
        if scalars.count == 3, scalars.allSatisfy({ ("0"..."9").contains($0) }) { return true }
        if scalars.count == 9, scalars[0] == "E", scalars.dropFirst().allSatisfy({ ("0"..."9").contains($0) }) { return true }
        var letters = 0
        for u in scalars {
            switch u {
            case "A"..."Z", "a"..."z": letters += 1
            case " ", "'", "-", ",", ".", "&", "(", ")": continue
            default: return false
            }
        }
        return letters >= 2
    }

    /// The column `name` of `table`, or an error that quotes only the header's column-like names.
    static func requiredColumn(_ table: CSVFile, _ name: String) throws(ImportError) -> Int {
        if let index = table.column(name) { return index }
        let names = table.columns.filter(isColumnName)
        let others = table.columns.count - names.count
        var message = "missing column '\(name)'\(Suggestion.didYouMean(name, among: names))"
        if others > 0 {
            message += "; \(others) of the \(table.columns.count) header fields are not column names"
                + " (is the header row missing, or are its columns shifted?)"
        }
        throw ImportError(path: table.path, line: 1, message)
    }

    /// `'Bromley', 'Kent'`, and a count of the values that are not LA names.
    static func laList(_ values: [String]) -> String {
        let names = values.filter(isLAName)
        var parts = names.prefix(20).map { "'\($0)'" }
        if names.count > 20 { parts.append("\(names.count - 20) more") }
        let others = values.count - names.count
        if others > 0 { parts.append("\(others) value\(others == 1 ? "" : "s") that \(others == 1 ? "is" : "are") not an LA name (are the columns shifted?)") }
        return parts.joined(separator: ", ")
    }
}
