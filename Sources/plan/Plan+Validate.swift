import ArgumentParser
import Scenarios

extension Plan {
    struct ValidateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a scenario file and report every problem at once.",
            discussion: """
                Prints "SCENARIO: valid (…)" and exits 0, or prints each problem on its own line to \
                standard error (file:line: /json/path: message) and exits 1. Warnings about skipped \
                content of referenced .ics files go to standard error, and so do warnings about the \
                schedule: a group with nobody scheduled on a check day (naming the days), and a \
                policy that puts more than half of the checks at level 3 or above from the schedule \
                alone (naming the thresholds that do it).
                """
        )

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        func run() throws {
            let loaded = try ScenarioFile.load(scenario)
            ScenarioFile.report(loaded.warnings)
            ScenarioFile.report(loaded.scenario.scheduleWarnings.map { "\(scenario): \($0)" })
            emit("\(scenario): valid (\(loaded.scenario.summary))")
        }
    }
}
