import InputFormats

/// A scenario read from its file, with what the reading skipped without failing.
public struct LoadedScenario: Sendable {
    public let scenario: Scenario
    /// Unsupported content of referenced `.ics` files that changed no date (or whose event was left
    /// out); the tool shows them so that nothing is skipped unnoticed.
    public let warnings: [ScenarioWarning]
    /// The scenario file and every file it refers to, as read: a run must not overwrite them.
    public let files: [String]

    public init(scenario: Scenario, warnings: [ScenarioWarning], files: [String] = []) {
        self.scenario = scenario
        self.warnings = warnings
        self.files = files
    }
}

/// Something a referenced file contained that was read past: where the scenario refers to the
/// file, and the file's own `file:line: message`.
public struct ScenarioWarning: Sendable, Equatable, CustomStringConvertible {
    /// The scenario file and the line of the reference.
    public let source: String
    public let line: Int
    /// The JSON path of the reference (`/team/0/time_off_ics`).
    public let path: JSONPath
    /// The referenced file's warning, with its own file and line.
    public let message: String

    public init(source: String, line: Int, path: JSONPath, message: String) {
        self.source = source
        self.line = line
        self.path = path
        self.message = message
    }

    /// `december.json:14: /team/0/time_off_ics: alice.ics:9: property X-COLOR is not supported; it was skipped`
    public var description: String { "\(source):\(line): \(path): \(message)" }
}
