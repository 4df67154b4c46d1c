import Calendars
import Scenarios

/// `--absent NAME` or `--absent NAME:UNTIL`, one syntax for `plan level` and `plan outlook`: an SE
/// out although scheduled, until further notice or until UNTIL (the last day out, inclusive; today
/// or YYYY-MM-DD, read by the one date parser).
struct Absent: Equatable {
    let name: String
    let until: CivilDate?

    init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let until = parts.count == 2 ? commandLineDate(parts[1]) : nil
        guard !parts[0].isEmpty, parts.count == 1 || until != nil else {
            throw CommandError("--absent \(text): expected NAME (out until further notice) or NAME:UNTIL (the last day out, today or a date \(CivilDate.expectation))")
        }
        name = parts[0]
        self.until = until
    }

    /// The option's help, the same in every command that takes it.
    static let help = "NAME or NAME:UNTIL: an SE out although scheduled (sick, called away), until further notice or until UNTIL (the last day out, today or YYYY-MM-DD); names as in the scenario (repeatable)."
}

/// A name that no SE of the scenario has, given as `--absent`: an error, with the option.
func absentError(_ error: UnknownSEError) -> CommandError {
    CommandError("--absent \(error.description)")
}
