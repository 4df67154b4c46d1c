import Calendars
import CapacityPolicy
import Scenarios

/// Scenarios built in code, so that engine tests do not depend on the scenario file format.
enum TestScenarios {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static func range(_ first: String, _ last: String) -> DateRange { try! DateRange(first: date(first), last: date(last)) }
    static func holidays(_ country: String) -> HolidayCalendar { try! HolidayCalendar(country: PublicHolidays(country: country)) }

    /// The December example of issue 4, number for number.
    static func december() -> Scenario {
        var team = [
            SupportEngineer(name: "emea-gb", group: "emea", holidays: holidays("GB"), timeOff: [range("2026-12-21", "2026-12-24")]),
            SupportEngineer(name: "emea-nl", group: "emea", holidays: holidays("NL"), timeOff: [range("2026-12-28", "2026-12-31")]),
            SupportEngineer(name: "emea-za", group: "emea", holidays: holidays("ZA"), timeOff: [range("2026-12-14", "2026-12-18")]),
        ]
        let usTimeOff: [[DateRange]] = [
            [range("2026-12-21", "2026-12-31")], [range("2026-12-21", "2026-12-31")], [range("2026-12-21", "2026-12-31")],
            [range("2026-12-21", "2026-12-31")], [range("2026-12-28", "2026-12-31")], [range("2026-12-28", "2026-12-31")],
            [range("2026-12-23", "2026-12-24")], [range("2026-12-07", "2026-12-11")], [], [], [],
        ]
        for i in 1...11 {
            team.append(SupportEngineer(name: "us-\(i < 10 ? "0" : "")\(i)", group: "us", holidays: holidays("US"), timeOff: usTimeOff[i - 1]))
        }
        return Scenario(
            name: "december", horizon: range("2026-12-01", "2026-12-31"), warmupDays: 14, team: team,
            company: CompanyCalendar(closures: [CompanyClosure(dates: range("2026-12-25", "2026-12-25"), name: "Company closed")]),
            sickness: Scenario.Sickness(sickDaysPerYear: 6, meanSpellDays: 2.5, severityCV: 0.5),
            inflow: Scenario.Inflow(
                basePerDay: 30,
                weekdayFactors: [.monday: 1.2, .tuesday: 1.1, .wednesday: 1.0, .thursday: 1.0, .friday: 0.9, .saturday: 0.2, .sunday: 0.2],
                holidayFactor: 0.4, holidayCalendars: [holidays("US"), holidays("GB")], demandCV: 0.15,
                spikeProbability: 0.03, spikeMean: 25, arrivalShares: [0.45, 0.55]),
            resolvePerShift: 3, initialOpenCases: .fixed(45),
            effects: [
                3: Scenario.LevelEffect(capacityMultiplier: 1.10), 4: Scenario.LevelEffect(extraResolutionsPerDay: 3),
                7: Scenario.LevelEffect(divertedShare: 0.30), 8: Scenario.LevelEffect(extraResolutionsPerDay: 6),
            ])
    }

    /// A small team with no holidays, for known-answer tests: `emea` and `us` SEs working every
    /// weekday of a one-week horizon from Monday 2026-12-07.
    static func plain(emea: Int, us: Int, days: Int = 5, inflow: Scenario.Inflow = Scenario.Inflow(basePerDay: 0),
                      resolve: Double = 0, initialOpen: Scenario.InitialBacklog = .fixed(0), sickness: Scenario.Sickness = .none) -> Scenario {
        let team = (0..<emea).map { SupportEngineer(name: "e\($0)", group: "emea", holidays: .none) }
            + (0..<us).map { SupportEngineer(name: "u\($0)", group: "us", holidays: .none) }
        return Scenario(
            name: "plain", horizon: try! DateRange(first: date("2026-12-07"), last: date("2026-12-07").adding(days: days - 1)),
            team: team, sickness: sickness, inflow: inflow, resolvePerShift: resolve, initialOpenCases: initialOpen)
    }
}
