import Calendars
import Foundation
import Scenarios
import WhatIf

/// The December example as the tool reads it (`scenarios/december.json`).
enum December {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario() throws -> Scenario {
        let path = repository.appendingPathComponent("scenarios/december.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try Scenario.load(text: text, path: path, readFile: { try String(contentsOfFile: $0, encoding: .utf8) }).scenario
    }
}

extension December {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static func dates(_ first: String, _ last: String) -> DateRange { try! DateRange(first: date(first), last: date(last)) }

    /// The example: one more US SE off on the four days before Christmas.
    static let us09Off = ScenarioEdit.timeOff(name: "us-09", dates: dates("2026-12-21", "2026-12-24"))
}
