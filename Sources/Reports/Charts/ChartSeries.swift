/// A named monthly series (one value per date), e.g. the median bed need of one placement type.
public struct ChartSeries: Sendable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
