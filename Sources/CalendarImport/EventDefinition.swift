import Calendars

/// A VEVENT as written: its start, length and recurrence, before it is expanded into dates.
///
/// Reading the whole event before expanding it lets a later override (an event with the same UID and
/// a RECURRENCE-ID) take its occurrence away from the series it moves.
struct EventDefinition {
    /// A date value with the line it was written on, for messages about comparing it across zones.
    struct TimeOnLine {
        let time: ICalendarTime
        let line: Int
    }

    /// An RDATE: a start of its own, with the event's length or, for a PERIOD, its own.
    struct ExtraOccurrence {
        let start: TimeOnLine
        let length: ICalendarDuration
    }

    /// The line of BEGIN:VEVENT, by which messages and results name the event.
    let line: Int
    let summary: String
    let start: TimeOnLine
    /// From DTEND or DURATION; one day for an all-day event that has neither, nothing for a timed one.
    let length: ICalendarDuration
    let rule: (rule: RecurrenceRule, line: Int)?
    let extraOccurrences: [ExtraOccurrence]
    let exceptions: [TimeOnLine]
    let uid: String?
    /// Set when this event replaces one occurrence of the series with the same UID.
    let recurrenceID: TimeOnLine?
    /// STATUS:CANCELLED: the event takes no days, and as an override it removes its occurrence.
    let isCancelled: Bool
}

extension EventDefinition {
    /// Properties read without effect on dates; RFC 5545 §3.6.1 lists them for VEVENT.
    private static let propertiesWithoutDates: Set<String> = [
        "ATTACH", "ATTENDEE", "CATEGORIES", "CLASS", "COMMENT", "CONTACT", "CREATED", "DESCRIPTION", "DTSTAMP",
        "GEO", "LAST-MODIFIED", "LOCATION", "ORGANIZER", "PRIORITY", "RELATED-TO", "REQUEST-STATUS", "RESOURCES",
        "SEQUENCE", "TRANSP", "URL", "COLOR", "CONFERENCE", "IMAGE",
    ]
    /// Properties of which the RFC allows one per event.
    private static let singleProperties: Set<String> = [
        "DTSTART", "DTEND", "DURATION", "SUMMARY", "UID", "RECURRENCE-ID", "STATUS",
    ]

    /// Reads an event's own properties (those of components nested in it excluded).
    ///
    /// Returns nil, with warnings, when the event uses a feature that would change its dates and that
    /// this reader does not support. Throws when the event is malformed: no DTSTART, a value that does
    /// not parse, DTEND before DTSTART, DTEND together with DURATION, a property given twice.
    static func read(
        _ properties: [ContentLine], beginLine: Int, endLine: Int, source: String, warnings: inout [ImportWarning]
    ) throws(ImportError) -> EventDefinition? {
        func fail(_ line: Int, _ message: String) -> ImportError {
            ImportError(source: source, line: line, message: message)
        }
        var single: [String: ContentLine] = [:]
        var rules: [ContentLine] = []
        var exceptions: [TimeOnLine] = []
        var extraDates: [ContentLine] = []
        var reasonsToSkip: [(line: Int, reason: String)] = []
        for property in properties {
            switch property.name {
            case let name where singleProperties.contains(name):
                if let first = single[name] {
                    throw fail(property.line, "expected at most one \(name) in the VEVENT of line \(beginLine), found a second (the first is on line \(first.line))")
                }
                single[name] = property
            case "RRULE":
                rules.append(property)
            case "EXDATE":
                exceptions += try ICalendarTime.values(of: property, source: source).map { TimeOnLine(time: $0, line: property.line) }
            case "RDATE":
                extraDates.append(property)
            case "EXRULE":
                reasonsToSkip.append((property.line, "property EXRULE (deprecated by RFC 5545) is not supported"))
            case let name where propertiesWithoutDates.contains(name):
                continue
            default:
                warnings.append(ImportWarning(source: source, line: property.line, message: "property \(property.name) is not supported; it was skipped"))
            }
        }

        guard let startProperty = single["DTSTART"] else {
            throw fail(beginLine, "expected a DTSTART property in this VEVENT, which ends on line \(endLine)")
        }
        let start = try onlyValue(of: startProperty, source: source)
        let length = try readLength(start: start, end: single["DTEND"], duration: single["DURATION"], source: source)

        var rule: (RecurrenceRule, Int)?
        for (index, property) in rules.enumerated() {
            switch try RecurrenceRule.parse(property, source: source) {
            case .rule(let parsed) where index == 0:
                rule = (parsed, property.line)
            case .rule:
                reasonsToSkip.append((property.line, "a second RRULE in one event is not supported"))
            case .unsupported(let reason):
                reasonsToSkip.append((property.line, reason))
            }
        }

        var recurrenceID: TimeOnLine?
        if let property = single["RECURRENCE-ID"] {
            recurrenceID = TimeOnLine(time: try onlyValue(of: property, source: source), line: property.line)
            if property.parameter("RANGE")?.uppercased() == "THISANDFUTURE" {
                reasonsToSkip.append((property.line, "RECURRENCE-ID with RANGE=THISANDFUTURE is not supported"))
            }
        }

        var extraOccurrences: [ExtraOccurrence] = []
        for property in extraDates {
            extraOccurrences += try readExtraOccurrences(property, length: length, source: source)
        }

        guard reasonsToSkip.isEmpty else {
            for (line, reason) in reasonsToSkip {
                warnings.append(ImportWarning(source: source, line: line, message: "\(reason); the event was skipped"))
            }
            return nil
        }
        return EventDefinition(
            line: beginLine,
            summary: single["SUMMARY"].map { ICalendarText.printable(ICalendarText.unescape($0.value)) } ?? "",
            start: TimeOnLine(time: start, line: startProperty.line),
            length: length,
            rule: rule,
            extraOccurrences: extraOccurrences,
            exceptions: exceptions,
            uid: single["UID"]?.value,
            recurrenceID: recurrenceID,
            isCancelled: single["STATUS"]?.value.uppercased() == "CANCELLED"
        )
    }

