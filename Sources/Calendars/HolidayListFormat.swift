import OutputFormats

/// The ways `plan holidays` prints a list of holidays. Kept in the library so that the exact
/// output (column layout, CSV quoting, JSON escaping) is tested without running the tool.
public enum HolidayListFormat: String, CaseIterable, Sendable {
    /// `2026-12-25  Fri  Christmas Day`: fixed-width date and weekday, so the names line up.
    case text
    /// RFC 4180 fields with a `date,weekday,name` header; lines end in LF, as Unix tools expect.
    case csv
    /// An array of `{"date": …, "name": …}` objects.
    case json

    /// The whole listing, ending in a newline. Complexity: O(total length).
    public func render(_ holidays: [Holiday]) -> String {
        switch self {
        case .text:
            return holidays.map { "\($0.date)  \($0.date.weekday.abbreviation)  \($0.name)\n" }.joined()
        case .csv:
            return CSVWriter.row(["date", "weekday", "name"])
                + holidays.map { CSVWriter.row(["\($0.date)", $0.date.weekday.abbreviation, $0.name]) }.joined()
        case .json:
            guard !holidays.isEmpty else { return "[]\n" }
            let objects = holidays.map { "  {\"date\": \"\($0.date)\", \"name\": \(encodeJSON($0.name))}" }
            return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
        }
    }
}
