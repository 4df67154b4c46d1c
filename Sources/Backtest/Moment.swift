import Calendars

/// A moment in UTC to the minute: when a check is declared, or when a forecast was made. A
/// forecast counts for a check only if it was made before it.
public struct Moment: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CivilDate
    /// Minutes after midnight UTC.
    public let minute: Int

    public init(date: CivilDate, minute: Int) {
        self.date = date
        self.minute = minute
    }

    /// `2026-11-30T20:01:02Z` (seconds and the `Z` optional), or a date alone for its midnight.
    public init?(iso text: String) {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard let first = parts.first, let date = CivilDate(iso: first) else { return nil }
        guard parts.count == 2 else {
            self.init(date: date, minute: 0)
            return
        }
        var time = parts[1]
        if time.last == "Z" { time = time.dropLast() }
        let fields = time.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(fields[0]), let minute = Int(fields[1]), (0..<24).contains(hour), (0..<60).contains(minute),
              fields.count == 2 || Int(fields[2]).map({ (0..<60).contains($0) }) == true else { return nil }
        self.init(date: date, minute: hour * 60 + minute)
    }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(minute / 60)):\(two(minute % 60))Z"
    }

    public static func < (lhs: Moment, rhs: Moment) -> Bool { (lhs.date, lhs.minute) < (rhs.date, rhs.minute) }
}