    private static func onlyValue(of property: ContentLine, source: String) throws(ImportError) -> ICalendarTime {
        let values = try ICalendarTime.values(of: property, source: source)
        guard values.count == 1 else {
            throw ImportError(source: source, line: property.line, message: "expected one value in \(property.name), found \(values.count)")
        }
        return values[0]
    }

    /// DTEND (exclusive; of the same type as DTSTART, not before it) or DURATION (not negative).
    private static func readLength(
        start: ICalendarTime, end: ContentLine?, duration: ContentLine?, source: String
    ) throws(ImportError) -> ICalendarDuration {
        switch (end, duration) {
        case let (end?, duration?):
            throw ImportError(
                source: source, line: max(end.line, duration.line),
                message: "expected DTEND or DURATION in a VEVENT, not both")
        case let (end?, nil):
            let endTime = try onlyValue(of: end, source: source)
            guard endTime.isDate == start.isDate else {
                let kind = start.isDate ? "a date (YYYYMMDD)" : "a date-time (YYYYMMDDTHHMMSS)"
                throw ImportError(source: source, line: end.line, message: "expected DTEND to be \(kind) like DTSTART, found \"\(end.value)\"")
            }
            let length = ICalendarDuration.between(start, endTime)
            guard !length.isNegative else {
                throw ImportError(source: source, line: end.line, message: "expected DTEND to be no earlier than DTSTART, found \"\(end.value)\"")
            }
            return length
        case let (nil, duration?):
            guard let length = ICalendarDuration.parse(duration.value) else {
                throw ImportError(source: source, line: duration.line, message: "expected DURATION to be like P1D, P2W, PT4H or P1DT12H, found \"\(duration.value)\"")
            }
            guard !length.isNegative else {
                throw ImportError(source: source, line: duration.line, message: "expected DURATION to be positive, found \"\(duration.value)\"")
            }
            return length
        case (nil, nil):
            return start.isDate ? ICalendarDuration(days: 1, seconds: 0) : .zero
        }
    }

    /// RDATE values: DATE or DATE-TIME values taking the event's length, or `start/end` and
    /// `start/duration` periods taking their own.
    private static func readExtraOccurrences(
        _ property: ContentLine, length: ICalendarDuration, source: String
    ) throws(ImportError) -> [ExtraOccurrence] {
        guard property.parameter("VALUE")?.uppercased() == "PERIOD" else {
            return try ICalendarTime.values(of: property, source: source).map {
                ExtraOccurrence(start: TimeOnLine(time: $0, line: property.line), length: length)
            }
        }
        var occurrences: [ExtraOccurrence] = []
        for period in property.value.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = period.split(separator: "/", omittingEmptySubsequences: false)
            let tzid = property.parameter("TZID")
            guard ends.count == 2, let start = ICalendarTime.parse(ends[0], tzid: tzid, dateOnly: false), !start.isDate,
                  let length = ICalendarTime.parse(ends[1], tzid: tzid, dateOnly: false).map({ ICalendarDuration.between(start, $0) })
                    ?? ICalendarDuration.parse(String(ends[1])),
                  !length.isNegative
            else {
                throw ImportError(
                    source: source, line: property.line,
                    message: "expected RDATE periods like 20261221T090000/20261221T170000 or 20261221T090000/PT8H, found \"\(period)\"")
            }
            occurrences.append(ExtraOccurrence(start: TimeOnLine(time: start, line: property.line), length: length))
        }
        return occurrences
    }
}
