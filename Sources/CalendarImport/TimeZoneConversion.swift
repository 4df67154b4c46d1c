import Foundation

/// Relating times written in different zones, which RFC 5545 requires in three places: an UNTIL
/// written in UTC for a DTSTART with a TZID, and EXDATE or RECURRENCE-ID values written in another
/// zone than the DTSTART whose occurrences they name.
///
/// Zone names are looked up in the system's time zone database (IANA names such as
/// `Europe/London`). The VTIMEZONE definitions inside the file are not read: the dates of events never
/// depend on them, only these comparisons do, and a name the system does not know is reported.
public enum TimeZoneConversion {
    /// A TZID that the system's time zone database does not have, such as a Windows zone name.
    struct UnknownZone: Error, Equatable {
        let name: String
    }

    /// `time` as the wall-clock time of `zone`. DATE values, values already in `zone` and conversions
    /// to or from floating time (which has no zone to relate to) come back as written.
    static func wallClock(_ time: ICalendarTime, in zone: ICalendarTime.Zone) throws(UnknownZone) -> ICalendarTime {
        guard !time.isDate, time.zone != zone, time.zone != .floating, zone != .floating else { return time }
        let utcSeconds: Int
        switch time.zone {
        case .named(let name):
            guard let source = TimeZone(identifier: name) else { throw UnknownZone(name: name) }
            utcSeconds = Self.utcSeconds(wallClock: time.wallClockSeconds, in: source)
        default:
            utcSeconds = time.wallClockSeconds
        }
        switch zone {
        case .named(let name):
            guard let target = TimeZone(identifier: name) else { throw UnknownZone(name: name) }
            return ICalendarTime(wallClockSeconds: utcSeconds + offset(of: target, at: utcSeconds), zone: zone)
        default:
            return ICalendarTime(wallClockSeconds: utcSeconds, zone: zone)
        }
    }

    /// The instant (seconds since 1970 UTC) at which `zone`'s clocks show `wallClock` (seconds since
    /// 1970 on the wall clock). The offset at the written time, then again at the instant it gives,
    /// settles DST changes; a time skipped by a change reads with the offset after it.
    public static func utcSeconds(wallClock: Int, in zone: TimeZone) -> Int {
        let firstGuess = wallClock - offset(of: zone, at: wallClock)
        return wallClock - offset(of: zone, at: firstGuess)
    }

    private static func offset(of zone: TimeZone, at utcSeconds: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
    }
}
