import ArgumentParser
import Calendars
import Foundation

/// A date given on the command line, the one parser of every date option: `today` (the UTC date,
/// as checks are scheduled in UTC) or YYYY-MM-DD within the years plan has holidays for.
func parseDate(_ text: String, flag: String) throws -> CivilDate {
    guard let date = commandLineDate(text) else { throw CommandError("\(flag) \(text): \(dateExpectation)") }
    return date
}

/// What a date option takes, for its error.
let dateExpectation = "expected today or a date \(CivilDate.expectation)"

/// `today` or YYYY-MM-DD (`parseDate` without the error), for an option that holds a date among
/// other parts (`--absent NAME:UNTIL`, `--horizon START..END`).
func commandLineDate(_ text: String) -> CivilDate? {
    if text.lowercased() == "today" {
        let seconds = Int(Date().timeIntervalSince1970.rounded(.down))
        return CivilDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
    return CivilDate(supported: text)
}

/// `--from` and `--to` of a command that reads a stretch of the history store (history show and
/// export, backtest): checked in `validate()` with the one date parser, so that a date outside
/// 1970–2100 gets the same one-line error (exit 1) as every other date option.
struct DateSelection: ParsableArguments {
    @Option(name: .customLong("from"), help: "First date, today or YYYY-MM-DD, included.") var fromText: String?
    @Option(name: .customLong("to"), help: "Last date, today or YYYY-MM-DD, included.") var toText: String?

    func validate() throws {
        _ = try fromText.map { try parseDate($0, flag: "--from") }
        _ = try toText.map { try parseDate($0, flag: "--to") }
    }

    /// The dates given; `validate()` has refused any that does not parse.
    var from: CivilDate? { fromText.flatMap { try? parseDate($0, flag: "--from") } }
    var to: CivilDate? { toText.flatMap { try? parseDate($0, flag: "--to") } }
}
