import Calendars

/// A DATE or DATE-TIME value (RFC 5545 §3.3.4, §3.3.5) as written in the file.
///
/// Times are kept in the local time they were written in, with their zone alongside, because plans
/// are made in calendar days: an event written as 09:00 in Europe/London is on the date it says.
/// The zone is used only where the RFC compares instants across zones (UNTIL, EXDATE, RECURRENCE-ID).
struct ICalendarTime: Equatable {
    enum Zone: Equatable {
        /// No zone: the same wall-clock time wherever the reader is.
        case floating
        /// A trailing `Z`.
        case utc
        /// A `TZID` parameter, such as `Europe/London`.
        case named(String)
    }

    let date: CivilDate
    /// Seconds after midnight; nil for a DATE value, which makes the event an all-day event.
    let secondOfDay: Int?
    let zone: Zone

    var isDate: Bool { secondOfDay == nil }

    init(date: CivilDate, secondOfDay: Int?, zone: Zone) {
        self.date = date
        self.secondOfDay = secondOfDay
        self.zone = zone
    }

    /// The DATE-TIME `wallClockSeconds` after 1970-01-01T00:00 (negative before), in `zone`.
    init(wallClockSeconds: Int, zone: Zone) {
        let day = wallClockSeconds >= 0 ? wallClockSeconds / 86_400 : -((-wallClockSeconds + 86_399) / 86_400)
        self.init(date: CivilDate(dayNumber: day), secondOfDay: wallClockSeconds - day * 86_400, zone: zone)
    }

    /// Seconds since 1970-01-01T00:00 in the time as written, for ordering and differences.
    var wallClockSeconds: Int { date.dayNumber * 86_400 + (secondOfDay ?? 0) }

    /// Parses `YYYYMMDD` when `dateOnly`, otherwise `YYYYMMDDTHHMMSS` with an optional `Z`; a bare
    /// `YYYYMMDD` is accepted as a DATE even without `VALUE=DATE`, which some producers leave out.
    static func parse(_ text: Substring, tzid: String?, dateOnly: Bool) -> ICalendarTime? {
        let utf8 = Array(text.utf8)
        if utf8.count == 8 {
            guard let date = CivilDate(iso: text) else { return nil }
            return ICalendarTime(date: date, secondOfDay: nil, zone: .floating)
        }
        guard !dateOnly, utf8.count == 15 || (utf8.count == 16 && utf8[15] == UInt8(ascii: "Z")),
              utf8[8] == UInt8(ascii: "T"),
              let date = CivilDate(iso: text.prefix(8)),
              let hour = Int(text.dropFirst(9).prefix(2)), let minute = Int(text.dropFirst(11).prefix(2)),
              let second = Int(text.dropFirst(13).prefix(2)),
              utf8[9...14].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        let zone: Zone = utf8.count == 16 ? .utc : tzid.map(Zone.named) ?? .floating
        return ICalendarTime(date: date, secondOfDay: hour * 3600 + minute * 60 + min(second, 59), zone: zone)
    }

    /// Reads the value of a property such as DTSTART, honouring its `VALUE` and `TZID` parameters.
    /// A list property (EXDATE, RDATE) has comma-separated values, all of the same type.
    static func values(of property: ContentLine, source: String) throws(ImportError) -> [ICalendarTime] {
        let valueType = property.parameter("VALUE")?.uppercased()
        let dateOnly = valueType == "DATE"
        guard valueType == nil || dateOnly || valueType == "DATE-TIME" else {
            throw ImportError(
                source: source, line: property.line,
                message: "expected VALUE=DATE or VALUE=DATE-TIME on \(property.name), found VALUE=\(valueType!)")
        }
        var times: [ICalendarTime] = []
        for text in property.value.split(separator: ",", omittingEmptySubsequences: false) {
            guard let time = parse(text, tzid: property.parameter("TZID"), dateOnly: dateOnly) else {
                let expected = dateOnly
                    ? "a date (YYYYMMDD) as its VALUE=DATE says"
                    : "a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS)"
                throw ImportError(
                    source: source, line: property.line,
                    message: "expected \(property.name) to be \(expected), found \"\(text)\"")
            }
            times.append(time)
        }
        return times
    }
}
