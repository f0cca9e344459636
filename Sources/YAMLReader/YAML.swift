/// The reader of the documented YAML subset (see `docs/yaml-subset.md`).
public enum YAML {
    /// Reads one YAML document into a node tree with source positions.
    ///
    /// An empty document (only blank lines and comments) reads as a null plain scalar at 1:1.
    /// - Throws: ``Diagnostics`` with every error found, in order, when the text is outside the
    ///   subset or is not YAML.
    /// - Complexity: O(*n*) in the length of the text; nesting is limited to 256 levels.
    public static func read(_ source: SourceText) throws -> Node {
        var parser = Parser(source)
        let node: Node?
        do {
            node = try parser.parseDocument()
        } catch is Parser.Stop {
            node = nil
        }
        if let node, parser.diagnostics.isEmpty { return node }
        throw Diagnostics(parser.diagnostics)
    }
}

extension Parser {
    /// Reads the whole text: an optional `---`, one node, an optional `...`, then nothing else.
    mutating func parseDocument() throws -> Node {
        try checkCharacters()
        skipBlankLines()
        if current == "%" && i == lineStart {
            throw fail("directives ('%…') are not supported; remove the line")
        }
        let explicitStart = atDocumentMarker && current == "-"
        if explicitStart {
            i += 3
            guard skipTrailingComment() else {
                throw fail("put the document on the line after '---'")
            }
            skipBlankLines()
        }
        let node: Node
        if atEnd || atDocumentMarker {
            node = Node(.scalar(Node.Scalar(text: "", style: .plain)), at: Mark(source: source, line: 1, column: 1))
        } else {
            node = try parseBlockNode(parentIndent: -1, depth: 0)
        }
        if atDocumentMarker && current == "." {
            if !explicitStart, case .scalar(let scalar) = node.content, scalar.text.isEmpty, scalar.style == .plain {
                throw fail("'...' ends a document, but none has started; remove it")
            }
            i += 3
            guard skipTrailingComment() else { throw fail("unexpected text after '...'") }
            skipBlankLines()
            if !atEnd { throw fail("only one document per file is supported; found more after '...'") }
        }
        if atDocumentMarker {
            throw fail("only one document per file is supported; found a second '---'")
        }
        if !atEnd {
            throw fail("unexpected \(currentDescription); expected the end of the document (check the indentation)")
        }
        return node
    }

    /// Rejects characters YAML readers disagree about or forbid: control characters, a lone
    /// carriage return, the Unicode line separators (line breaks in YAML 1.1, not in 1.2),
    /// non-characters, and a byte-order mark anywhere but the very start (YAML 1.2 §5.2 forbids it
    /// inside a document; PyYAML reads it as text). Reports each offending line once and stops.
    private mutating func checkCharacters() throws {
        var lineNumber = 1
        var lineBegin = i
        var reportedLine = 0
        var index = i
        while index < s.count {
            let c = s[index]
            let v = c.value
            if c == "\n" {
                lineNumber += 1
                lineBegin = index + 1
            } else if (!(v == 9 || v == 10 || (0x20...0x7E).contains(v) || (0xA0...0xD7FF).contains(v)
                || (0xE000...0xFFFD).contains(v) || v >= 0x10000) || v == 0x2028 || v == 0x2029 || v == 0xFEFF)
                && !(c == "\r" && index + 1 < s.count && s[index + 1] == "\n"), reportedLine != lineNumber
            {
                reportedLine = lineNumber
                let hex = String(v, radix: 16, uppercase: true)
                let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                let what = c == "\r" ? "a carriage return without a line feed"
                    : v == 0xFEFF ? "a byte-order mark (U+FEFF) after the start of the file" : "the character \(name)"
                let why = v == 0x85 || v == 0x2028 || v == 0x2029
                    ? "it is a line break in some YAML readers and not in others"
                    : v == 0xFEFF ? "it is invisible, and YAML readers disagree whether it is part of the text"
                    : "YAML does not allow it in a file"
                report("\(what) is not allowed here: \(why); write it as an escape in a double-quoted string",
                       at: Mark(source: source, line: lineNumber, column: index - lineBegin + 1))
            }
            index += 1
        }
        if !diagnostics.isEmpty { throw Stop() }
    }
}

extension YAML {
    /// A scenario-like document of about `bytes` UTF-8 bytes (never less), for timing the reader.
    ///
    /// Mappings, sequences, flow collections, quoted strings, comments and literal blocks, in the
    /// proportions of a real scenario; the same text for the same size.
    package static func benchmarkDocument(bytes: Int) -> String {
        var text = """
            # Benchmark scenario: many placements, as a large council might have
            name: "Benchmark council"
            start: 2026-04-01
            replications: 1000
            placements:

            """
        var index = 0
        while text.utf8.count < bytes {
            text += """
                  - name: 'provider \(index)'
                    type: children's home
                    capacity: \(index % 40 + 1)
                    weekly_cost: \(Double(index % 900) + 0.25)
                    ages: [\(index % 10), \(index % 10 + 7)]
                    open: true # still registered
                    costs_by_year: {2026: \(index * 3 % 1000), 2027: \(index * 7 % 1000)}
                    description: |
                      Provider number \(index), café and naïve text included.
                      A second line of description.

                """
            index += 1
        }
        return text
    }
}
