/// A calendar date without a time or a time zone (proleptic Gregorian), as scenarios and holiday
/// rules speak of days. Stored as a day number so that day arithmetic and comparison are integer
/// operations: the simulation asks "is this SE scheduled on this date" millions of times.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (which is day 0, a Thursday).
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Returns nil when the month or day does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (ISO 8601 calendar date, extended format) and `YYYYMMDD` (basic format).
    public init?(iso text: Substring) {
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard digits[i] >= 48, digits[i] <= 57 else { return nil }
                value = value * 10 + Int(digits[i] - 48)
            }
            return value
        }
        let parts: (Int?, Int?, Int?)
        switch digits.count {
        case 10 where digits[4] == UInt8(ascii: "-") && digits[7] == UInt8(ascii: "-"):
            parts = (number(0..<4), number(5..<7), number(8..<10))
        case 8:
            parts = (number(0..<4), number(4..<6), number(6..<8))
        default:
            return nil
        }
        guard let y = parts.0, let m = parts.1, let d = parts.2 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(iso text: String) { self.init(iso: Substring(text)) }

    public var year: Int { components.year }
    public var month: Int { components.month }

    /// "Jan" … "Dec": months as the outputs write them and as scenario keys name them
    /// (`inflow.month_factors`); index `month − 1`.
    public static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    public var day: Int { components.day }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let zeroBasedFromMonday = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday(rawValue: zeroBasedFromMonday + 1)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        let c = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    // MARK: Calendar arithmetic (Howard Hinnant's days_from_civil / civil_from_days)

    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// ISO 8601 weekday numbering, Monday first.
public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Three-letter English abbreviation used in scenario files and reports: "Mon" … "Sun".
    public var abbreviation: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
    }

    public init?(abbreviation: String) {
        guard let i = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].firstIndex(of: abbreviation.lowercased().prefix(3).description),
              abbreviation.count >= 3 else { return nil }
        self.init(rawValue: i + 1)
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension CivilDate {
    /// The dates plan reads: the years whose public holidays are written and checked
    /// (`PublicHolidays.supportedYears`). Outside them a holiday calendar is empty (New Year's Day
    /// 0001 would be a working day), so a date there would give answers that look right and are
    /// not; every reader of a date given by a person refuses it instead.
    public static let supportedRange = CivilDate(year: PublicHolidays.supportedYears.lowerBound, month: 1, day: 1)!
        ... CivilDate(year: PublicHolidays.supportedYears.upperBound, month: 12, day: 31)!

    /// What every such reader expects, in its messages: "YYYY-MM-DD from 1970-01-01 to 2100-12-31".
    public static let expectation = "YYYY-MM-DD from \(supportedRange.lowerBound) to \(supportedRange.upperBound)"

    /// Parses `YYYY-MM-DD` (exactly ten characters) within `supportedRange`; nil otherwise.
    public init?(supported text: some StringProtocol) {
        guard text.utf8.count == 10, let date = CivilDate(iso: Substring(text)), Self.supportedRange.contains(date) else { return nil }
        self = date
    }
}
