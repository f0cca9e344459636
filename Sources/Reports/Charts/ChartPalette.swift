/// The chart colours: based on the Okabe–Ito colour-blind-safe set, ordered so that neighbours
/// differ in lightness and still separate when a cabinet report is printed in greyscale.
///
/// Every series colour has a contrast of at least 3:1 against the white page, the WCAG 2.1
/// minimum for graphics (success criterion 1.4.11): Okabe–Ito's yellow (#F0E442, 1.3:1), orange,
/// sky blue and grey are too pale for a line, so darker colours from Paul Tol's sets stand in.
enum ChartPalette {
    static let text = "#1a1a1a"
    static let mutedText = "#555555"
    static let axis = "#4d4d4d"
    static let grid = "#dddddd"

    /// The main series (blue) and its darker median line.
    static let primary = "#0072B2"
    static let primaryDark = "#0B3C5D"
    /// The comparison series (vermillion) and its darker median line.
    static let secondary = "#D55E00"
    static let secondaryDark = "#8A3B00"
    /// Observed figures: black points with a white rim.
    static let actual = "#000000"
    /// Budget markers.
    static let budget = "#000000"

    /// Fill opacity of a 90% interval band and of a 50% interval band.
    static let outerBandOpacity = 0.18
    static let innerBandOpacity = 0.38

    /// Series colours in order: blue, vermillion, bluish green, indigo, reddish purple, dark
    /// yellow, green, wine, grey, brown, light blue, olive.
    static let series = [
        "#0072B2", "#D55E00", "#009E73", "#332288", "#CC79A7", "#997700",
        "#117733", "#882255", "#767676", "#A65E00", "#2E8BC0", "#5C8A00",
    ]

    /// Dash patterns paired with `series` for lines, so lines differ in print without colour.
    static let dashes: [String?] = [nil, "8 4", "2 3", "10 3 2 3", nil, "5 5", "1 4", "12 4", "4 2", "6 2 2 2", nil, "2 6"]

    /// The colour for series `index`, cycling through `series`.
    static func colour(_ index: Int) -> String { series[index % series.count] }

    /// The dash pattern for line series `index`.
    static func dash(_ index: Int) -> String? { dashes[index % dashes.count] }
}
