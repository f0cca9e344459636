/// One episode after stitching: a span of days in one placement.
package struct CareEpisode: Sendable {
    /// First day (DECOM).
    package var start: Int
    /// Day the episode ended (DEC), exclusive for exposure; `nil` while still open.
    package var end: Int?
    package var placement: Placement
    /// Whether the provider is the council itself (PLACE_PROVIDER PR1).
    package var inHouse: Bool = false
    /// Whether the child changed placement to begin this episode.
    package var isMove: Bool

    package init(start: Int, end: Int?, placement: Placement, inHouse: Bool = false, isMove: Bool) {
        self.start = start
        self.end = end
        self.placement = placement
        self.inHouse = inHouse
        self.isMove = isMove
    }
}

/// How a period of care ended.
package enum PeriodEnding: Sendable, Equatable {
    /// Still in care at the end of the data.
    case open
    /// Lost from view without an exit (an open episode missing from the next year's return).
    case censored
    /// Left care for the reason the REC code gives.
    case exit(rec: String)
}

/// A period of care: episodes back to back from entry to exit.
package struct CarePeriod: Sendable {
    package var episodes: [CareEpisode]
    package var ending: PeriodEnding
    package var start: Int { episodes[0].start }
    /// Last day in care (exclusive), `nil` while open.
    package var end: Int? { episodes[episodes.count - 1].end }
}

/// One child after stitching: no identifier is kept, only what estimation needs.
package struct StitchedChild: Sendable {
    package var dob: Int
    package var isMother: Bool
    package var isUASC: Bool
    package var periods: [CarePeriod]
}

/// A return after stitching across years: children's periods of care and the data-quality report.
public struct StitchedReturn: Sendable {
    package var children: [StitchedChild]
    public var report: DataQualityReport
    public var years: [CollectionYear]
    /// The day after the last collection year ends: open episodes are observed to here.
    public var dataEnd: Int
    /// OC3 accommodation codes (care leavers 17–21) counted by collection year.
    public var oc3Accommodation: [CollectionYear: [String: Int]]
    /// How day and month are ordered in the files' `nn/nn/YYYY` dates.
    public var dateOrder = DateOrder()
}
