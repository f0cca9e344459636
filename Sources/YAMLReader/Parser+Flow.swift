/// Flow collections: `[a, b]` and `{a: 1, b: 2}`, nested and spanning lines.
extension Parser {
    /// Reads the flow sequence or mapping whose opening bracket is under the cursor.
    mutating func parseFlowCollection(depth: Int) throws -> Node {
        let open = mark
        guard depth <= Parser.maxDepth else { throw fail("nesting deeper than \(Parser.maxDepth) levels") }
        let isMapping = current == "{"
        let close: Unicode.Scalar = isMapping ? "}" : "]"
        i += 1
        var items: [Node] = []
        var pairs: [Node.Pair] = []
        var seen: [String: Mark] = [:]
        while true {
            try skipFlowBlanks(open: open, bracket: isMapping ? "{" : "[")
            if current == close { break }
            let start = mark
            let (first, wasPlain) = try parseFlowNode(depth: depth)
            try skipFlowBlanks(open: open, bracket: isMapping ? "{" : "[")
            var entry: (key: Node, value: Node?) = (first, nil)
            if current == ":" {
                if first.mark.line != line {
                    throw fail("a key and its ':' must be on the same line", at: start)
                }
                checkKeyLength(from: start)
                let adjacentAllowed = !wasPlain && !isCollection(first)
                guard Parser.isBlank(peek(1)) || Parser.isFlowIndicator(peek(1)) || adjacentAllowed else {
                    throw fail("put a space after ':' (YAML readers disagree about ':' directly before text)")
                }
                i += 1
                try skipFlowBlanks(open: open, bracket: isMapping ? "{" : "[")
                if current == "," || current == close {
                    entry.value = Node(.scalar(Node.Scalar(text: "", style: .plain)), at: mark)
                } else {
                    let valueStart = mark
                    let (value, valueWasPlain) = try parseFlowNode(depth: depth)
                    if valueWasPlain, case .scalar(let scalar) = value.content { checkPlainValue(scalar.text, at: valueStart) }
                    entry.value = value
                    try skipFlowBlanks(open: open, bracket: isMapping ? "{" : "[")
                }
            }
            if isMapping || entry.value != nil {
                guard case .scalar(let key) = first.content else {
                    throw fail("a key must be plain or quoted text, not a collection", at: start)
                }
                if key.style == .plain { checkPlainKey(key.text, at: start) }
                let pair = Node.Pair(
                    key: key.text, keyMark: start,
                    value: entry.value ?? Node(.scalar(Node.Scalar(text: "", style: .plain)), at: start))
                if isMapping {
                    if let firstMark = seen[key.text] {
                        report("duplicate key '\(key.text)' (first at line \(firstMark.line))", at: start)
                    } else {
                        seen[key.text] = start
                        pairs.append(pair)
                    }
                } else {
                    items.append(Node(.mapping([pair]), at: start))
                }
            } else {
                if case .scalar(let scalar) = first.content, scalar.style == .plain { checkPlainValue(scalar.text, at: start) }
                items.append(first)
            }
            if current == "," {
                i += 1
                continue
            }
            if current == close { break }
            let expected = "expected ',' or '\(Character(close))', found \(currentDescription)"
            if first.mark.line < line {
                throw fail("\(expected); close the '\(isMapping ? "{" : "[")' from line \(open.line), or quote text that goes on over lines")
            }
            throw fail(expected)
        }
        i += 1
        return Node(isMapping ? .mapping(pairs) : .sequence(items), at: open)
    }

    private func isCollection(_ node: Node) -> Bool {
        if case .scalar = node.content { return false }
        return true
    }

    /// Reads one node inside a flow collection; reports whether it was a plain scalar.
    private mutating func parseFlowNode(depth: Int) throws -> (node: Node, wasPlain: Bool) {
        let start = mark
        switch current {
        case "[", "{":
            return (try parseFlowCollection(depth: depth + 1), false)
        case "\"", "'":
            let style: Node.Scalar.Style = current == "\"" ? .doubleQuoted : .singleQuoted
            let (text, _) = try scanQuoted()
            return (Node(.scalar(Node.Scalar(text: text, style: style)), at: start), false)
        default:
            try rejectUnsupportedStart(flow: true)
            let text = scanPlain(flow: true)
            if text.isEmpty {
                if current == "?" { throw fail("'?' inside '[...]' or '{...}' is read differently by YAML readers; quote the text") }
                throw fail("unexpected \(currentDescription)")
            }
            if current == "?" { throw fail("'?' inside '[...]' or '{...}' is read differently by YAML readers; quote the text") }
            return (Node(.scalar(Node.Scalar(text: text, style: .plain)), at: start), true)
        }
    }

    /// Skips spaces, line breaks and comments inside a flow collection.
    private mutating func skipFlowBlanks(open: Mark, bracket: Character) throws {
        while true {
            _ = skipTrailingComment()
            if atEnd {
                throw fail("'\(bracket)' is never closed; add the matching '\(bracket == "[" ? "]" : "}")'", at: open)
            }
            guard Parser.isBreak(current) else { return }
            consumeBreak()
            if atDocumentMarker { throw fail("a document marker inside '[...]' or '{...}'; close the collection first") }
        }
    }
}
