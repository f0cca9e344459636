/// What a plain scalar means under the YAML 1.2 core schema.
public enum Resolved: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

extension Node.Scalar {
    /// The scalar's meaning under the YAML 1.2 core schema; quoted and block scalars are always strings.
    ///
    /// Integers too large for `Int` resolve to strings here; the reader rejects them before.
    public var resolved: Resolved {
        guard style == .plain else { return .string(text) }
        switch Meaning.core(text) {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value?): return .int(value)
        case .float(let value): return .float(value)
        default: return .string(text)
        }
    }
}

/// What a plain scalar means to one YAML reader: the core schema of YAML 1.2, or PyYAML's YAML 1.1.
///
/// Comparing the two finds the plain scalars that standard readers disagree about, so that a file
/// can be rejected rather than read differently by us and by editors or other tools.
enum Meaning: Equatable {
    case null
    case bool(Bool)
    /// An integer; `nil` when it does not fit in `Int`.
    case int(Int?)
    case float(Double)
    /// A `YYYY-MM-DD` date (PyYAML makes a date object of it), and whether it is a real calendar date.
    case date(valid: Bool)
    /// A date and time, which PyYAML makes a datetime object of.
    case timestamp
    case text
    /// A value PyYAML gives a special meaning or rejects (`<<`, `=`, malformed numbers).
    case special

