/// Sums of money in pounds, written as a UK council finance team writes them, whatever the
/// machine's locale: `£1,234,567` in full, `£1.2m`, `£850k` and `£999` in short form.
///
/// Negatives are written one way everywhere (tables, charts, the terminal): a hyphen-minus
/// before the pound sign, `-£2.7m`, as Excel shows a negative currency cell in the UK. Not
/// `(£2.7m)`, which reads as a note in running text, and not U+2212, which a terminal or a
/// spreadsheet pasted into may not take for a minus.
public enum Money {
    /// The unit of a short form: pounds, thousands (`k`), millions (`m`), billions (`bn`).
    public enum Unit: Sendable, CaseIterable {
        case pounds, thousands, millions, billions

        /// The number of pounds in one of this unit.
        public var pounds: Double {
            switch self {
            case .pounds: 1
            case .thousands: 1_000
            case .millions: 1_000_000
            case .billions: 1_000_000_000
            }
        }

        /// The suffix written after the figure: `""`, `"k"`, `"m"`, `"bn"`.
        public var suffix: String {
            switch self {
            case .pounds: ""
            case .thousands: "k"
            case .millions: "m"
            case .billions: "bn"
            }
        }

        /// The largest unit not larger than `magnitude` pounds (pounds for anything under £1,000).
        public static func fitting(_ magnitude: Double) -> Unit {
            allCases.last { abs(magnitude) >= $0.pounds } ?? .pounds
        }
    }

    /// Whole pounds with thousands separators: `full(1234567.4)` is `"£1,234,567"`,
    /// `full(-1500)` is `"-£1,500"`.
    public static func full(_ pounds: Double) -> String {
        signed(DecimalText.fixed(pounds, 0, grouped: true))
    }

    /// A short form with one significant decimal where it helps: under £1,000 in whole pounds
    /// (`£999`), under £10k with one decimal (`£1.5k`), under £1m in whole thousands (`£850k`),
    /// then millions and billions with one decimal (`£1.2m`, `£12.3m`, `£1.0bn`). The unit is
    /// chosen after rounding, so £999,960 is `£1.0m`, never `£1,000k`.
    public static func short(_ pounds: Double) -> String {
        let magnitude = abs(pounds)
        let (unit, places): (Unit, Int) =
            if rounded(magnitude, in: .pounds, decimals: 0) < 1_000 { (.pounds, 0) }
            else if rounded(magnitude, in: .thousands, decimals: 1) < 10 { (.thousands, 1) }
            else if rounded(magnitude, in: .thousands, decimals: 0) < 1_000 { (.thousands, 0) }
            else if rounded(magnitude, in: .millions, decimals: 1) < 1_000 { (.millions, 1) }
            else { (.billions, 1) }
        return short(pounds, in: unit, decimals: places)
    }

    /// `pounds` in a fixed unit and number of decimals, as chart axes need so that every tick
    /// reads alike: `short(1_250_000, in: .millions, decimals: 2)` is `"£1.25m"`.
    public static func short(
        _ pounds: Double, in unit: Unit, decimals: Int
    ) -> String {
        let figure = DecimalText.fixed(pounds / unit.pounds, decimals, grouped: true)
        return signed(figure, suffix: unit.suffix)
    }

    /// Writes `£`, the figure and the suffix, moving a leading `-` before the `£`.
    private static func signed(_ figure: String, suffix: String = "") -> String {
        guard figure.hasPrefix("-") else { return "£" + figure + suffix }
        return "-£" + figure.dropFirst() + suffix
    }

    /// `magnitude` in `unit`, rounded half away from zero as `DecimalText.fixed` rounds it.
    private static func rounded(_ magnitude: Double, in unit: Unit, decimals: Int) -> Double {
        let scale = decimals == 0 ? 1.0 : 10.0
        return (magnitude / unit.pounds * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
