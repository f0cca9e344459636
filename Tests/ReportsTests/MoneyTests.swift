import Testing
@testable import Reports

@Suite("Money")
struct MoneyTests {
    @Test(arguments: [
        (1_234_567.4, "£1,234,567"),
        (1_234_567.5, "£1,234,568"),
        (0, "£0"),
        (999, "£999"),
        (1_000, "£1,000"),
        (-1_500, "-£1,500"),
        (-0.4, "£0"),
        (12_300_000, "£12,300,000"),
    ])
    func full(pounds: Double, expected: String) {
        #expect(Money.full(pounds) == expected)
    }

    @Test func fullWithMinusSign() {
        #expect(Money.full(-1_234_567) == "-£1,234,567")
    }

    @Test(arguments: [
        (1_234_567, "£1.2m"),
        (850_000, "£850k"),
        (12_300_000, "£12.3m"),
        (999, "£999"),
        (0, "£0"),
        (999.6, "£1.0k"),
        (1_500, "£1.5k"),
        (12_345, "£12k"),
        (999_400, "£999k"),
        (999_960, "£1.0m"),
        (1_000_000, "£1.0m"),
        (1_250_000, "£1.3m"),
        (999_960_000, "£1.0bn"),
        (2_345_000_000, "£2.3bn"),
    ])
    func short(pounds: Double, expected: String) {
        #expect(Money.short(pounds) == expected)
    }

    /// One way for negatives everywhere (tables and charts alike): `-£2.7m`, never `(£2.7m)`.
    @Test func negativesHaveAMinusSignBeforeThePound() {
        #expect(Money.short(-2_700_000) == "-£2.7m")
        #expect(Money.short(-115_000) == "-£115k")
        #expect(Money.short(-40) == "-£40")
        #expect(Money.short(-0.2) == "£0")
    }

    @Test func fixedUnitForAxes() {
        #expect(Money.short(1_250_000, in: .millions, decimals: 2) == "£1.25m")
        #expect(Money.short(500_000, in: .millions, decimals: 1) == "£0.5m")
        #expect(Money.short(-2_500_000, in: .millions, decimals: 1) == "-£2.5m")
        #expect(Money.short(1_234_000_000, in: .millions, decimals: 0) == "£1,234m")
    }

    @Test func unitFittingAMagnitude() {
        #expect(Money.Unit.fitting(999) == .pounds)
        #expect(Money.Unit.fitting(1_000) == .thousands)
        #expect(Money.Unit.fitting(-2_000_000) == .millions)
        #expect(Money.Unit.fitting(3e9) == .billions)
    }
}
