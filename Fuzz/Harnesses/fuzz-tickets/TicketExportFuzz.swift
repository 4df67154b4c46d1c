import Calendars
import Calibration
import Foundation
import Scenarios

/// libFuzzer's entry point for `plan calibrate`: the input is a helpdesk export (`created_at`,
/// `solved_at`), streamed from a file as the command streams it, then every fit over three weeks
/// of a two-SE team with `--allow-short`, and the text, JSON and HTML outputs. Whatever the reader
/// accepts must fit, or fail with an error, without trapping, whatever the timestamps say.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTicketExport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard FileManager.default.createFile(atPath: exportPath, contents: Data(bytes: data!, count: size)) else { return 0 }
    let request = CalibrationRequest(scenario: team, days: days, ticketFiles: [exportPath], allowShort: true)
    guard let calibration = try? CalibrationFit.run(request) else { return 0 }
    _ = calibration.text
    _ = try? calibration.fragmentJSON
    _ = calibration.html(inputs: ["tickets \(exportPath)"], toolVersion: "fuzz")
    return 0
}

/// One file per process, rewritten for each input.
private let exportPath = NSTemporaryDirectory() + "/fuzz-tickets-\(getpid()).csv"

private let days = DateRange(CivilDate(iso: "2026-01-05")!...CivilDate(iso: "2026-01-25")!)

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
