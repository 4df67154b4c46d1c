import ArgumentParser
import Scenarios

extension Plan {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario file and report every problem at once.",
            discussion: """
                Prints "SCENARIO: valid (…)" and exits 0, or prints each problem on its own line to \
                standard error (file:line: /json/path: message) and exits 1. Warnings about skipped \
                content of referenced .ics files go to standard error.
                """
        )

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        func run() throws {
            let loaded = try ScenarioFile.load(scenario)
            ScenarioFile.report(loaded.warnings)
            emit("\(scenario): valid (\(loaded.scenario.summary))")
        }
    }
}
