/// One node of a YAML document: a scalar, a mapping or a sequence, with the position it was read at.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        /// Keys in document order; keys are always scalars and never repeat.
        case mapping([Pair])
        case sequence([Node])
    }

    public var content: Content
    /// Where the node starts (for a block mapping, its first key).
    public var mark: Mark

    public init(_ content: Content, at mark: Mark) {
        self.content = content
        self.mark = mark
    }
}

extension Node {
    /// A key and its value in a mapping.
    public struct Pair: Sendable {
        public var key: String
        public var keyMark: Mark
        public var value: Node
        public init(key: String, keyMark: Mark, value: Node) {
            self.key = key
            self.keyMark = keyMark
            self.value = value
        }
    }

    /// A scalar as written, and what it means under the YAML 1.2 core schema.
    public struct Scalar: Sendable, Equatable {
        public enum Style: Sendable, Equatable { case plain, singleQuoted, doubleQuoted, literal, folded }
        /// The scalar's value after quoting and escapes are undone (the text a standard parser yields).
        public var text: String
        public var style: Style
        public init(text: String, style: Style) {
            self.text = text
            self.style = style
        }
    }
}
