import Foundation
import InputFormats
@testable import Scenarios

/// Loading scenarios in tests: the files a scenario refers to come from a dictionary, by resolved path.
enum TestScenario {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct MissingFile: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path): no such file" }
    }

    static func load(_ text: String, path: String = "s.json", files: [String: String] = [:]) throws(JSONInputErrors) -> LoadedScenario {
        try Scenario.load(text: text, path: path) { path in
            guard let text = files[path] else { throw MissingFile(path: path) }
            return text
        }
    }

    /// Every problem of `text`, one line each; empty when it loads.
    static func problems(_ text: String, files: [String: String] = [:]) -> [String] {
        do {
            _ = try load(text, files: files)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// The smallest valid scenario with `extra` members added at the root (a JSON fragment).
    static func minimal(_ extra: String = "", team: String = #"[{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}]"#) -> String {
        """
        {"name": "t", "horizon": {"start": "2026-12-01", "end": "2026-12-31"}, "team": \(team),
        "inflow": {"base_per_day": 10}\(extra.isEmpty ? "" : ",\n" + extra)}
        """
    }

    static func file(_ relative: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(relative), encoding: .utf8)
    }

    static func loadFromRepository(_ relative: String) throws -> LoadedScenario {
        let text = try file(relative)
        return try Scenario.load(text: text, path: relative) { path in try file(path) }
    }
}
