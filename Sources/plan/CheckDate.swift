import Calendars
import Foundation

/// A date given on the command line: `today` (the UTC date, as checks are scheduled in UTC) or
/// YYYY-MM-DD within the years plan has holidays for.
func parseDate(_ text: String, flag: String) throws -> CivilDate {
    if text.lowercased() == "today" {
        let seconds = Int(Date().timeIntervalSince1970.rounded(.down))
        return CivilDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
    guard let date = CivilDate(supported: text) else { throw CommandError("\(flag) \(text): expected today or a date \(CivilDate.expectation)") }
    return date
}
