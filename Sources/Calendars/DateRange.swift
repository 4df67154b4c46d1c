/// An inclusive run of dates: a week of time off, a company closure. Inclusive because that is
/// how people write them ("off 22–26 December").
public struct DateRange: Hashable, Sendable, CustomStringConvertible {
    public let first: CivilDate
    public let last: CivilDate

    /// Throws when `last` is before `first`: a reversed range is a typo, not an empty range.
    public init(first: CivilDate, last: CivilDate) throws(CalendarError) {
        guard first <= last else { throw .rangeEndsBeforeStart(first: first, last: last) }
        self.first = first
        self.last = last
    }

    /// The dates of a closed range, which is in order by construction.
    public init(_ range: ClosedRange<CivilDate>) {
        first = range.lowerBound
        last = range.upperBound
    }

    /// The single day `date`.
    public init(day date: CivilDate) {
        first = date
        last = date
    }

    /// Complexity: O(1).
    public func contains(_ date: CivilDate) -> Bool { first <= date && date <= last }

    public var dayCount: Int { first.days(to: last) + 1 }

    /// The dates in order. Complexity: O(days).
    public var days: [CivilDate] { (first.dayNumber...last.dayNumber).map(CivilDate.init(dayNumber:)) }

    /// "2026-12-24" for one day, "2026-12-24…2026-12-31" for more.
    public var description: String { first == last ? "\(first)" : "\(first)…\(last)" }
}
