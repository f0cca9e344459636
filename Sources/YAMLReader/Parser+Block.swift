/// Block structure: mappings and sequences laid out by indentation.
extension Parser {
    /// Reads the node whose content starts at the cursor, on a line of its own or after `- `.
    ///
    /// A collection starting here takes the cursor's column as its indentation.
    /// - Parameter parentIndent: the indentation of the enclosing collection (-1 at the top);
    ///   text continued on a line indented further than it is rejected.
    /// - Parameter inline: whether the node follows a key on the same line, where no mapping can start.
    mutating func parseBlockNode(parentIndent: Int, depth: Int, inline: Bool = false) throws -> Node {
        let start = mark
        let c = current
        if c == "-" && Parser.isBlank(peek(1)) {
            return try parseBlockSequence(indent: indent, depth: depth + 1)
        }
        if c == "\"" || c == "'" {
            let (text, multiline) = try scanQuoted()
            if isKeyIndicatorAhead(keyStart: start) {
                if inline {
                    throw fail("unexpected ':'; a mapping cannot start on the same line as a key or after text — start it on the next line, or quote the text")
                }
                if multiline { throw fail("a key must be on one line", at: start) }
                return try parseBlockMapping(
                    indent: start.column - 1, firstKey: (text, start, true), depth: depth + 1)
            }
            let style: Node.Scalar.Style = c == "\"" ? .doubleQuoted : .singleQuoted
            try finishValue(plain: false, parentIndent: parentIndent)
            return Node(.scalar(Node.Scalar(text: text, style: style)), at: start)
        }
        if c == "|" || c == ">" {
            let text = try scanBlockScalar(parentIndent: parentIndent)
            skipBlankLines()
            return Node(.scalar(Node.Scalar(text: text, style: c == "|" ? .literal : .folded)), at: start)
        }
        if c == "[" || c == "{" {
            let node = try parseFlowCollection(depth: depth + 1)
            skipSpaces()
            if current == ":" { throw fail("a key must be plain or quoted text, not a '\(Character(c))...' collection", at: start) }
            try finishValue(plain: false, parentIndent: parentIndent)
            return node
        }
        try rejectUnsupportedStart(flow: false)
        let text = scanPlain(flow: false)
        if isKeyIndicatorAhead(keyStart: start) {
            return try parseBlockMapping(indent: start.column - 1, firstKey: (text, start, false), depth: depth + 1)
        }
        checkPlainValue(text, at: start)
        try finishValue(plain: true, parentIndent: parentIndent)
        return Node(.scalar(Node.Scalar(text: text, style: .plain)), at: start)
    }

    /// Skips spaces and reports whether a `:` that ends a key (followed by a blank) is next;
    /// if so, a key longer than YAML allows is reported.
    private mutating func isKeyIndicatorAhead(keyStart: Mark) -> Bool {
        skipSpaces()
        guard current == ":" && Parser.isBlank(peek(1)) else { return false }
        checkKeyLength(from: keyStart)
        return true
    }

    /// The most characters an implicit key may take from its start to its `:` (YAML 1.2 §7.4.2).
    static let maxKeyLength = 1024

    /// Reports a key, starting at `start` and ending at the `:` under the cursor, longer than
    /// ``maxKeyLength``: PyYAML and libyaml refuse such a key, so it is refused here too.
    mutating func checkKeyLength(from start: Mark) {
        let length = column - start.column
        guard start.line == line, length > Parser.maxKeyLength else { return }
        report("this key takes \(Diagnostics.grouped(length)) characters up to its ':'; YAML allows at most 1,024, so shorten it", at: start)
    }

    /// Rejects what cannot start a node in this subset: anchors, aliases, tags, directives,
    /// complex keys, reserved indicators and stray flow punctuation.
    mutating func rejectUnsupportedStart(flow: Bool) throws {
        let c = current
        switch c {
        case "&": throw fail("anchors ('\(word())') are not supported; write the value out in full")
        case "*": throw fail("aliases ('\(word())') are not supported; write the value out in full")
        case "!": throw fail("tags ('\(word())') are not supported; remove the tag, or quote the text")
        case "%": throw fail("directives ('\(word())') are not supported; remove the line")
        case "@", "`": throw fail("'\(Character(c))' cannot start plain text; quote the text")
        case "?" where Parser.isBlank(peek(1)) || flow:
            throw fail("complex keys ('? ') are not supported; write 'key: value'")
        case ":" where Parser.isBlank(peek(1)) || flow:
            throw fail("missing key before ':'")
        case "-" where flow && Parser.isBlank(peek(1)):
            throw fail("a block list item '- ' cannot be inside '[...]' or '{...}'")
        case "|", ">":
            throw fail(
                flow
                    ? "a block scalar '\(Character(c))' cannot be inside '[...]' or '{...}'; use a quoted string"
                    : "a key cannot start with '\(Character(c))'; quote the key")
        case ",", "]", "}", "#":
            throw fail("unexpected '\(Character(c))'")
        default: return
        }
    }

