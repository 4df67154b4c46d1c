import Calendars

/// Turning an event into the calendar dates it covers.
///
/// An occurrence covers every date from its start's date through the date of its end, where an end
/// at exactly 00:00 does not cover that date (so an all-day event's exclusive DTEND is not covered);
/// an occurrence of no length covers its start's date. Dates are those of the local time as written.
extension EventDefinition {
    /// The sorted dates within `horizon` that the event's occurrences cover, leaving out the
    /// occurrences that EXDATE or the `overridden` RECURRENCE-IDs of other events remove. Those are
    /// matched by their date in the event's zone: a rule's occurrences all start at DTSTART's time of
    /// day, so a date names one, and an EXDATE written as a DATE for a timed event still removes it.
    func coveredDates(
        in horizon: ClosedRange<CivilDate>, overridden: [TimeOnLine], source: String, warnings: inout [ImportWarning]
    ) -> [CivilDate] {
        // Comparisons across zones that could not be made are reported once per event and zone.
        var unknownZones: Set<String> = []
        func inStartZone(_ value: TimeOnLine) -> ICalendarTime {
            do {
                return try TimeZoneConversion.wallClock(value.time, in: start.time.zone)
            } catch {
                if unknownZones.insert(error.name).inserted {
                    warnings.append(ImportWarning(
                        source: source, line: value.line,
                        message: "time zone \"\(error.name)\" is not in this system's time zone database; times in other zones were compared with this event's as written"))
                }
                return value.time
            }
        }

        var occurrences: [(start: ICalendarTime, length: ICalendarDuration)] = []
        if let (rule, ruleLine) = rule {
            let earliest = horizon.lowerBound.adding(days: -lastCoveredOffset(startSecond: start.time.secondOfDay ?? 0, length: length))
            let lastAllowed = rule.until.map { until in
                lastStartDate(until: inStartZone(TimeOnLine(time: until, line: ruleLine)))
            }
            let expansion = rule.expand(start: start.time.date, lastAllowed: lastAllowed, earliest: earliest, latest: horizon.upperBound)
            if !expansion.startMatchesRule {
                warnings.append(ImportWarning(
                    source: source, line: start.line,
                    message: "DTSTART \(start.time.date) is not a date of the event's RRULE; it was kept as the first occurrence, as RFC 5545 counts it"))
            }
            occurrences = expansion.dates.map {
                (ICalendarTime(date: $0, secondOfDay: start.time.secondOfDay, zone: start.time.zone), length)
            }
        } else {
            occurrences = [(start.time, length)]
        }
        occurrences += extraOccurrences.map { (inStartZone($0.start), $0.length) }

        let removed = Set((exceptions + overridden).map { inStartZone($0).date })
        var spans: [ClosedRange<Int>] = []
        for occurrence in occurrences where !removed.contains(occurrence.start.date) {
            let offset = lastCoveredOffset(startSecond: occurrence.start.secondOfDay ?? 0, length: occurrence.length)
            let first = max(occurrence.start.date, horizon.lowerBound)
            let last = min(occurrence.start.date.adding(days: offset), horizon.upperBound)
            guard first <= last else { continue }
            spans.append(first.dayNumber...last.dayNumber)
        }
        return Self.days(coveredBy: spans)
    }

    /// The days of `spans` in order, each once. Occurrences longer than their interval overlap, up to
    /// the whole horizon each, so the spans are merged rather than their days visited one by one.
    ///
    /// - Complexity: O(s log s + d) for s spans covering d distinct days.
    private static func days(coveredBy spans: [ClosedRange<Int>]) -> [CivilDate] {
        var days: [CivilDate] = []
        var next = Int.min
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) where span.upperBound >= next {
            for dayNumber in max(span.lowerBound, next)...span.upperBound { days.append(CivilDate(dayNumber: dayNumber)) }
            next = span.upperBound + 1
        }
        return days
    }

    /// How many days after its start date an occurrence's last covered date is.
    private func lastCoveredOffset(startSecond: Int, length: ICalendarDuration) -> Int {
        let endSecond = startSecond + length.days * 86_400 + length.seconds
        guard endSecond > startSecond else { return 0 }
        return (endSecond - 1) / 86_400
    }

    /// The last date on which the series may start given UNTIL, which is inclusive: an UNTIL date
    /// allows its whole day, an UNTIL date-time only a start at or before its time of day.
    private func lastStartDate(until: ICalendarTime) -> CivilDate {
        guard let untilSecond = until.secondOfDay else { return until.date }
        return (start.time.secondOfDay ?? 0) <= untilSecond ? until.date : until.date.adding(days: -1)
    }
}
