import Calendars
import InputFormats

/// Reading the value types of a scenario (dates, date ranges, clock times, weekdays, bounded
/// numbers) from JSON nodes. Like `JSONNode`'s own accessors, each records a problem with the
/// node's path and returns nil, so that decoding goes on and every problem is reported at once.
extension JSONNode {
    /// A number in `range`.
    func number(in range: ClosedRange<Double>) -> Double? {
        guard let x = double() else { return nil }
        guard range.contains(x) else {
            report("expected a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), found \(numberText)")
            return nil
        }
        return x
    }

    /// A number > 0 and at most `maximum`: a capacity, a multiplier.
    func positiveNumber(atMost maximum: Double) -> Double? {
        guard let x = double() else { return nil }
        guard x > 0, x <= maximum else {
            report("expected a number > 0 and ≤ \(Self.format(maximum)), found \(numberText)")
            return nil
        }
        return x
    }

    /// A probability or a share: a number from 0 to 1.
    func probability() -> Double? { number(in: 0...1) }

    /// A whole number in `range`. A whole number too large to represent is reported against the
    /// range too: the range is what the user needs to know.
    func int(in range: ClosedRange<Int>) -> Int? {
        guard case .number(let x, _) = value else { report("expected a whole number, found \(value.kindDescription)"); return nil }
        guard x.rounded() == x else { report("expected a whole number, found \(numberText)"); return nil }
        guard x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            report("expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(numberText)")
            return nil
        }
        return Int(x)
    }

    /// A non-empty string.
    func nonEmptyString() -> String? {
        guard let s = string() else { return nil }
        guard !s.isEmpty else { report("expected a non-empty string"); return nil }
        return s
    }

    /// A name people read in tables, terminals and file names: not empty, at most
    /// `ScenarioLimits.nameLength` characters, and without control characters (a line break or
    /// an escape sequence in a name would let it forge lines of output).
    func name() -> String? { text(maximumLength: ScenarioLimits.nameLength, allowingEmpty: false) }

    /// `YYYY-MM-DD`.
    func date() -> CivilDate? {
        guard let text = string() else { return nil }
        return parseDate(text)
    }

    private func parseDate(_ text: Substring) -> CivilDate? {
        guard let date = CivilDate(supported: text) else {
            report("\"\(text)\" is not a date (expected \(CivilDate.expectation))")
            return nil
        }
        return date
    }

    private func parseDate(_ text: String) -> CivilDate? { parseDate(Substring(text)) }

    /// `YYYY-MM-DD` for one day or `YYYY-MM-DD..YYYY-MM-DD` for an inclusive run of days.
    func dateRange() -> DateRange? {
        guard let text = string() else { return nil }
        let parts = text.split(separator: "..", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            report("\"\(text)\" is not a date or a range of dates (expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)")
            return nil
        }
        guard let first = parseDate(parts[0]) else { return nil }
        guard parts.count == 2 else { return DateRange(day: first) }
        guard let last = parseDate(parts[1]) else { return nil }
        return range(first, last)
    }

    /// The range from `first` to `last`, or nil after reporting that it ends before it starts.
    func range(_ first: CivilDate, _ last: CivilDate) -> DateRange? {
        guard let range = try? DateRange(first: first, last: last) else {
            report("end \(last) is before start \(first)")
            return nil
        }
        return range
    }

    /// `HH:MM` in UTC, as minutes after midnight; `24:00` only when `allowingMidnightEnd`.
    func clockMinute(allowingMidnightEnd: Bool = false) -> Int? {
        guard let text = string() else { return nil }
        return parseClock(Substring(text), allowingMidnightEnd: allowingMidnightEnd)
    }

    private func parseClock(_ text: Substring, allowingMidnightEnd: Bool) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 2, parts[1].count == 2,
           let h = Int(parts[0]), let m = Int(parts[1]), (0...59).contains(m),
           (0...23).contains(h) || (allowingMidnightEnd && h == 24 && m == 0) {
            return h * 60 + m
        }
        report("\"\(text)\" is not a time of day (expected HH:MM in UTC, 00:00 to 23:59)")
        return nil
    }

    /// `HH:MM-HH:MM` in UTC (an en dash works too). An end before the start means the next day, so
    /// the end is stored plus 1440 and may exceed a day (14:00-01:00 is 840..<1500).
    func timeSpan() -> Range<Int>? {
        guard let text = string() else { return nil }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2 else {
            report("\"\(text)\" is not a span of time (expected HH:MM-HH:MM in UTC)")
            return nil
        }
        guard let start = parseClock(parts[0], allowingMidnightEnd: false),
              let end = parseClock(parts[1], allowingMidnightEnd: true) else { return nil }
        guard start != end else { report("\"\(text)\" is empty: it ends when it starts"); return nil }
        return start..<(end < start ? end + 1440 : end)
    }

    /// "Mon" … "Sun" or "Monday" … "Sunday".
    func weekday() -> Weekday? {
        guard let text = string() else { return nil }
        guard let day = Weekday(scenarioName: text) else {
            report("\"\(text)\" is not a day of the week (expected Mon, Tue, Wed, Thu, Fri, Sat or Sun, or the full name)")
            return nil
        }
        return day
    }

    /// A non-empty list of weekdays.
    func weekdays() -> Set<Weekday>? {
        guard let elements = elements() else { return nil }
        guard !elements.isEmpty else { report("expected at least one day of the week"); return nil }
        let days = elements.map { $0.weekday() }
        guard !days.contains(nil) else { return nil }
        return Set(days.compactMap { $0 })
    }

    /// `5` rather than `5.0` in messages.
    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

extension Weekday {
    private static let fullNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "Mon" … "Sun" or "Monday" … "Sunday", exactly: a typo such as "Tues" or "Thurs" is reported
    /// rather than guessed.
    init?(scenarioName text: String) {
        guard let day = Weekday.allCases.first(where: { $0.abbreviation == text || Weekday.fullNames[$0.rawValue - 1] == text })
        else { return nil }
        self = day
    }
}
