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

        @Option(help: "First day to show, today or YYYY-MM-DD (default: the horizon's start).")
        var from: String?

        @Option(help: "Last day to show, today or YYYY-MM-DD (default: the horizon's end).")
        var to: String?

        @Option(help: "Output: text or csv.")
        var format: CalendarView.Format = .text

        func run() throws {
            let first = try from.map { try parseDate($0, flag: "--from") }
            let last = try to.map { try parseDate($0, flag: "--to") }
            let loaded = try ScenarioFile.load(scenario)
            let dates: DateRange
            do {
                dates = try CalendarView.dates(from: first, to: last, horizon: loaded.scenario.horizon)
            } catch {
                throw CommandError(error.description { $0 == .first ? "--from" : "--to" })
            }
            ScenarioFile.report(loaded.warnings)
            emit(CalendarView(scenario: loaded.scenario, dates: dates).render(format))
        }
    }
}

extension CalendarView.Format: ExpressibleByArgument {}
