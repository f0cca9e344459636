/// A fixed-size SVG drawing that collects elements and renders a standalone document.
///
/// Coordinates are written with one decimal and text is XML-escaped, so the output is
/// well-formed and byte-identical on every machine.
struct SVGCanvas: Sendable {
    /// The generic font stack every chart uses (no web fonts: the report must work offline).
    static let fontFamily = "Arial, Helvetica, sans-serif"

    let width: Double
    let height: Double
    private var elements: [String] = []

    init(width: Double = 800, height: Double = 450) {
        self.width = width
        self.height = height
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for XML text and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate or length with one decimal.
    static func number(_ value: Double) -> String { DecimalText.fixed(value, 1) }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        opacity: Double = 1, stroke: String? = nil, strokeWidth: Double = 1
    ) {
        let n = Self.number
        var element = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(fill)\""
        if opacity < 1 { element += " fill-opacity=\"\(DecimalText.fixed(opacity, 2))\"" }
        if let stroke { element += " stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"" }
        elements.append(element + "/>")
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
        width: Double = 1, dash: String? = nil
    ) {
        let n = Self.number
        var element = "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
        if let dash { element += " stroke-dasharray=\"\(dash)\"" }
        elements.append(element + "/>")
    }

    /// An open line through `points`.
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard !points.isEmpty else { return }
        var element = "<polyline points=\"\(Self.pointList(points))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if let dash { element += " stroke-dasharray=\"\(dash)\"" }
        elements.append(element + "/>")
    }

    /// A closed filled shape through `points`.
    mutating func polygon(
        _ points: [(x: Double, y: Double)], fill: String, opacity: Double = 1,
        stroke: String? = nil, strokeWidth: Double = 1
    ) {
        guard points.count >= 3 else { return }
        var element = "<polygon points=\"\(Self.pointList(points))\" fill=\"\(fill)\""
        if opacity < 1 { element += " fill-opacity=\"\(DecimalText.fixed(opacity, 2))\"" }
        if let stroke { element += " stroke=\"\(stroke)\" stroke-width=\"\(Self.number(strokeWidth))\" stroke-linejoin=\"round\"" }
        elements.append(element + "/>")
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1) {
        let n = Self.number
        var element = "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(fill)\""
        if let stroke { element += " stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"" }
        elements.append(element + "/>")
    }

    /// Text anchored at (`x`, `y`) on its baseline; `rotation` in degrees about that point.
    mutating func text(
        _ string: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
        weight: String = "normal", fill: String = ChartPalette.text, rotation: Double = 0
    ) {
        let n = Self.number
        var element = "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if weight != "normal" { element += " font-weight=\"\(weight)\"" }
        if rotation != 0 { element += " transform=\"rotate(\(n(rotation)) \(n(x)) \(n(y)))\"" }
        elements.append(element + ">\(Self.escape(string))</text>")
    }

    /// A rough width of `string` in Arial at `size`, for layout (legends, label spacing).
    static func textWidth(_ string: String, size: Double) -> Double {
        Double(string.count) * size * 0.56
    }

    /// The complete standalone SVG document; `title` becomes its accessible `<title>`.
    func document(title: String) -> String {
        let n = Self.number
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" font-family=\"\(Self.fontFamily)\" role=\"img\">",
            "<title>\(Self.escape(title))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>",
        ]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pointList(_ points: [(x: Double, y: Double)]) -> String {
        points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
    }
}
