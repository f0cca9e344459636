/// A JSON value whose objects keep their keys in the order given, with a deterministic writer.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    /// Keys in the order given; the writer does not sort or merge them.
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.number(x), .number(y)): x == y || (x.isNaN && y.isNaN)
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The JSON text: pretty (2-space indentation, one member per line) or compact.
    ///
    /// Doubles are written in their shortest round-trip form; infinities and NaN, which JSON
    /// cannot hold, are written as the strings ".inf", "-.inf" and ".nan".
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let value):
            if value.isNaN { out += "\".nan\"" }
            else if value.isInfinite { out += value > 0 ? "\".inf\"" : "\"-.inf\"" }
            else { out += value.description }
        case .string(let value): JSON.writeString(value, to: &out)
        case .array(let items):
            writeContainer(items, open: "[", close: "]", to: &out, pretty: pretty, indent: indent) { item, out in
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &out, pretty: pretty, indent: indent) { member, out in
                JSON.writeString(member.0, to: &out)
                out += pretty ? ": " : ":"
                member.1.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        }
    }

    private func writeContainer<T>(
        _ elements: [T], open: String, close: String, to out: inout String, pretty: Bool, indent: Int,
        element: (T, inout String) -> Void
    ) {
        out += open
        if elements.isEmpty {
            out += close
            return
        }
        let inner = String(repeating: "  ", count: indent + 1)
        for (index, item) in elements.enumerated() {
            if index > 0 { out += "," }
            if pretty { out += "\n" + inner }
            element(item, &out)
        }
        if pretty { out += "\n" + String(repeating: "  ", count: indent) }
        out += close
    }

    /// Writes a JSON string literal: `"` and `\` escaped, control characters as `\uXXXX`
    /// (with the short forms `\n`, `\t`, `\r`, `\b`, `\f`).
    static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
