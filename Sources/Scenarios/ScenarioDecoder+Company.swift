import Calendars
import InputFormats

/// What the `company` section says: the company calendar, and the company's edits to countries'
/// public holidays, which apply to every SE of the country.
struct CompanyPlan {
    var calendar = CompanyCalendar()
    /// By country code.
    var countryEdits: [String: HolidayEdits] = [:]
}

/// Holidays a company works through (by name) and days it adds.
struct HolidayEdits {
    var drop: Set<String> = []
    var add: [Holiday] = []
}

extension ScenarioDecoder {
    /// `dates` are the simulated dates (the day before included), over which recurring closures
    /// are written out; nil when the horizon could not be read.
    func decodeCompany(_ node: JSONNode, groups: [Scenario.Group]?, dates: ClosedRange<CivilDate>?) -> CompanyPlan? {
        node.rejectUnknownKeys(ScenarioKeys.company)
        var plan = CompanyPlan()
        var valid = true
        for element in node.member("closures")?.elements() ?? [] {
            guard let closures = decodeClosure(element, dates: dates) else { valid = false; continue }
            plan.calendar.closures += closures
        }
        for element in node.member("days_off")?.elements() ?? [] {
            element.rejectUnknownKeys(ScenarioKeys.dayOff)
            let dates = element.requiredMember("dates")?.dateRange()
            let name = element.requiredMember("name")?.name()
            let dayOffGroups = element.member("groups").map { decodeGroupNames($0, groups: groups) } ?? []
            guard let dates, let name, let dayOffGroups else { valid = false; continue }
            plan.calendar.daysOff.append(CompanyDayOff(dates: dates, name: name, groups: dayOffGroups))
        }
        for (code, edits) in node.member("holidays")?.members() ?? [] {
            edits.rejectUnknownKeys(ScenarioKeys.countryHolidays)
            guard let country = publicHolidays(code, subdivision: nil, at: edits) else { valid = false; continue }
            // The company's list serves SEs of every region of the country, so a name is known when any
            // region uses it; each SE's calendar then drops the names it has.
            let regions = [nil] + country.country.subdivisions.map(\.code)
            let known = regions.reduce(into: Set<String>()) { names, region in
                names.formUnion(holidayNames.names(of: try! PublicHolidays(country: code, subdivision: region)))
            }
            let drop = edits.member("drop").map { decodeDroppedNames($0, known: known, calendar: country.country.code) } ?? []
            let add = edits.member("add").map(decodeAddedHolidays) ?? []
            guard let drop, let add else { valid = false; continue }
            plan.countryEdits[country.country.code] = HolidayEdits(drop: drop, add: add)
        }
        return valid ? plan : nil
    }

    /// A list of defined group names.
    func decodeGroupNames(_ node: JSONNode, groups: [Scenario.Group]?) -> Set<String>? {
        guard let elements = node.elements() else { return nil }
        var names: Set<String> = []
        var valid = true
        for element in elements {
            guard let name = element.nonEmptyString() else { valid = false; continue }
            if let groups, !groups.contains(where: { $0.name == name }) {
                element.report(Self.undefinedGroup(name, groups: groups))
                valid = false
            }
            names.insert(name)
        }
        return valid ? names : nil
    }

    static func undefinedGroup(_ name: String, groups: [Scenario.Group]) -> String {
        "the group \"\(name)\" is not defined; the groups are \(groups.map(\.name).joined(separator: ", "))"
    }

    /// A country's built-in calendar, or nil after reporting an unknown country or subdivision.
    func publicHolidays(_ country: String, subdivision: String?, at node: JSONNode) -> PublicHolidays? {
        do {
            return try PublicHolidays(country: country, subdivision: subdivision)
        } catch {
            node.report(error.description)
            return nil
        }
    }

    /// Holiday names to drop; each must be one of `known`, since a misspelt name would silently keep the day.
    func decodeDroppedNames(_ node: JSONNode, known: Set<String>, calendar: String) -> Set<String>? {
        guard let elements = node.elements() else { return nil }
        var names: Set<String> = []
        var valid = true
        for element in elements {
            guard let name = element.nonEmptyString() else { valid = false; continue }
            if !known.contains(name) {
                element.report(CalendarError.unknownHolidayNames([name], country: calendar, known: known.sorted()).description)
                valid = false
            }
            names.insert(name)
        }
        return valid ? names : nil
    }

    /// `[{"date": "2026-11-27", "name": "Day after Thanksgiving"}]`
    func decodeAddedHolidays(_ node: JSONNode) -> [Holiday]? {
        guard let elements = node.elements() else { return nil }
        var holidays: [Holiday] = []
        var valid = true
        for element in elements {
            element.rejectUnknownKeys(ScenarioKeys.addedHoliday)
            let date = element.requiredMember("date")?.date()
            let name = element.requiredMember("name")?.name()
            guard let date, let name else { valid = false; continue }
            holidays.append(Holiday(date: date, name: name))
        }
        return valid ? holidays : nil
    }
}

/// The holiday names of each built-in calendar, computed once per decoding: every SE of a country
/// would otherwise recompute 130 years of rules to check a name.
final class HolidayNameCache {
    private var byCode: [String: Set<String>] = [:]

    func names(of calendar: PublicHolidays) -> Set<String> {
        if let names = byCode[calendar.code] { return names }
        let names = Set(calendar.allHolidays.map(\.name))
        byCode[calendar.code] = names
        return names
    }
}

/// One calendar value per distinct (country, edits), shared by every SE who takes it: a calendar
/// holds every holiday of every supported year, so building one per SE would cost time and
/// memory in proportion to the team (about 100 KB an SE), where sharing costs one per country.
final class HolidayCalendarCache {
    private var calendars: [String: HolidayCalendar] = [:]

    /// The country's calendar with these edits, or nil when a dropped name is unknown (which the
    /// caller has already reported).
    func calendar(_ country: PublicHolidays, dropping: Set<String>, adding: [Holiday]) -> HolidayCalendar? {
        let key = ([country.code] + dropping.sorted() + ["+"] + adding.map { "\($0.date) \($0.name)" }).joined(separator: "\u{1F}")
        if let calendar = calendars[key] { return calendar }
        let calendar = try? HolidayCalendar(country: country, dropping: dropping, adding: adding)
        calendars[key] = calendar
        return calendar
    }
}