    /// The word at the cursor (up to a blank or flow indicator), for messages.
    private func word() -> String {
        var j = i
        while j < s.count, !Parser.isBlank(s[j]), !Parser.isFlowIndicator(s[j]), j - i < 40 { j += 1 }
        return Parser.string(s[i..<j])
    }

    /// Stops on an indentation error, adding it unless a tab on this line or the line before was
    /// reported already (the tab is the cause: two tabs read as two columns leave the next line
    /// 'indented more'; a second error would be noise).
    mutating func failIndentation(_ message: String, atLine: Int? = nil) -> Stop {
        lastTabLine > 0 && (lastTabLine == line || lastTabLine == line - 1)
            ? Stop() : fail(message, at: atLine.map { Mark(source: source, line: $0, column: 1) })
    }

    /// "; a ':' on this line is followed by a no-break space …" when one is (pasted from a word
    /// processor, it looks like ': ' but does not end a key), or "".
    func noBreakSpaceHint(line number: Int) -> String {
        let scalars = Array(source.line(number).unicodeScalars)
        guard zip(scalars, scalars.dropFirst()).contains(where: { $0 == ":" && $1 == "\u{00A0}" }) else { return missingSpaceHint(line: number) }
        return "; a ':' on this line is followed by a no-break space (U+00A0), as word processors write: type an ordinary space"
    }

    /// "; put a space after the ':' (write 'seed: 42')" for `seed:42`, and "; a list item needs a
    /// space after '-' (write '- name: …')" for `-name: x`; "" otherwise.
    func missingSpaceHint(line number: Int) -> String {
        let text = source.line(number).drop { $0 == " " }
        if text.first == "-", let next = text.dropFirst().first, next.isLetter {
            return "; a list item needs a space after '-' (write '- \(text.dropFirst().prefix { $0 != ":" }): …')"
        }
        let word = text.prefix { $0 != " " && $0 != "#" }
        if let colon = word.firstIndex(of: ":"), colon != word.startIndex, word.index(after: colon) != word.endIndex,
           word[word.index(after: colon)] != ":" {
            return "; put a space after the ':' (write '\(word[..<colon]): \(word[word.index(after: colon)...])')"
        }
        return ""
    }

    /// Whether line `number` reads as `key: value` or `key:` (a colon then a space or the line's end).
    func looksLikeKey(line number: Int) -> Bool {
        let text = source.line(number).drop { $0 == " " }
        let content = text.prefix { $0 != "#" }.reversed().drop { $0 == " " }.reversed()
        guard let first = content.first, first != "-", first != "\"", first != "'" else { return false }
        return content.last == ":" || content.contains(": ")
    }

    /// Ends a value that stopped on its line: only a comment may follow on the line, and the next
    /// line with content must not be indented further than `parentIndent`.
    mutating func finishValue(plain: Bool, parentIndent: Int) throws {
        if !skipTrailingComment() {
            if current == ":" && Parser.isBlank(peek(1)) {
                throw fail("unexpected ':'; a mapping cannot start on the same line as a key or after text — start it on the next line, or quote the text")
            }
            if current == "#" { throw fail("put a space before '#' to start a comment") }
            throw fail("unexpected \(currentDescription) after the value; quote the whole text, or start a new line")
        }
        let valueLine = line
        let sawComment = i > lineStart && s[lineStart..<i].contains("#")
        skipBlankLines()
        if !atEnd, !atDocumentMarker, indent > parentIndent {
            if plain && line == valueLine + 1 && !sawComment {
                if parentIndent < 0 {
                    // A whole document that is one line of text, then keys: the first line lacks its ':'.
                    throw failIndentation("expected ':' after the key on this line (write 'key: value')\(noBreakSpaceHint(line: valueLine))",
                                          atLine: valueLine)
                }
                if looksLikeKey(line: line) {
                    // `name: x` then `    in_house: true` indented further: a key out of line, not text.
                    throw failIndentation("unexpected indentation: this line looks like a key, but is indented more than the key on the line above; line them up (or, if it is text continuing the value above, quote the text)")
                }
                throw failIndentation("plain text continues on the next line; quote it, or use '|' for text over several lines")
            }
            throw failIndentation("unexpected indentation: this line is indented more than the lines it belongs with")
        }
    }

