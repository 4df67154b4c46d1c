/// A country's (or subdivision's) statutory public holidays, computed by rule for any year in
/// `supportedYears`: fixed dates, Easter-based dates, n-th weekday rules, substitute days, and
/// the one-off holidays declared in recent decades.
///
/// For federal countries (US, CA, DE, ES, AU …) the calendar holds the nationwide days, the ones
/// every employee there gets; state holidays belong in a scenario's own list. Rules that changed
/// over the years are written with the year they changed, so that a past scenario replays right.
///
/// Computation is cheap (a few dozen date calculations a year) and nothing is cached here; a
/// `HolidayCalendar` computes every supported year once and keeps the result.
public struct PublicHolidays: Sendable {
    /// The years whose rules were written and checked. Other years run the same rules unchecked:
    /// history before 1970 is not modelled and later law changes are unknown.
    public static let supportedYears = 1970...2100

    /// The built-in calendars, in the order `plan holidays` lists them.
    public static var supported: [CountryInfo] { registry.map(\.info) }

    public let country: CountryInfo
    /// Nil for the country's default calendar.
    public let subdivision: SubdivisionInfo?
    private let rules: CountryRules

    /// `country` is an ISO 3166-1 alpha-2 code and `subdivision` the code of one of its listed
    /// subdivisions (or an alias of its default region, such as ENG for GB); both ignore case.
    public init(country: String, subdivision: String? = nil) throws(CalendarError) {
        let code = country.trimmed.uppercased()
        guard let rules = PublicHolidays.registry.first(where: { $0.info.code == code }) else {
            throw .unknownCountry(country)
        }
        self.rules = rules
        self.country = rules.info
        guard let subdivision, !subdivision.trimmed.isEmpty else {
            self.subdivision = nil
            return
        }
        let subCode = subdivision.trimmed.uppercased()
        if rules.info.defaultAliases.contains(subCode) {
            self.subdivision = nil
        } else if let info = rules.info.subdivisions.first(where: { $0.code == subCode }) {
            self.subdivision = info
        } else {
            throw .unknownSubdivision(country: code, subdivision: subdivision)
        }
    }

    /// The holidays dated in `year`, by date. A substitute day belongs to the year of its date,
    /// not of the holiday it stands in for (the US observes New Year's Day 2022 on 2021-12-31).
    /// Complexity: O(h log h) for the h holidays of three years.
    public func holidays(in year: Int) -> [Holiday] {
        holidays(from: CivilDate(year: year, month: 1, day: 1)!, through: CivilDate(year: year, month: 12, day: 31)!)
    }

    /// The holidays dated from `first` through `last` inclusive, by date.
    public func holidays(from first: CivilDate, through last: CivilDate) -> [Holiday] {
        guard first <= last else { return [] }
        // A year's rules can put a substitute day into the neighbouring year.
        return (first.year - 1...last.year + 1).flatMap { year in
            var builder = HolidayYear(year: year)
            rules.populate(&builder, subdivision?.code)
            return builder.finish().filter { $0.date >= first && $0.date <= last }
        }
    }

    /// Every holiday of `supportedYears`, by date. Complexity: O(years × h log h).
    public var allHolidays: [Holiday] {
        let first = CivilDate(year: PublicHolidays.supportedYears.lowerBound, month: 1, day: 1)!
        let last = CivilDate(year: PublicHolidays.supportedYears.upperBound, month: 12, day: 31)!
        return holidays(from: first, through: last)
    }

    /// "GB" or "GB-SCT": how reports and errors name this calendar.
    public var code: String { subdivision.map { "\(country.code)-\($0.code)" } ?? country.code }
}

/// A country with a built-in calendar.
public struct CountryInfo: Hashable, Sendable {
    /// ISO 3166-1 alpha-2.
    public let code: String
    public let name: String
    /// What the calendar without a subdivision covers: "England and Wales" for GB, "nationwide"
    /// for federal countries.
    public let defaultRegion: String
    public let subdivisions: [SubdivisionInfo]
    /// Subdivision codes that name the default region (GB: ENG, WLS).
    public let defaultAliases: [String]

    init(code: String, name: String, defaultRegion: String = "nationwide",
         subdivisions: [SubdivisionInfo] = [], defaultAliases: [String] = []) {
        self.code = code
        self.name = name
        self.defaultRegion = defaultRegion
        self.subdivisions = subdivisions
        self.defaultAliases = defaultAliases
    }

    /// One clause for error messages: which subdivision codes this country accepts.
    var subdivisionSummary: String {
        guard !subdivisions.isEmpty else {
            return "\(code) has no subdivisions in the built-in calendars (its calendar is \(defaultRegion))"
        }
        let list = subdivisions.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
        let aliases = defaultAliases.isEmpty ? "" : "; \(defaultAliases.joined(separator: " and ")) or none give \(defaultRegion)"
        return "its subdivisions are \(list)\(aliases)"
    }
}

/// A region with its own calendar: ISO 3166-2 code without the country prefix.
public struct SubdivisionInfo: Hashable, Sendable {
    public let code: String
    public let name: String
}

/// A country's rule set: fills one year given an optional subdivision code.
struct CountryRules: Sendable {
    let info: CountryInfo
    let populate: @Sendable (inout HolidayYear, String?) -> Void
}

extension PublicHolidays {
    static let registry: [CountryRules] = [
        .unitedStates, .canada, .mexico, .brazil,
        .unitedKingdom, .ireland,
        .germany, .france, .netherlands, .belgium,
        .spain, .portugal, .italy,
        .poland, .sweden,
        .southAfrica, .australia,
    ]
}

extension String {
    var trimmed: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
