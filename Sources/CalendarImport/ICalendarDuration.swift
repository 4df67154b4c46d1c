/// A DURATION value (RFC 5545 §3.3.6), such as `P1D`, `P2W`, `PT4H` or `P1DT12H`, and the length of
/// an event however it was given.
///
/// Days and weeks are nominal (a day is a calendar day) and hours, minutes and seconds are exact; the
/// two are kept apart as the RFC asks, although with times read as written they add up the same way.
struct ICalendarDuration: Equatable {
    /// Calendar days, weeks counted as 7.
    let days: Int
    /// Hours, minutes and seconds, in seconds.
    let seconds: Int

    static let zero = ICalendarDuration(days: 0, seconds: 0)

    var isNegative: Bool { days < 0 || seconds < 0 }

    /// The length from `start` to `end`, both read as written: whole days between two DATEs, seconds
    /// between two DATE-TIMEs.
    static func between(_ start: ICalendarTime, _ end: ICalendarTime) -> ICalendarDuration {
        start.isDate
            ? ICalendarDuration(days: start.date.days(to: end.date), seconds: 0)
            : ICalendarDuration(days: 0, seconds: end.wallClockSeconds - start.wallClockSeconds)
    }

    /// Parses `[+|-]P[nW][nD][T[nH][nM][nS]]` with at least one part, and a time part only after `T`.
    /// The RFC does not combine weeks with other parts, but doing so is unambiguous, so it is accepted.
    static func parse(_ text: String) -> ICalendarDuration? {
        var rest = Substring(text)
        var sign = 1
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var days = 0, seconds = 0, parts = 0
        var inTime = false
        // Each designator may appear once and in this order; a designator's index must only grow.
        let order: [Character] = ["W", "D", "T", "H", "M", "S"]
        var lastIndex = -1
        while !rest.isEmpty {
            if rest.first == "T" {
                guard lastIndex < 2 else { return nil }
                lastIndex = 2
                inTime = true
                rest = rest.dropFirst()
                guard !rest.isEmpty else { return nil }
                continue
            }
            // Nine digits are more than any event needs and keep the arithmetic on them from overflowing.
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let designator = rest.first, let index = order.firstIndex(of: designator),
                  index > lastIndex, (index > 2) == inTime
            else { return nil }
            lastIndex = index
            rest = rest.dropFirst()
            parts += 1
            switch designator {
            case "W": days += number * 7
            case "D": days += number
            case "H": seconds += number * 3600
            case "M": seconds += number * 60
            default: seconds += number
            }
        }
        guard parts > 0 else { return nil }
        return ICalendarDuration(days: sign * days, seconds: sign * seconds)
    }
}