    /// Reads a block mapping whose first key has been read and whose `:` is under the cursor.
    private mutating func parseBlockMapping(
        indent mapIndent: Int, firstKey: (text: String, mark: Mark, quoted: Bool), depth: Int
    ) throws -> Node {
        guard depth <= Parser.maxDepth else { throw fail("nesting deeper than \(Parser.maxDepth) levels", at: firstKey.mark) }
        var pairs: [Node.Pair] = []
        var seen: [String: Mark] = [:]
        var key = firstKey
        while true {
            i += 1  // the ':'
            if !key.quoted { checkPlainKey(key.text, at: key.mark) }
            let firstMark = seen[key.text]
            if let firstMark {
                report("duplicate key '\(key.text)' (first at line \(firstMark.line))", at: key.mark)
            } else {
                seen[key.text] = key.mark
            }
            let value = try parseMappingValue(keyIndent: mapIndent, depth: depth)
            if firstMark == nil { pairs.append(Node.Pair(key: key.text, keyMark: key.mark, value: value)) }
            if atEnd || atDocumentMarker || indent < mapIndent { break }
            if indent > mapIndent {
                throw failIndentation("unexpected indentation: expected a key at column \(mapIndent + 1), like the key '\(pairs.last?.key ?? key.text)'\(missingSpaceHint(line: line))")
            }
            key = try parseKey()
        }
        return Node(.mapping(pairs), at: firstKey.mark)
    }

    /// Reads a key at the cursor, at a mapping's indentation, up to and excluding its `:`.
    private mutating func parseKey() throws -> (text: String, mark: Mark, quoted: Bool) {
        let start = mark
        if current == "-" && Parser.isBlank(peek(1)) {
            throw fail("expected a key, found a list item '- '; a list cannot continue a mapping at the same indentation")
        }
        if current == "[" || current == "{" {
            throw fail("a key must be plain or quoted text, not a '\(Character(current))...' collection")
        }
        let text: String
        let quoted = current == "\"" || current == "'"
        if quoted {
            let (quotedText, multiline) = try scanQuoted()
            if multiline { throw fail("a key must be on one line", at: start) }
            text = quotedText
        } else {
            try rejectUnsupportedStart(flow: false)
            text = scanPlain(flow: false)
        }
        guard isKeyIndicatorAhead(keyStart: start) else {
            throw fail("expected ':' after key '\(text)'\(noBreakSpaceHint(line: start.line))", at: start)
        }
        return (text, start, quoted)
    }

    /// Reads the value after a key's `:`: on the same line, on the lines below, or empty (null).
    private mutating func parseMappingValue(keyIndent: Int, depth: Int) throws -> Node {
        let afterColon = mark
        if !skipTrailingComment() {
            return try parseInlineValue(parentIndent: keyIndent, depth: depth)
        }
        skipBlankLines()
        if !atEnd && !atDocumentMarker {
            if indent > keyIndent { return try parseBlockNode(parentIndent: keyIndent, depth: depth) }
            if indent == keyIndent && current == "-" && Parser.isBlank(peek(1)) {
                return try parseBlockSequence(indent: keyIndent, depth: depth + 1)
            }
        }
        return Node(.scalar(Node.Scalar(text: "", style: .plain)), at: afterColon)
    }

    /// Reads a value on the same line as its key: a scalar, a flow collection or a block scalar.
    private mutating func parseInlineValue(parentIndent: Int, depth: Int) throws -> Node {
        let c = current
        if c == "-" && Parser.isBlank(peek(1)) {
            throw fail("a list cannot start on the same line as its key; put '- ' on the next line")
        }
        if c == "\"" || c == "'" || c == "|" || c == ">" || c == "[" || c == "{" {
            return try parseBlockNode(parentIndent: parentIndent, depth: depth, inline: true)
        }
        let start = mark
        try rejectUnsupportedStart(flow: false)
        let text = scanPlain(flow: false)
        checkPlainValue(text, at: start)
        try finishValue(plain: true, parentIndent: parentIndent)
        return Node(.scalar(Node.Scalar(text: text, style: .plain)), at: start)
    }

    /// Reads a block sequence whose first `-` is under the cursor.
    private mutating func parseBlockSequence(indent seqIndent: Int, depth: Int) throws -> Node {
        let start = mark
        guard depth <= Parser.maxDepth else { throw fail("nesting deeper than \(Parser.maxDepth) levels") }
        var items: [Node] = []
        while true {
            i += 1  // the '-'
            let afterDash = mark
            if skipTrailingComment() {
                skipBlankLines()
                if !atEnd && !atDocumentMarker && indent > seqIndent {
                    items.append(try parseBlockNode(parentIndent: seqIndent, depth: depth))
                } else {
                    items.append(Node(.scalar(Node.Scalar(text: "", style: .plain)), at: afterDash))
                }
            } else {
                items.append(try parseBlockNode(parentIndent: seqIndent, depth: depth))
            }
            if atEnd || atDocumentMarker || indent < seqIndent { break }
            if indent > seqIndent {
                throw failIndentation("unexpected indentation: expected '- ' at column \(seqIndent + 1) for the next list item")
            }
            guard current == "-" && Parser.isBlank(peek(1)) else { break }
        }
        return Node(.sequence(items), at: start)
    }
}
