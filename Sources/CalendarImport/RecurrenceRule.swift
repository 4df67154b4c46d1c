import Calendars

/// A recurrence rule (RRULE, RFC 5545 §3.3.10), read as far as this reader can expand it exactly.
///
/// Supported: FREQ=DAILY, WEEKLY, MONTHLY and YEARLY with INTERVAL, COUNT, UNTIL, BYDAY (with ordinals
/// such as `4TH` or `-1MO` for MONTHLY and YEARLY), BYMONTH, BYMONTHDAY (negative counts from the
/// month's end), BYSETPOS and WKST. Anything else the RFC defines would change which days an event
/// falls on if it were dropped, so a rule that uses it is reported as unsupported and its event is
/// left out rather than placed on wrong dates. A rule that breaks the RFC's grammar is an error.
struct RecurrenceRule: Equatable {
    enum Frequency: String, Equatable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday, optionally the n-th (from the end when negative) of its month or year.
    struct WeekdayNumber: Equatable {
        let ordinal: Int?
        let weekday: Weekday
    }

    /// How a rule was read: a rule to expand, or the reason it cannot be expanded faithfully.
    enum Reading: Equatable {
        case rule(RecurrenceRule)
        case unsupported(String)
    }

    var frequency: Frequency
    var interval = 1
    var count: Int?
    var until: ICalendarTime?
    var byDay: [WeekdayNumber] = []
    var byMonth: [Int] = []
    var byMonthDay: [Int] = []
    var bySetPosition: [Int] = []
    /// The first day of the week, which decides which weeks a WEEKLY rule with INTERVAL > 1 uses.
    var weekStart: Weekday = .monday

    init(frequency: Frequency) { self.frequency = frequency }

    /// Far beyond any rule a calendar holds (a million years for YEARLY), and small enough that no
    /// date arithmetic in the expansion overflows.
    static let maximumInterval = 1_000_000

    private static let unsupportedFrequencies: Set<String> = ["SECONDLY", "MINUTELY", "HOURLY"]
    private static let unsupportedParts: Set<String> = ["BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY", "BYWEEKNO"]
    private static let weekdayCodes: [String: Weekday] = [
        "MO": .monday, "TU": .tuesday, "WE": .wednesday, "TH": .thursday, "FR": .friday, "SA": .saturday, "SU": .sunday,
    ]

    /// Reads the value of an RRULE property. Throws when the value breaks the RFC's grammar.
    static func parse(_ property: ContentLine, source: String) throws(ImportError) -> Reading {
        func fail(_ message: String) -> ImportError {
            ImportError(source: source, line: property.line, message: message)
        }
        var parts: [(name: String, value: Substring)] = []
        for part in property.value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else {
                throw fail("expected RRULE parts of the form NAME=VALUE separated by \";\", found \"\(part)\"")
            }
            let name = pair[0].uppercased()
            if parts.contains(where: { $0.name == name }) {
                throw fail("expected each RRULE part at most once, found \(name) twice")
            }
            parts.append((name, pair[1]))
        }
        guard let frequencyValue = parts.first(where: { $0.name == "FREQ" })?.value.uppercased() else {
            throw fail("expected a FREQ part in the RRULE \"\(property.value)\"")
        }
        guard let frequency = Frequency(rawValue: frequencyValue) else {
            if unsupportedFrequencies.contains(frequencyValue) {
                return .unsupported("RRULE FREQ=\(frequencyValue) is not supported")
            }
            throw fail("expected FREQ to be SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY, found \"\(frequencyValue)\"")
        }
        var rule = RecurrenceRule(frequency: frequency)
        var unsupported: [String] = []
        for (name, value) in parts where name != "FREQ" {
            switch name {
            case "INTERVAL":
                rule.interval = try number(value, in: 1...maximumInterval, part: name, fail: fail)
            case "COUNT":
                rule.count = try number(value, in: 1...Int.max, part: name, fail: fail)
            case "UNTIL":
                guard let until = ICalendarTime.parse(value, tzid: nil, dateOnly: false) else {
                    throw fail("expected UNTIL to be a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSSZ), found \"\(value)\"")
                }
                rule.until = until
            case "BYDAY":
                rule.byDay = try value.split(separator: ",", omittingEmptySubsequences: false).map { (entry) throws(ImportError) in
                    try weekdayNumber(entry, fail: fail)
                }
            case "BYMONTH":
                rule.byMonth = try numbers(value, part: name, fail: fail) { (1...12).contains($0) }
            case "BYMONTHDAY":
                rule.byMonthDay = try numbers(value, part: name, fail: fail) { $0 != 0 && (-31...31).contains($0) }
            case "BYSETPOS":
                rule.bySetPosition = try numbers(value, part: name, fail: fail) { $0 != 0 && (-366...366).contains($0) }
            case "WKST":
                guard let weekday = weekdayCodes[value.uppercased()] else {
                    throw fail("expected WKST to be one of MO, TU, WE, TH, FR, SA, SU, found \"\(value)\"")
                }
                rule.weekStart = weekday
            default:
                unsupported.append(name)
            }
        }
        if rule.count != nil && rule.until != nil {
            throw fail("expected COUNT or UNTIL in an RRULE, not both")
        }
        if frequency == .daily || frequency == .weekly, let numbered = rule.byDay.first(where: { $0.ordinal != nil }) {
            throw fail("expected BYDAY without a number (found \(numbered.ordinal!) before a weekday) when FREQ is \(frequency.rawValue)")
        }
        if frequency == .weekly && !rule.byMonthDay.isEmpty {
            throw fail("expected no BYMONTHDAY when FREQ is WEEKLY")
        }
        if let name = unsupported.first {
            let known = unsupportedParts.contains(name) ? "" : " (it is not an RFC 5545 part)"
            return .unsupported("RRULE part \(name) is not supported\(known)")
        }
        return .rule(rule)
    }

    private static func number(
        _ text: Substring, in range: ClosedRange<Int>, part: String, fail: (String) -> ImportError
    ) throws(ImportError) -> Int {
        guard let value = Int(text), range.contains(value), text.first != "+" else {
            let bound = range.upperBound == Int.max ? "" : " no greater than \(range.upperBound)"
            throw fail("expected \(part) to be a positive whole number\(bound), found \"\(text)\"")
        }
        return value
    }

    private static func numbers(
        _ text: Substring, part: String, fail: (String) -> ImportError, valid: (Int) -> Bool
    ) throws(ImportError) -> [Int] {
        var values: [Int] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(entry), valid(value) else {
                let ranges = ["BYMONTH": "1 to 12", "BYMONTHDAY": "1 to 31 or -31 to -1", "BYSETPOS": "1 to 366 or -366 to -1"]
                throw fail("expected \(part) to list numbers from \(ranges[part]!), found \"\(entry)\"")
            }
            values.append(value)
        }
        return values
    }

    /// `[+|-][n]XX`, where XX is a two-letter weekday code and n is 1 to 53.
    private static func weekdayNumber(_ entry: Substring, fail: (String) -> ImportError) throws(ImportError) -> WeekdayNumber {
        let code = entry.suffix(2).uppercased()
        let prefix = entry.dropLast(2)
        let ordinal = prefix.isEmpty ? nil : Int(prefix)
        guard let weekday = weekdayCodes[code], prefix.isEmpty || ordinal.map({ $0 != 0 && (-53...53).contains($0) }) == true else {
            throw fail("expected BYDAY to list weekdays such as MO, 2TU or -1FR, found \"\(entry)\"")
        }
        return WeekdayNumber(ordinal: ordinal, weekday: weekday)
    }
}
