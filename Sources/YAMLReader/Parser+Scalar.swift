/// Plain, quoted and block scalars.
extension Parser {
    /// Reads a plain scalar that ends on its line: at a line end, at `: ` (or `:` before a flow
    /// indicator inside `[...]`/`{...}`), before ` #`, and inside flow collections at `,[]{}?`.
    ///
    /// Plain text continued on the next line is detected by the callers and rejected.
    mutating func scanPlain(flow: Bool) -> String {
        let start = i
        var end = i
        while i < s.count {
            let c = s[i]
            if Parser.isBreak(c) { break }
            if c == ":" {
                let next = peek(1)
                if Parser.isBlank(next) || (flow && Parser.isFlowIndicator(next)) { break }
            } else if flow && (Parser.isFlowIndicator(c) || c == "?") {
                break
            } else if Parser.isSpace(c) {
                var j = i
                while j < s.count, Parser.isSpace(s[j]) { j += 1 }
                if j >= s.count || s[j] == "#" || Parser.isBreak(s[j]) { break }
                // PyYAML ends flow text before ' :' and reads the ':' as a value indicator; YAML 1.2
                // continues the text. Stop here so that the flow parser rejects it.
                if flow && s[j] == ":" { break }
                while i < j {
                    if s[i] == "\t" { reportTab() }
                    i += 1
                }
                continue
            }
            i += 1
            end = i
        }
        i = end
        return Parser.string(s[start..<end])
    }

    static func isFlowIndicator(_ c: Unicode.Scalar) -> Bool {
        c == "," || c == "[" || c == "]" || c == "{" || c == "}"
    }

    /// The scalars as a string, encoded by hand: `UnicodeScalarView.append(contentsOf:)` was a
    /// third of the reading time.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var n = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[n] = UInt8(v)
                    n += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[n] = byte
                        n += 1
                    }
                }
            }
            return n
        }
    }

    /// Reads a single- or double-quoted scalar at the cursor, undoing escapes and folding line
    /// breaks as YAML does (one break becomes a space, each further break a newline).
    /// - Returns: the text, and whether it spanned several lines.
    mutating func scanQuoted() throws -> (text: String, multiline: Bool) {
        let open = mark
        let quote = current
        let double = quote == "\""
        let firstLine = line
        i += 1
        var out: [Unicode.Scalar] = []
        while true {
            guard i < s.count else {
                throw fail(
                    "unterminated \(double ? "double" : "single")-quoted string; add the closing \(double ? "'\"'" : "\"'\"")",
                    at: open)
            }
            let c = s[i]
            if c == quote {
                if !double && peek(1) == "'" {
                    out.append("'")
                    i += 2
                    continue
                }
                i += 1
                return (Parser.string(out[...]), line != firstLine)
            }
            if double && c == "\\" {
                if Parser.isBreak(peek(1)) {
                    i += 1
                    try foldBreaks(into: &out, escaped: true)
                } else {
                    scanEscape(into: &out)
                }
            } else if Parser.isSpace(c) {
                var j = i
                while j < s.count, Parser.isSpace(s[j]) { j += 1 }
                if j < s.count, Parser.isBreak(s[j]) {
                    i = j
                    try foldBreaks(into: &out, escaped: false)
                } else {
                    out.append(contentsOf: s[i..<j])
                    i = j
                }
            } else if Parser.isBreak(c) {
                try foldBreaks(into: &out, escaped: false)
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    /// Folds the line breaks at the cursor inside a quoted scalar, skipping the next lines' leading spaces.
    private mutating func foldBreaks(into out: inout [Unicode.Scalar], escaped: Bool) throws {
        var breaks = 0
        while i < s.count, Parser.isBreak(s[i]) {
            consumeBreak()
            breaks += 1
            if atDocumentMarker {
                throw fail("a document marker '\(Character(current))\(Character(current))\(Character(current))' inside a quoted string; indent the line or close the quote")
            }
            while i < s.count, Parser.isSpace(s[i]) { i += 1 }
        }
        if escaped {
            for _ in 1..<breaks { out.append("\n") }
        } else if breaks == 1 {
            out.append(" ")
        } else {
            for _ in 1..<breaks { out.append("\n") }
        }
    }

    /// The one-character escapes of double-quoted scalars (YAML 1.2.2 §5.7).
    static let escapes: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}",
        "f": "\u{0C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\",
        "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
    ]

    /// Reads one escape sequence of a double-quoted scalar at the backslash under the cursor.
    private mutating func scanEscape(into out: inout [Unicode.Scalar]) {
        let at = mark
        let c = peek(1)
        if let replacement = Parser.escapes[c] {
            out.append(replacement)
            i += 2
            return
        }
        let digits = c == "x" ? 2 : c == "u" ? 4 : c == "U" ? 8 : 0
        guard digits > 0 else {
            report(
                "unknown escape '\\\(c == "\0" ? "" : String(Character(c)))' in a double-quoted string; write '\\\\' for a backslash",
                at: at)
            i += c == "\0" ? 1 : 2
            return
        }
        var value: UInt32 = 0
        var j = i + 2
        while j < i + 2 + digits, j < s.count, let digit = Parser.hexValue(s[j]) {
            value = value &* 16 &+ digit
            j += 1
        }
        let written = Parser.string(s[i..<j])
        if j - (i + 2) < digits {
            report("escape '\(written)' needs \(digits) hexadecimal digits", at: at)
        } else if let scalar = Unicode.Scalar(value) {
            out.append(scalar)
        } else {
            report("escape '\(written)' is not a Unicode character", at: at)
        }
        i = j
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f": c.value - 87
        case "A"..."F": c.value - 55
        default: nil
        }
    }
}
