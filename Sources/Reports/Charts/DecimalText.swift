/// Locale-independent decimal text: fixed decimals and thousands separators, the same bytes
/// on every machine (no `NumberFormatter`, no `String(format:)`).
enum DecimalText {
    /// `value` rounded half away from zero to `decimals` places, with a leading `-` when the
    /// rounded value is not zero: `fixed(2.345, 2)` is `"2.35"`, `fixed(-0.04, 1)` is `"0.0"`.
    /// Non-finite values give `"0"` (callers never pass them; this keeps output well-formed).
    static func fixed(_ value: Double, _ decimals: Int, grouped: Bool = false) -> String {
        guard value.isFinite else { return "0" }
        let places = max(0, min(decimals, 9))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 the units digit is no longer exact; such figures never reach a chart.
        let magnitude = scaled < 9.0e15 ? UInt64(scaled) : 9_000_000_000_000_000
        var digits = String(magnitude)
        if digits.count <= places {
            digits = String(repeating: "0", count: places - digits.count + 1) + digits
        }
        let integerPart = String(digits.dropLast(places))
        let fractionPart = String(digits.suffix(places))
        var text = grouped ? group(integerPart) : integerPart
        if places > 0 { text += "." + fractionPart }
        return magnitude == 0 ? text : (value < 0 ? "-" + text : text)
    }

    /// Inserts a comma between each group of three digits: `"1234567"` → `"1,234,567"`.
    static func group(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// The fewest decimals (0–6) that show every multiple of `step` exactly: 0.25 → 2, 5 → 0.
    static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var places = 0
        var scaled = step
        while places < 6 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            places += 1
            scaled *= 10
        }
        return places
    }
}
