import CalendarImport
import Calendars
import Foundation

/// The moments a helpdesk export writes, as seconds since 1970-01-01 00:00 UTC.
///
/// Accepted: ISO 8601 with `Z` or an offset (`2026-03-02T09:15:00Z`, `…T09:15:00.123+01:00`), and
/// `YYYY-MM-DD HH:MM[:SS]` optionally followed by an offset (`+0000`, `+01:00`, with or without a
/// space before it). A time without an offset is a wall-clock time of `zone`. Parsing works on the
/// bytes, without Foundation's date formatters, because an export can hold millions of them.
public struct TicketTimestampParser {
    public static let acceptedFormats = "YYYY-MM-DDTHH:MM[:SS[.fff]] with Z or ±HH:MM, or YYYY-MM-DD HH:MM[:SS] optionally followed by ±HHMM or ±HH:MM"

    public let zone: TimeZone
    /// The zone's offset for the last wall-clock hour converted: exports are mostly in time order,
    /// so one lookup serves a run of rows.
    private var cachedHour = Int.min
    private var cachedOffset = 0

    public init(zone: TimeZone) {
        self.zone = zone
    }

    /// The moment `text` names, or nil when it is none of the accepted formats.
    public mutating func seconds(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private mutating func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var value = 0
            for j in i..<(i + n) {
                let d = Int(b[j]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            i += n
            return value
        }
        func take(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), take(0x2D), let month = digits(2), take(0x2D), let day = digits(2),
              let date = CivilDate(year: year, month: month, day: day)?.dayNumber else { return nil }
        guard take(0x54) || take(0x20), let hour = digits(2), hour < 24, take(0x3A), let minute = digits(2), minute < 60 else { return nil }
        var second = 0
        if take(0x3A) {
            guard let s = digits(2), s < 61 else { return nil }
            second = min(s, 59)
            if take(0x2E) || take(0x2C) {
                let start = i
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
        }
        let wallClock = date * 86_400 + hour * 3600 + minute * 60 + second
        _ = take(0x20)
        if i == b.count { return wallClock - offset(atWallClock: wallClock) }
        if take(0x5A) { return i == b.count ? wallClock : nil }
        let sign: Int
        if take(0x2B) { sign = 1 } else if take(0x2D) { sign = -1 } else { return nil }
        guard let oh = digits(2) else { return nil }
        _ = take(0x3A)
        guard let om = digits(2), oh < 24, om < 60, i == b.count else { return nil }
        return wallClock - sign * (oh * 3600 + om * 60)
    }

    private mutating func offset(atWallClock wallClock: Int) -> Int {
        let hour = wallClock / 3600
        if hour != cachedHour {
            cachedHour = hour
            cachedOffset = wallClock - TimeZoneConversion.utcSeconds(wallClock: wallClock, in: zone)
        }
        return cachedOffset
    }
}