    static func == (a: Meaning, b: Meaning) -> Bool {
        switch (a, b) {
        case (.null, .null), (.timestamp, .timestamp), (.text, .text), (.special, .special): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.float(let x), .float(let y)): x == y || (x.isNaN && y.isNaN)
        case (.date(let x), .date(let y)): x == y
        default: false
        }
    }

    /// The YAML 1.2 core schema's reading (YAML 1.2.2 §10.3.2).
    static func core(_ text: String) -> Meaning {
        // Every special word is at most five characters long: compare only short texts.
        if text.utf8.count <= 5 {
            switch text {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
            case ".nan", ".NaN", ".NAN": return .float(.nan)
            default: break
            }
        }
        // Past the words above, only text starting with a digit, sign or dot can be a number or date.
        guard let first = text.utf8.first, first < 0x3A, first != 0x20 else { return .text }
        let base = Pattern(text)
        var p = base
        if p.sign(), p.digits() > 0, p.done { return .int(Int(text)) }
        p = base
        if p.literal("0o"), p.digits(octal: true) > 0, p.done {
            return .int(Int(text.dropFirst(2), radix: 8))
        }
        p = base
        if p.literal("0x"), p.hexDigits() > 0, p.done { return .int(Int(text.dropFirst(2), radix: 16)) }
        p = base
        _ = p.sign()
        let mantissa: Bool
        if p.literal(".") {
            mantissa = p.digits() > 0
        } else if p.digits() > 0 {
            if p.literal(".") { _ = p.digits() }
            mantissa = true
        } else {
            mantissa = false
        }
        if mantissa {
            if p.literal("e") || p.literal("E") {
                _ = p.sign()
                if p.digits() == 0 { return .text }
            }
            if p.done { return Double(normalizedFloat(text)).map { .float($0) } ?? .text }
        }
        return .text
    }

    /// PyYAML 6's reading (YAML 1.1 implicit resolvers of `resolver.py`), with the YAML 1.1
    /// booleans `y`, `n` that PyYAML leaves out but other 1.1 readers honour.
    static func pyyaml(_ text: String) -> Meaning {
        if text.utf8.count <= 5 {
            switch text {
            case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "y", "Y":
                return .bool(true)
            case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "n", "N":
                return .bool(false)
            case "", "~", "null", "Null", "NULL": return .null
            case "<<", "=": return .special
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
            case ".nan", ".NaN", ".NAN": return .float(.nan)
            default: break
            }
        }
        let plain = text.filter { $0 != "_" }
        // Floats: [-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9][0-9_]*([eE][-+][0-9]+)?
        //       | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
        // Past the words above, only text starting with a digit, sign or dot can be a number or date.
        guard let first = text.utf8.first, first < 0x3A, first != 0x20 else { return .text }
        let base = Pattern(text)
        var p = base
        if p.sign(), p.digits(underscores: true, first: true) > 0, p.literal("."),
            p.digitsOrNone(underscores: true),
            p.exponent11(), p.done
        {
            return Double(normalizedFloat(plain)).map { .float($0) } ?? .special
        }
        p = base
        if p.literal("."), p.digits(underscores: true, first: true) > 0, p.exponent11(), p.done {
            return Double(normalizedFloat(plain)).map { .float($0) } ?? .special
        }
        p = base
        if p.sign(), p.digits(underscores: true, first: true) > 0, p.sexagesimalParts() > 0,
            p.literal("."),
            p.digitsOrNone(underscores: true), p.done
        {
            return sexagesimal(plain).map { .float($0) } ?? .special
        }
        // Integers.
        p = base
        let signed = p.sign()
        if signed, p.literal("0b"), p.count(where: { $0 == "0" || $0 == "1" || $0 == "_" }) > 0, p.done {
            return integer(plain, prefix: "0b", radix: 2)
        }
        p = base
        if p.sign(), p.literal("0x"), p.count(where: { $0.isHexDigit || $0 == "_" }) > 0, p.done {
            return integer(plain, prefix: "0x", radix: 16)
        }
        p = base
        if p.sign(), p.literal("0"), p.count(where: { ("0"..."7").contains($0) || $0 == "_" }) > 0,
            p.done
        {
            return integer(plain, prefix: "0", radix: 8)
        }
        p = base
        if p.sign(), p.literal("0"), p.done { return .int(0) }
        p = base
        if p.sign(), p.nonZeroDigit(), p.count(where: { $0.isASCIIDigit || $0 == "_" }) >= 0 {
            if p.done { return integer(plain, prefix: "", radix: 10) }
            if p.sexagesimalParts() > 0, p.done {
                return sexagesimal(plain).map { .int(Int(exactly: $0)) } ?? .special
            }
        }
        // Timestamps.
        p = base
        if p.fixedDigits(4), p.literal("-") {
            let afterYear = p
            if p.fixedDigits(2), p.literal("-"), p.fixedDigits(2), p.done {
                return .date(valid: isRealDate(text))
            }
            p = afterYear
            if p.digitsBetween(1, 2), p.literal("-"), p.digitsBetween(1, 2),
                p.literal("T") || p.literal("t") || p.count(where: { $0 == " " || $0 == "\t" }) > 0,
                p.digitsBetween(1, 2), p.literal(":"), p.fixedDigits(2), p.literal(":"), p.fixedDigits(2)
            {
                return .timestamp  // a trailing fraction or zone does not change the verdict: never plain text
            }
        }
        return .text
    }

    /// Whether `YYYY-MM-DD` names a day of the Gregorian calendar (year 1 to 9999, as Python's `date`).
    static func isRealDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, parts[0] >= 1, (1...12).contains(parts[1]) else { return false }
        let year = parts[0]
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parts[1] - 1]
        return (1...days).contains(parts[2])
    }

    /// `1.` → `1.0`, `.5` → `0.5`, `+1` → `1`, so that `Double.init` accepts every YAML spelling.
    static func normalizedFloat(_ text: String) -> String {
        var out = ""
        var previous: Character = " "
        for c in text {
            if c == "+" && (previous == " " || previous == "e" || previous == "E") {
                previous = c
                continue
            }
            if c == "." && !previous.isASCIIDigit { out.append("0") }
            if (c == "e" || c == "E") && previous == "." { out.append("0") }
            out.append(c)
            previous = c
        }
        if previous == "." { out.append("0") }
        return out
    }

    private static func integer(_ plain: String, prefix: String, radix: Int) -> Meaning {
        var body = Substring(plain)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        body = body.dropFirst(prefix.count)
        if body.isEmpty { return prefix == "0" ? .int(0) : .special }
        guard let magnitude = Int(body, radix: radix) else { return .int(nil) }
        return .int(negative ? -magnitude : magnitude)
    }

    /// PyYAML's base-60 numbers: `1:30` is 90.
    private static func sexagesimal(_ plain: String) -> Double? {
        var body = Substring(plain)
        var sign = 1.0
        if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        var value = 0.0
        for part in body.split(separator: ":", omittingEmptySubsequences: false) {
            guard let digit = Double(normalizedFloat(String(part))) else { return nil }
            value = value * 60 + digit
        }
        return sign * value
    }
}
