import Calendars
import Foundation
@testable import CalendarImport

/// Shorthands that keep the tests close to the files they read.

func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

func dates(_ isos: String...) -> [CivilDate] { isos.map(date) }

/// Every date from `first` through `last`.
func dates(from first: String, through last: String) -> [CivilDate] {
    (date(first).dayNumber...date(last).dayNumber).map(CivilDate.init(dayNumber:))
}

let horizon2026to2027 = date("2026-01-01")...date("2027-12-31")

/// An iCalendar file with CRLF line ends: BEGIN:VCALENDAR is line 1, VERSION line 2, PRODID line 3,
/// so the first line of `body` is line 4.
func calendar(_ body: String) -> String {
    (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plan//tests//EN"] + body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + ["END:VCALENDAR"])
        .joined(separator: "\r\n") + "\r\n"
}

/// Reads one calendar made by `calendar(_:)` and returns its events.
func events(_ body: String, horizon: ClosedRange<CivilDate> = horizon2026to2027) throws -> [ImportedEvent] {
    try ICalendarReader.read(calendar(body), source: "team.ics", horizon: horizon).events
}

/// The covered dates of the only event in `body`.
func onlyEventDates(_ body: String, horizon: ClosedRange<CivilDate> = horizon2026to2027) throws -> [CivilDate] {
    let found = try events(body, horizon: horizon)
    guard found.count == 1 else { throw FixtureError(message: "expected one event, found \(found.count)") }
    return found[0].dates
}

/// The description of the error `body` throws, or nil when it reads.
func importError(_ text: String) -> String? {
    do {
        _ = try ICalendarReader.read(text, source: "team.ics", horizon: horizon2026to2027)
        return nil
    } catch {
        return error.description
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

func fixture(_ name: String) throws -> Data {
    let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
    guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures") else {
        throw FixtureError(message: "fixture \(name) is missing")
    }
    return try Data(contentsOf: url)
}
