import ArgumentParser
import Calendars
import Foundation
import Scenarios

/// `plan level SCENARIO [--date D] [--absent NAME…]`: the headcounts of a real check from the
/// scenario's calendar, so that CS-triage types only the open cases and who is out.
struct ScenarioCheckOptions: ParsableArguments {
    @Argument(help: "A scenario file (JSON) to take the headcounts from: the SEs its calendar schedules on --date, less --absent (and its policy, unless --policy).")
    var scenario: String?

    @Option(help: "With a scenario: the check's date, today or YYYY-MM-DD (default: today).")
    var date: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("With a scenario: " + Absent.help))
    var absent: [String] = []

    @Flag(name: .customLong("allow-no-check"), help: "With a scenario: a date without checks (weekend, closure) is not an error; say so and exit 0.")
    var allowNoCheck = false

    func validate() throws {
        if scenario == nil && (!absent.isEmpty || allowNoCheck) {
            throw CommandError("--absent and --allow-no-check need a scenario file, the calendar they apply to (plan level SCENARIO …)")
        }
        _ = try absent.map(Absent.init(parsing:))
    }

    /// Who is counted on the check's date, with warnings about absentees on standard error. Nil
    /// when the date has no check and `--allow-no-check` makes that normal: the command has then
    /// printed so and has nothing more to do.
    func roster(of scenario: Scenario) throws -> CheckRoster? {
        let roster: CheckRoster
        let date = try checkDate()
        let absentees = try absent.map(Absent.init(parsing:))
        // Out until a day before the check: a mistake in the date, not an absence to ignore.
        if let ended = absentees.first(where: { $0.until.map { $0 < date } ?? false }) {
            throw CommandError("--absent \(ended.name):\(ended.until!): the last day out is before the check's date, \(date)")
        }
        do {
            roster = try scenario.roster(on: date, absent: absentees.map(\.name))
        } catch let error as NoCheckError where allowNoCheck {
            emit("No check: \(error.description).")
            return nil
        } catch let error as UnknownSEError {
            throw absentError(error)
        }
        roster.warnings.forEach { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }
        return roster
    }

    /// The date of the check: `--date`, or today in UTC.
    func checkDate() throws -> CivilDate {
        try parseDate(date ?? "today", flag: "--date")
    }
}
