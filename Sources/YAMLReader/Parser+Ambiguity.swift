/// Checks of plain scalars that YAML readers disagree about, or that cannot be keys.
extension Parser {
    /// Reports a plain value that YAML 1.1 and YAML 1.2 readers read differently.
    mutating func checkPlainValue(_ text: String, at mark: Mark) {
        if let message = Parser.ambiguity(of: text) { report(message, at: mark) }
    }

    /// Reports a plain key that readers disagree about, or that means something other than its text.
    mutating func checkPlainKey(_ text: String, at mark: Mark) {
        if text == "<<" {
            report("merge keys ('<<') are not supported; write the keys out in full", at: mark)
        } else if let message = Parser.ambiguity(of: text) {
            report(message, at: mark)
        } else {
            switch Meaning.core(text) {
            case .text: break
            case .int(let value?) where String(value) == text: break
            case let meaning:
                report(
                    "the key '\(text)' means \(Parser.describe(meaning, text)) to YAML readers, not the text; quote it to use it as a name",
                    at: mark)
            }
        }
    }

    /// The message for a plain scalar that the YAML 1.2 core schema and PyYAML (YAML 1.1) read
    /// differently, or that does not fit its type; `nil` when all readers agree.
    package static func ambiguity(of text: String) -> String? {
        guard let first = text.unicodeScalars.first, "-+.0123456789~<=NnYyOoTtFf".unicodeScalars.contains(first) else {
            return nil  // every special spelling starts with one of these
        }
        let core = Meaning.core(text)
        let old = Meaning.pyyaml(text)
        if case .int(nil) = core {
            return "'\(text)' is too large for a whole number (at most \(Int.max)); quote it to mean the text"
        }
        if core == old { return nil }
        if core == .text, case .date(let valid) = old {
            return valid
                ? nil
                : "'\(text)' looks like a date but is not a real one: correct the month or the day (some YAML readers reject it), or quote it to mean the text"
        }
        let advice: String
        if case .bool = old {
            advice = "write true or false, or quote it to mean the text"
        } else if case .bool = core {
            advice = "write true or false, or quote it to mean the text"
        } else if let number = canonical(core) ?? canonical(old) {
            advice = "write \(number) for the number, or quote it to mean the text"
        } else {
            advice = "quote it to mean the text"
        }
        return "'\(text)' means \(describe(old, text)) in some YAML readers and \(describe(core, text)) in others; \(advice)"
    }

    /// The number written so every reader agrees: `1e+300` is text to YAML 1.1, which needs a
    /// dot before the exponent (`1.0e+300`). A whole number is written whole (`1e3` → `1000`, not
    /// `1000.0`, which a count such as `replications` refuses as not whole).
    private static func canonical(_ meaning: Meaning) -> String? {
        switch meaning {
        case .int(let value?): return String(value)
        case .float(let value) where value.isFinite && value == value.rounded() && abs(value) < 1e15:
            return String(Int(value))
        case .float(let value) where value.isFinite:
            let text = value.description
            guard !text.contains("."), let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
            return text[..<e] + ".0" + text[e...]
        default: return nil
        }
    }

    static func describe(_ meaning: Meaning, _ text: String) -> String {
        switch meaning {
        case .null: "null (no value)"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): value.map { "the number \($0)" } ?? "a number"
        case .float(let value):
            value.isNaN ? "not-a-number" : value.isInfinite ? (value > 0 ? "infinity" : "minus infinity") : "the number \(value)"
        case .date: "a date"
        case .timestamp: "a date and time"
        case .text: "the text '\(text)'"
        case .special: "something special (or an error)"
        }
    }
}
