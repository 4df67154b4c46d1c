import Calendars
import CapacityPolicy

/// The days `--from…--to` cut into segments at the checks, as the simulation cuts them into windows
/// (docs/MODEL.md §5): a day's segment k ends at the k-th check, and its first segment starts at
/// the last check of the day before. A case created at 18:00 UTC on Monday is therefore one of
/// Tuesday's arrivals, as in the model. The simulation cuts these windows further at the shifts'
/// starts and ends; the fits need not: a window's SE-shifts are the sum of its segments', so in a
/// window whose backlog never runs dry its solved cases are Poisson with the same mean either way,
/// and arrival shares are given per window.
///
/// Times are minutes since the first segment of the first day began.
public struct SegmentClock: Sendable {
    public let firstDay: CivilDate
    public let dayCount: Int
    /// Windows in order of check time; segment k ends at `windows[k]`'s check.
    public let windows: [CheckWindow]
    /// Minutes since 1970-01-01 00:00 UTC at which the first segment of the first day begins.
    public let startMinute: Int
    /// For each segment, its first minute and its end, counted from the start of its day.
    public let segmentBounds: [Range<Int>]
    private let segmentOfMinute: [Int]

    public static let minutesPerDay = 1440

    public init(days: DateRange, windows: [CheckWindow]) {
        let sorted = windows.sorted { $0.checkMinute < $1.checkMinute }
        let last = sorted.last!.checkMinute
        firstDay = days.first
        dayCount = days.dayCount
        self.windows = sorted
        startMinute = (days.first.dayNumber - 1) * Self.minutesPerDay + last
        var bounds: [Range<Int>] = []
        var start = 0
        for w in sorted {
            let end = w.checkMinute - last + Self.minutesPerDay
            bounds.append(start..<end)
            start = end
        }
        segmentBounds = bounds
        var table = [Int](repeating: 0, count: Self.minutesPerDay)
        for (s, range) in bounds.enumerated() { for m in range { table[m] = s } }
        segmentOfMinute = table
    }

    public var segmentCount: Int { windows.count }
    public var minuteCount: Int { dayCount * Self.minutesPerDay }

    /// The minute index of an instant (seconds since 1970 UTC), possibly outside `0..<minuteCount`.
    public func minute(ofSeconds seconds: Int) -> Int {
        let absolute = seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
        return absolute - startMinute
    }

    /// The segment a minute (in `0..<minuteCount`) belongs to.
    public func segment(ofMinute m: Int) -> Int { segmentOfMinute[m % Self.minutesPerDay] }

    public func date(ofDay d: Int) -> CivilDate { firstDay.adding(days: d) }

    /// The segment's length in hours.
    public func hours(ofSegment s: Int) -> Double { Double(segmentBounds[s].count) / 60 }
}
