/// Text from a file made safe to print on a terminal: characters that would move the cursor,
/// ring the bell, change colours, break the line or reorder the text are written as the
/// escapes a YAML double-quoted string uses (`\e`, `\a`, `\n`, `\x7F`, `\u202E`), so a name
/// or key holding them is shown, not obeyed.
public enum Escaping {
    /// `text` with every control character escaped; tabs are kept only if `keepingTabs`.
    public static func visible(_ text: some StringProtocol, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingTabs: keepingTabs) }) else { return String(text) }
        var out = ""
        for scalar in text.unicodeScalars { out += visible(scalar, keepingTabs: keepingTabs) }
        return out
    }

    /// One scalar as it is shown: itself, or its escape.
    static func visible(_ scalar: Unicode.Scalar, keepingTabs: Bool) -> String {
        guard needsEscape(scalar, keepingTabs: keepingTabs) else { return String(scalar) }
        switch scalar {
        case "\0": return "\\0"
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\u{0B}": return "\\v"
        case "\u{0C}": return "\\f"
        case "\r": return "\\r"
        case "\u{1B}": return "\\e"
        case "\u{85}": return "\\N"
        case "\u{2028}": return "\\L"
        case "\u{2029}": return "\\P"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value <= 0xFF
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional overrides
    /// and isolates (which can make a line read differently from what it holds) and U+FEFF.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingTabs: Bool) -> Bool {
        let v = scalar.value
        if v == 9 { return !keepingTabs }
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            || v == 0x061C || v == 0xFEFF
    }
}
