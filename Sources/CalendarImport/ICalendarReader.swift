import Calendars

/// Reading an iCalendar file (RFC 5545) into the days its events take.
///
/// The reader takes the file's content and a `source` name for messages, and does no I/O. It reads
/// the VEVENTs of every VCALENDAR in the stream: all-day and timed events, DTEND or DURATION, RRULE
/// (see `RecurrenceRule` for what is supported), RDATE, EXDATE and overrides of single occurrences
/// (RECURRENCE-ID). Times are read as written in their own zone, because a plan counts calendar days.
///
/// Three kinds of trouble are told apart:
/// - a file that is not well formed throws an ``ImportError`` naming the line;
/// - a feature that does not affect dates (a VALARM, an X- property) is skipped with a warning;
/// - a feature that would change the dates but is not supported skips its whole event with a
///   warning, so that no event lands on wrong dates.
public enum ICalendarReader {
    /// Properties of a VCALENDAR that say nothing about dates (RFC 5545 §3.7, RFC 7986 §5).
    private static let calendarPropertiesWithoutDates: Set<String> = [
        "PRODID", "METHOD", "NAME", "DESCRIPTION", "UID", "URL", "LAST-MODIFIED", "CATEGORIES",
        "REFRESH-INTERVAL", "SOURCE", "COLOR", "IMAGE",
    ]

    /// Reads `text`, the content of an `.ics` file, keeping the dates within `horizon`.
    ///
    /// - Complexity: O(n + p × d) for n lines, and p recurrence periods of d days each from each
    ///   rule's start (or, without COUNT, from the horizon's start) to the horizon's end.
    public static func read(
        _ text: String, source: String, horizon: ClosedRange<CivilDate>
    ) throws(ImportError) -> ImportedCalendar {
        try read(bytes: Array(text.utf8), source: source, horizon: horizon)
    }

    /// Reads the raw bytes of an `.ics` file, which is UTF-8 by RFC 5545. Prefer this to decoding first:
    /// a producer may fold a line inside a multi-byte character, which decoding line by line would
    /// break and unfolding the bytes first repairs.
    public static func read(
        bytes: [UInt8], source: String, horizon: ClosedRange<CivilDate>
    ) throws(ImportError) -> ImportedCalendar {
        var warnings: [ImportWarning] = []
        let definitions = try readEvents(ContentLines.parse(bytes, source: source), source: source, warnings: &warnings)

        var overridden: [String: [EventDefinition.TimeOnLine]] = [:]
        for definition in definitions {
            if let uid = definition.uid, let recurrenceID = definition.recurrenceID {
                overridden[uid, default: []].append(recurrenceID)
            }
        }
        var events: [ImportedEvent] = []
        for definition in definitions where !definition.isCancelled {
            let replaced = definition.recurrenceID == nil ? definition.uid.flatMap { overridden[$0] } ?? [] : []
            let dates = definition.coveredDates(in: horizon, overridden: replaced, source: source, warnings: &warnings)
            if !dates.isEmpty {
                events.append(ImportedEvent(summary: definition.summary, line: definition.line, dates: dates))
            }
        }
        // Warnings are found in three passes (components, events, dates); a reader wants file order.
        let inFileOrder = warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return ImportedCalendar(events: events, warnings: inFileOrder)
    }

    /// What the reader does with the content of the component a line is in.
    private enum Context {
        case calendar
        /// A VEVENT, whose properties are gathered in `eventProperties` (events do not nest).
        case event
        /// A component that is skipped with everything in it; its BEGIN was reported if need be.
        case skipped
    }

    /// Walks BEGIN/END nesting, checks it balances, and reads each VEVENT's properties.
    private static func readEvents(
        _ lines: [ContentLine], source: String, warnings: inout [ImportWarning]
    ) throws(ImportError) -> [EventDefinition] {
        guard let first = lines.first else {
            throw ImportError(source: source, line: 1, message: "expected BEGIN:VCALENDAR, found an empty file")
        }
        var open: [(name: String, line: Int, context: Context)] = []
        var definitions: [EventDefinition] = []
        var eventProperties: [ContentLine] = []
        for line in lines {
            let name = line.name == "BEGIN" || line.name == "END" ? line.value.uppercased() : ""
            switch (line.name, open.last?.context) {
            case ("BEGIN", nil):
                guard name == "VCALENDAR" else { throw expectedCalendar(line, source: source) }
                open.append((name, line.line, .calendar))
            case ("BEGIN", .calendar?) where name == "VEVENT":
                eventProperties = []
                open.append((name, line.line, .event))
            case ("BEGIN", .calendar?) where name == "VTIMEZONE":
                // Times are read as written in their zone; the zone's rules change no date.
                open.append((name, line.line, .skipped))
            case ("BEGIN", .skipped?):
                open.append((name, line.line, .skipped))
            case ("BEGIN", _):
                guard !name.isEmpty else {
                    throw ImportError(source: source, line: line.line, message: "expected a component name after BEGIN:")
                }
                warnings.append(ImportWarning(source: source, line: line.line, message: "component \(name) is not supported; it was skipped"))
                open.append((name, line.line, .skipped))
            case ("END", _):
                guard let component = open.popLast() else {
                    throw ImportError(source: source, line: line.line, message: "expected BEGIN:VCALENDAR, found END:\(line.value) with no component open")
                }
                guard name == component.name else {
                    throw ImportError(
                        source: source, line: line.line,
                        message: "expected END:\(component.name) to close the BEGIN:\(component.name) of line \(component.line), found END:\(line.value)")
                }
                if case .event = component.context,
                   let definition = try EventDefinition.read(
                       eventProperties, beginLine: component.line, endLine: line.line, source: source, warnings: &warnings) {
                    definitions.append(definition)
                }
            case (_, nil):
                throw expectedCalendar(line, source: source)
            case (_, .calendar?):
                try readCalendarProperty(line, source: source, warnings: &warnings)
            case (_, .event?):
                eventProperties.append(line)
            case (_, .skipped?):
                continue
            }
        }
        if let unclosed = open.last {
            throw ImportError(
                source: source, line: lines.last?.line ?? first.line,
                message: "expected END:\(unclosed.name) to close the BEGIN:\(unclosed.name) of line \(unclosed.line) before the end of the file")
        }
        return definitions
    }

    private static func expectedCalendar(_ line: ContentLine, source: String) -> ImportError {
        let found = line.name == "BEGIN" || line.name == "END" ? "\(line.name):\(line.value)" : "the property \(line.name)"
        return ImportError(source: source, line: line.line, message: "expected BEGIN:VCALENDAR, found \(found)")
    }

    /// VERSION and CALSCALE decide how the rest is read, so other values are errors; properties
    /// without dates are read past; anything else is reported.
    private static func readCalendarProperty(
        _ line: ContentLine, source: String, warnings: inout [ImportWarning]
    ) throws(ImportError) {
        switch line.name {
        case "VERSION" where line.value != "2.0":
            throw ImportError(
                source: source, line: line.line,
                message: "expected VERSION:2.0 (iCalendar, RFC 5545), found VERSION:\(line.value)")
        case "CALSCALE" where line.value.uppercased() != "GREGORIAN":
            throw ImportError(
                source: source, line: line.line,
                message: "expected CALSCALE:GREGORIAN, the only calendar scale RFC 5545 defines, found CALSCALE:\(line.value)")
        case "VERSION", "CALSCALE":
            return
        case let name where calendarPropertiesWithoutDates.contains(name):
            return
        default:
            warnings.append(ImportWarning(source: source, line: line.line, message: "property \(line.name) is not supported; it was skipped"))
        }
    }
}
