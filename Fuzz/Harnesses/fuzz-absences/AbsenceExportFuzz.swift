import CalendarImport
import Calendars
import Calibration
import Foundation
import Scenarios

/// libFuzzer's entry point for `plan calibrate --absences`: the input is an HR absence export
/// (`name,start,end[,type]`), read as the command reads it (UTF-8 text, `TimeOffCSV`), then the
/// whole calibration of a fixed three-week ticket export with those absences, sickness of type
/// "sick" fitted, and the outputs. Whatever the reader accepts must fit, or fail with an error,
/// without trapping, whatever the dates and names say.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAbsenceExport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = String(bytes: UnsafeBufferPointer(start: data, count: size), encoding: .utf8),
          let absences = try? TimeOffCSV(text: text, source: "absences.csv") else { return 0 }
    let request = CalibrationRequest(
        scenario: team, days: days, ticketFiles: [exportPath], absences: absences, absenceType: "sick", allowShort: true)
    guard let calibration = try? CalibrationFit.run(request) else { return 0 }
    _ = calibration.text
    _ = try? calibration.fragmentJSON
    _ = calibration.html(inputs: ["absences"], toolVersion: "fuzz")
    return 0
}

private let days = DateRange(CivilDate(iso: "2026-01-05")!...CivilDate(iso: "2026-01-25")!)

/// A small export, written once per process: a case every few hours, solved the next hour.
private let exportPath: String = {
    let path = NSTemporaryDirectory() + "/fuzz-absences-\(getpid()).csv"
    var text = "created_at,solved_at\n"
    for hour in stride(from: 0, to: 21 * 24, by: 5) {
        let created = Date(timeIntervalSince1970: 1_767_571_200 + Double(hour) * 3600)
        text += "\(ISO8601DateFormatter().string(from: created)),\(ISO8601DateFormatter().string(from: created.addingTimeInterval(3600)))\n"
    }
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
}()

/// Two SEs with the default windows and shifts.
private let team: Scenario = {
    let text = """
        {"name": "team", "horizon": {"start": "2026-01-05", "end": "2026-01-25"},
         "team": [{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}],
         "inflow": {"base_per_day": 5}}
        """
    return try! Scenario.load(text: text, path: "team.json", readFile: { path in throw MissingFile(path: path) }).scenario
}()

private struct MissingFile: Error {
    let path: String
}
