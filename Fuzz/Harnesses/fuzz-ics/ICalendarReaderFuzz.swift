import CalendarImport
import Calendars

/// The longest horizon a scenario allows (1096 days), so that recurrence expansion does the most work
/// validation would let it do.
private let horizon = CivilDate(year: 2026, month: 1, day: 1)!...CivilDate(year: 2028, month: 12, day: 31)!

/// libFuzzer's entry point for the iCalendar reader, fed raw bytes as the scenario loader does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzICalendarReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let calendar = try? ICalendarReader.read(bytes: bytes, source: "fuzz.ics", horizon: horizon) else { return 0 }
    _ = calendar.timeOffDates
    _ = calendar.holidays
    return 0
}
