/// A tiny hand-written matcher for the number and date patterns of the YAML schemas.
///
/// Each method consumes what it matches and reports success, so a pattern reads as a chain of
/// conditions; hand-written rather than `Regex` because it runs on every plain scalar.
struct Pattern {
    private let chars: [Character]
    private var at = 0

    init(_ text: String) { chars = Array(text) }

    var done: Bool { at == chars.count }
    private var next: Character? { at < chars.count ? chars[at] : nil }

    /// Consumes an optional `+` or `-`; always succeeds.
    mutating func sign() -> Bool {
        if next == "+" || next == "-" { at += 1 }
        return true
    }

    mutating func literal(_ text: String) -> Bool {
        var j = at
        for c in text {
            guard j < chars.count, chars[j] == c else { return false }
            j += 1
        }
        at = j
        return true
    }

    /// Consumes characters while `predicate` holds; returns how many.
    mutating func count(where predicate: (Character) -> Bool) -> Int {
        let start = at
        while let c = next, predicate(c) { at += 1 }
        return at - start
    }

    /// `[0-9]+` (or `[0-7]+`); with `underscores`, `[0-9][0-9_]*` when `first`, else `[0-9_]*`.
    mutating func digits(octal: Bool = false, underscores: Bool = false, first: Bool = false) -> Int {
        if first {
            guard let c = next, c.isASCIIDigit else { return 0 }
        }
        return count { c in (octal ? ("0"..."7").contains(c) : c.isASCIIDigit) || (underscores && c == "_") }
    }

    /// `[0-9_]*` (or `[0-9]*`): always succeeds.
    mutating func digitsOrNone(underscores: Bool) -> Bool {
        _ = count { $0.isASCIIDigit || (underscores && $0 == "_") }
        return true
    }

    mutating func hexDigits() -> Int { count { $0.isHexDigit && $0.isASCII } }

    mutating func nonZeroDigit() -> Bool {
        guard let c = next, ("1"..."9").contains(c) else { return false }
        at += 1
        return true
    }

    mutating func fixedDigits(_ n: Int) -> Bool { digitsBetween(n, n) }

    mutating func digitsBetween(_ low: Int, _ high: Int) -> Bool {
        let start = at
        while at - start < high, let c = next, c.isASCIIDigit { at += 1 }
        return at - start >= low
    }

    /// PyYAML's optional exponent `([eE][-+][0-9]+)?`: the sign is required there.
    mutating func exponent11() -> Bool {
        guard next == "e" || next == "E" else { return true }
        at += 1
        guard next == "+" || next == "-" else { return false }
        at += 1
        return digits() > 0
    }

    /// `(:[0-5]?[0-9])+`, PyYAML's base-60 parts; returns how many.
    mutating func sexagesimalParts() -> Int {
        var parts = 0
        while next == ":" {
            let start = at
            at += 1
            if let c = next, ("0"..."5").contains(c), at + 1 < chars.count, chars[at + 1].isASCIIDigit { at += 1 }
            guard let c = next, c.isASCIIDigit else {
                at = start
                break
            }
            at += 1
            parts += 1
        }
        return parts
    }
}

extension Character {
    /// `0` to `9` only, unlike `isNumber`.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
