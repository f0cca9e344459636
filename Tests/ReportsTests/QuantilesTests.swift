import Testing
@testable import Reports

@Suite("Quantiles (Hyndman & Fan definition 7)")
struct QuantilesTests {
    /// Agreement to within floating-point rounding: the interpolation and the summation order
    /// differ from NumPy's in the last bits (NumPy sums pairwise in input order, we sum sorted),
    /// so the comparison allows 1e-12 relative, far below any figure a report prints.
    func close(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * max(1, abs(b))
    }

    func expectClose(_ summary: Summary, _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = [summary.mean, summary.p05, summary.p25, summary.p50, summary.p75, summary.p95]
        #expect(zip(actual, expected).allSatisfy { close($0, $1) }, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    }

    @Test("hand-computed: four values 1, 2, 3, 4")
    func fourValues() {
        // h = 3p: p05 → 1 + 0.15, p25 → 1 + 0.75, p50 → 2 + 0.5, p75 → 3 + 0.25, p95 → 3 + 0.85.
        var values = [4.0, 2, 1, 3]
        expectClose(Summary.of(&values), [2.5, 1.15, 1.75, 2.5, 3.25, 3.85])
    }

    @Test("hand-computed: two values interpolate along the line between them")
    func twoValues() {
        var values = [20.0, 10]
        expectClose(Summary.of(&values), [15, 10.5, 12.5, 15, 17.5, 19.5])
    }

    @Test("hand-computed: quantiles landing exactly on order statistics are those values")
    func exactOrderStatistics() {
        // n = 21: h = 20p is whole for p = 0.05, 0.25, 0.5, 0.75, 0.95 → x₁, x₅, x₁₀, x₁₅, x₁₉.
        var values = (0...20).map { Double($0 * $0) }.reversed().map { $0 }
        let summary = Summary.of(&values)
        #expect(summary.p05 == 1)
        #expect(summary.p25 == 25)
        #expect(summary.p50 == 100)
        #expect(summary.p75 == 225)
        #expect(summary.p95 == 361)
        #expect(summary.mean == 2870.0 / 21)
    }

    @Test("one value is every quantile and the mean")
    func singleValue() {
        var values = [-7.25]
        #expect(Summary.of(&values) == Summary(mean: -7.25, p05: -7.25, p25: -7.25, p50: -7.25, p75: -7.25, p95: -7.25))
    }

    @Test("the end points are the minimum and the maximum")
    func endPoints() {
        let sorted = [-3.0, 0, 8, 9.5]
        #expect(Summary.quantile(0, ofSorted: sorted) == -3)
        #expect(Summary.quantile(1, ofSorted: sorted) == 9.5)
    }

    /// A sample and its expected `[mean, p05, p25, p50, p75, p95]`.
    struct Case: Sendable, CustomTestStringConvertible {
        var values: [Double]
        var expected: [Double]
        var testDescription: String { "\(values.count) values" }
    }

    // Expected figures computed once with NumPy 2.4.6 (`np.mean(a)`, `np.quantile(a, [0.05,
    // 0.25, 0.5, 0.75, 0.95])`, default method "linear") and pasted here.
    static let numpyCases: [Case] = [
        Case(
            values: [3.0, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
            expected: [4.0, 1.0, 2.5, 4.0, 5.0, 7.5]),
        Case(
            values: [0.1, 0.7, 0.2],
            expected: [0.3333333333333333, 0.11000000000000001, 0.15000000000000002, 0.2,
                       0.44999999999999996, 0.6499999999999999]),
        Case(
            values: [12345.678, -0.5, 1e6, 250.25, 99.9, 42.0, 7.125],
            expected: [144677.779, 1.7875000000000005, 24.5625, 99.9, 6297.964, 703703.7033999993]),
        Case(
            // [Double(i * i % 17) * 1.5 - 3 for i in range(20)]
            values: (0..<20).map { (index: Int) -> Double in Double(index * index % 17) * 1.5 - 3 },
            expected: [7.575, -3.0, -0.375, 6.0, 16.5, 21.0]),
    ]

    @Test("agrees with NumPy's defaults", arguments: numpyCases)
    func numpy(_ testCase: Case) {
        var values = testCase.values
        expectClose(Summary.of(&values), testCase.expected)
    }

    @Test("sorts the values in place")
    func sortsInPlace() {
        var values = [5.0, -1, 3, 3, 0]
        _ = Summary.of(&values)
        #expect(values == [-1, 0, 3, 3, 5])
    }

    @Test("the summary depends only on the values, not their order")
    func orderIndependent() {
        // Values whose sum is sensitive to order in floating point.
        let base = (0..<200).map { index in Double(index % 7) * 1e15 + 0.1 * Double(index) }
        var reference = base
        let expected = Summary.of(&reference)
        var generator = SplitMix64(seed: 12345)
        for _ in 0..<200 {
            var shuffled = base
            for index in stride(from: shuffled.count - 1, to: 0, by: -1) {
                shuffled.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
            #expect(Summary.of(&shuffled) == expected)
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a deterministic generator for shuffles in tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
