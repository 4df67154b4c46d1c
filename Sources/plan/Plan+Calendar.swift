import ArgumentParser
import Calendars
import Scenarios

extension Plan {
    struct CalendarCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
            abstract: "Show who is scheduled each day of a scenario, why the others are not, and the level headcount alone implies.",
            discussion: """
                The floor level of a check day is the policy's level for the scheduled headcount of each \
                group with no open cases: the level before any sickness or backlog.
                """
        )

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @Option(help: "First day to show (YYYY-MM-DD). Default: the horizon's start.")
        var from: String?

        @Option(help: "Last day to show (YYYY-MM-DD). Default: the horizon's end.")
        var to: String?

        @Option(help: "Output: text or csv.")
        var format: CalendarView.Format = .text

        func run() throws {
            let first = try date(from, flag: "--from")
            let last = try date(to, flag: "--to")
            let loaded = try ScenarioFile.load(scenario)
            let dates = try CalendarView.dates(from: first, to: last, horizon: loaded.scenario.horizon)
            ScenarioFile.report(loaded.warnings)
            emit(CalendarView(scenario: loaded.scenario, dates: dates).render(format))
        }

        private func date(_ text: String?, flag: String) throws -> CivilDate? {
            guard let text else { return nil }
            guard let date = CivilDate(supported: text) else {
                throw CommandError("\(flag) \(text) is not a date (expected \(CivilDate.expectation))")
            }
            return date
        }
    }
}

extension CalendarView.Format: ExpressibleByArgument {}
