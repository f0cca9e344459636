/// Literal (`|`) and folded (`>`) block scalars.
extension Parser {
    /// Reads a block scalar whose header (`|`, `|-`, `|+`, `|2`, `>` …) is under the cursor.
    ///
    /// Leaves the cursor at the start of the first line after the scalar's text.
    /// - Parameter parentIndent: the indentation of the collection holding the scalar (-1 at the top).
    mutating func scanBlockScalar(parentIndent: Int) throws -> String {
        let folded = current == ">"
        i += 1
        var chomp: Unicode.Scalar = " "
        var explicitIndent = 0
        for _ in 0..<2 {
            if (current == "-" || current == "+") && chomp == " " {
                chomp = current
                i += 1
            } else if current >= "1" && current <= "9" && explicitIndent == 0 {
                explicitIndent = Int(current.value - 48)
                i += 1
            }
        }
        let header = Parser.isBlank(current) || current == "#"
        guard header, skipTrailingComment() else {
            throw fail("unexpected \(currentDescription) after '\(folded ? ">" : "|")'; the text of a block scalar starts on the next line")
        }
        if !atEnd { consumeBreak() }
        let minIndent = max(parentIndent + 1, 1)
        var contentIndent = explicitIndent > 0 ? max(parentIndent, 0) + explicitIndent : 0
        if contentIndent == 0 {
            // Auto-detect from the first line with text, as the YAML spec and PyYAML do.
            var j = i
            var widestBlank = 0
            while true {
                let lineBegin = j
                while j < s.count, s[j] == " " { j += 1 }
                if j < s.count, Parser.isBreak(s[j]) {
                    widestBlank = max(widestBlank, j - lineBegin)
                    j += s[j] == "\r" ? 2 : 1
                    continue
                }
                let textIndent = j - lineBegin
                if j >= s.count { contentIndent = max(minIndent, widestBlank, textIndent) }
                else if widestBlank > textIndent && textIndent >= minIndent {
                    throw fail("a blank line at the start of a block scalar has more spaces than its first line of text; remove the spaces")
                } else {
                    contentIndent = max(minIndent, textIndent, widestBlank)
                }
                break
            }
        }
        var lines: [String] = []
        var trailingBreaks = 0
        var sawBreakAfterLast = false
        while !atEnd {
            let begin = i
            while i < s.count, s[i] == " ", i - begin < contentIndent { i += 1 }
            if i - begin < contentIndent {
                if atLineEnd && !atEnd {
                    consumeBreak()
                    trailingBreaks += 1
                    continue
                }
                if atEnd { break }
                i = begin
                break
            }
            if atLineEnd {
                if atEnd { break }  // spaces at the very end hold no text
                consumeBreak()
                trailingBreaks += 1
                continue
            }
            // A line of text: the blank lines before it are part of the text.
            for _ in 0..<max(0, trailingBreaks - (lines.isEmpty ? 0 : 1)) { lines.append("") }
            let start = i
            while !atLineEnd { i += 1 }
            lines.append(Parser.string(s[start..<i]))
            sawBreakAfterLast = !atEnd
            trailingBreaks = 0
            if !atEnd {
                consumeBreak()
                trailingBreaks = 1
            }
        }
        var text = folded ? Parser.fold(lines) : lines.joined(separator: "\n")
        switch chomp {
        case "-": break
        case "+":
            if lines.isEmpty {
                text = String(repeating: "\n", count: trailingBreaks)
            } else {
                text += String(repeating: "\n", count: trailingBreaks)
            }
        default:
            if !lines.isEmpty && sawBreakAfterLast { text += "\n" }
        }
        return text
    }

    /// Folds the lines of a `>` scalar: a single break between two lines of text becomes a space,
    /// empty lines become newlines, and more-indented lines keep their breaks (YAML 1.2 §8.1.3).
    static func fold(_ lines: [String]) -> String {
        var out = ""
        var previousWasText = false
        var previousMoreIndented = false
        var pendingEmpty = 0
        for line in lines {
            if line.isEmpty {
                pendingEmpty += 1
                continue
            }
            let moreIndented = line.first == " " || line.first == "\t"
            if previousWasText {
                if !previousMoreIndented && !moreIndented && pendingEmpty == 0 {
                    out += " "
                } else if !previousMoreIndented && !moreIndented {
                    out += String(repeating: "\n", count: pendingEmpty)
                } else {
                    out += String(repeating: "\n", count: pendingEmpty + 1)
                }
            } else {
                // Empty lines before the first line of text are kept as they are, whatever its indentation.
                out += String(repeating: "\n", count: pendingEmpty)
            }
            out += line
            previousWasText = true
            previousMoreIndented = moreIndented
            pendingEmpty = 0
        }
        return out
    }
}
