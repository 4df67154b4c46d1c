/// What can be wrong with a calendar request. Each description is one sentence that names the
/// offending value and, where there is a fixed set of right answers, lists them, because the
/// person who reads it is editing a scenario file or a command line and needs the next step.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCountry(String)
    case unknownSubdivision(country: String, subdivision: String)
    case yearOutOfRange(Int)
    case unknownHolidayNames([String], country: String, known: [String])
    case rangeEndsBeforeStart(first: CivilDate, last: CivilDate)

    /// Codes people write for a supported country that are not its ISO 3166-1 code: the United
    /// Kingdom is GB (UK is only reserved for it).
    static let commonMistakes = ["UK": "GB"]

    public var description: String {
        switch self {
        case .unknownCountry(let code):
            let list = PublicHolidays.supported.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            if let meant = Self.commonMistakes[code.trimmed.uppercased()],
               let info = PublicHolidays.supported.first(where: { $0.code == meant }) {
                return "Unknown country \"\(code)\"; did you mean \(info.code) (\(info.name))? Codes are ISO 3166-1 alpha-2; the built-in calendars are \(list)."
            }
            return "Unknown country \"\(code)\"; the built-in calendars are \(list)."
        case .unknownSubdivision(let country, let subdivision):
            guard let info = PublicHolidays.supported.first(where: { $0.code == country }) else {
                return CalendarError.unknownCountry(country).description
            }
            return "Unknown subdivision \"\(subdivision)\" of \(info.code); \(info.subdivisionSummary)."
        case .yearOutOfRange(let year):
            let years = PublicHolidays.supportedYears
            return "The year \(year) is outside \(years.lowerBound)–\(years.upperBound), the years the holiday rules cover."
        case .unknownHolidayNames(let names, let country, let known):
            let quoted = names.map { "\"\($0)\"" }.joined(separator: ", ")
            let noun = names.count == 1 ? "is not a holiday" : "are not holidays"
            return "\(quoted) \(noun) of \(country); its holidays are: \(known.joined(separator: ", "))."
        case .rangeEndsBeforeStart(let first, let last):
            return "\(last) is before start \(first)."
        }
    }
}
