import Calendars
import Foundation
import Scenarios
import WhatIf

/// libFuzzer's entry point for `plan approve --requests`: the input is a requests CSV
/// (`name,start,end[,priority]`), read as the command reads it (UTF-8 text, `TimeOffRequest.read`
/// against the team and the horizon), then each request applied to the scenario as the approval
/// walk applies it, and the requests ordered by priority as the walk orders them. Whatever the
/// reader accepts must apply without trapping, whatever the dates and priorities say.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequests(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let text = String(bytes: UnsafeBufferPointer(start: data, count: size), encoding: .utf8),
          let requests = try? TimeOffRequest.read(csv: text, source: "requests.csv", team: scenario.team.map(\.name), horizon: scenario.horizon).requests
    else { return 0 }
    var state = scenario
    for request in requests.sorted(by: { (-$0.priority, $0.line) < (-$1.priority, $1.line) }) {
        guard let next = try? request.applied(to: state) else { continue }
        state = next
    }
    return 0
}

/// Three SEs over two weeks, one with planned time off that requests may overlap.
private let scenario: Scenario = {
    let text = """
        {"name": "requests", "horizon": {"start": "2026-12-07", "end": "2026-12-20"},
         "team": [{"name": "a", "group": "emea", "country": "GB", "time_off": ["2026-12-10..2026-12-11"]},
                  {"name": "b", "group": "us", "country": "US"}, {"name": "c", "group": "emea", "country": "IE"}],
         "inflow": {"base_per_day": 5}}
        """
    return try! Scenario.load(text: text, path: "requests.json", readFile: { path in throw MissingFile(path: path) }).scenario
}()

private struct MissingFile: Error {
    let path: String
}
