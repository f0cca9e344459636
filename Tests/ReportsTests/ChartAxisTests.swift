import Testing
@testable import Reports

@Suite("Chart axes")
struct ChartAxisTests {
    @Test(arguments: [(0.3, 1.0), (1.0, 1), (1.3, 2), (3, 5), (7.3, 10), (10, 10), (246.8, 500), (1_800_000, 2_000_000)])
    func niceSteps(rough: Double, expected: Double) {
        #expect(ValueAxis.niceStep(rough) == expected)
    }

    @Test func countTicksCoverTheDataWithGroupedLabels() {
        let axis = ValueAxis(covering: 0, 1_234, format: .count)
        #expect(axis.ticks == [0, 500, 1_000, 1_500])
        #expect(axis.labels == ["0", "500", "1,000", "1,500"])
    }

    @Test func moneyTicksShareOneUnit() {
        #expect(ValueAxis(covering: 0, 1_234_567, format: .money).labels == ["£0", "£0.5m", "£1.0m", "£1.5m"])
        #expect(ValueAxis(covering: -900_000, 400_000, format: .money).labels == ["-£1.0m", "-£0.5m", "£0", "£0.5m"])
        #expect(ValueAxis(covering: 0, 28_000_000, format: .money).labels == ["£0", "£10m", "£20m", "£30m"])
    }

    @Test func degenerateSpansStillGiveAnAxis() {
        #expect(ValueAxis(covering: 0, 0, format: .count).ticks == [0, 1, 2, 3, 4, 5])
        #expect(ValueAxis(covering: 7, 7, format: .count).ticks == [0, 2, 4, 6, 8])
        #expect(ValueAxis(covering: -7, -7, format: .count).ticks == [-8, -6, -4, -2, 0])
        #expect(ValueAxis(covering: .infinity, .nan, format: .count).ticks == [0, 1, 2, 3, 4, 5])
    }

    @Test func scaleGuardsZeroWidthDomains() {
        let scale = LinearScale(domain: (3, 3), range: (100, 200))
        #expect(scale(3) == 150)
        #expect(LinearScale(domain: (0, 10), range: (400, 0))(2.5) == 300)
    }

    @Test func monthEndsAndFinancialYears() throws {
        #expect(TimeAxis.position("2025-03-31") == Double(2025 * 12 + 3))
        #expect(TimeAxis.position("2024-02-29") == Double(2024 * 12 + 2))
        #expect(TimeAxis.position("2025-02-29") == nil)
        #expect(TimeAxis.position("25-03-31") == nil)
        #expect(TimeAxis.financialYearLabel(2025) == "2025/26")
        #expect(TimeAxis.financialYearLabel(1999) == "1999/00")
        #expect(TimeAxis.financialYearLabel(2009) == "2009/10")
        let time = TimeAxis(dates: ["2025-04-30", "2026-03-31", "2026-04-30"])
        #expect(time.yearStarts == [Double(2026 * 12 + 3)])
    }

    @Test func fixedDecimalsAreLocaleFree() {
        #expect(DecimalText.fixed(2.345, 2) == "2.35")
        #expect(DecimalText.fixed(-0.04, 1) == "0.0")
        #expect(DecimalText.fixed(-1234567.25, 1, grouped: true) == "-1,234,567.3")
        #expect(DecimalText.fixed(0.05, 3) == "0.050")
        #expect(DecimalText.decimals(forStep: 0.25) == 2)
        #expect(DecimalText.decimals(forStep: 5) == 0)
    }
}
