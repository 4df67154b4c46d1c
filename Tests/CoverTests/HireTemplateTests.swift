import Calendars
import Scenarios
import Testing
import WhatIf

@testable import Cover

/// `--hire-like GROUP=SE`: what a hire of a group is made like.
@Suite struct HireTemplateTests {
    /// The Spring bank holiday in England, a Monday, an ordinary working day in the Netherlands.
    static let bankHoliday = CivilDate(year: 2027, month: 5, day: 31)!

    /// An EMEA group of two GB SEs and a Dutch one who works Monday to Thursday at 80%.
    static func problem(like: [String: String]) throws -> HireProblem {
        let gb = try HolidayCalendar(country: PublicHolidays(country: "GB")), nl = try HolidayCalendar(country: PublicHolidays(country: "NL"))
        let team = [
            SupportEngineer(name: "g1", group: "emea", holidays: gb), SupportEngineer(name: "g2", group: "emea", holidays: gb),
            SupportEngineer(name: "n1", group: "emea", holidays: nl, workingWeekdays: [.monday, .tuesday, .wednesday, .thursday], capacity: 0.8),
        ] + HirePlanTests.team(emea: 0, us: 3)
        return try HireProblem(
            scenario: HirePlanTests.scenario(basePerDay: 20, team: team), through: HirePlanTests.date("2027-06-30"),
            settings: .init(leadWeeks: 2, ramp: Ramp(weeks: 0, startFraction: 1), maxPerMonth: 1, like: like))
    }

    /// The EMEA hire starting on 1 May, with the plan that buys only it.
    static func mayHire(_ problem: HireProblem) throws -> SupportEngineer {
        let i = try #require(problem.candidates.firstIndex { $0.group == "emea" && $0.start == CivilDate(year: 2027, month: 5, day: 1)! })
        var counts = [Int](repeating: 0, count: problem.candidates.count)
        counts[i] = 1
        return try #require(problem.scenario(with: counts).team.first { $0.name == problem.engineerName(candidate: i, slot: 1) })
    }

    /// By default a hire is like the group's first SE (GB): off on the bank holiday, as the whole
    /// group is, so no hire could help a check that day. Made like the Dutch SE, the hire works it,
    /// with her weekdays and capacity.
    @Test func aHireLikeANonGBSEWorksOnAGBBankHoliday() throws {
        let company = try Self.problem(like: [:]).scenario.company
        let byDefault = try Self.mayHire(try Self.problem(like: [:]))
        #expect(byDefault.availability(on: Self.bankHoliday, company: company) == .notScheduled(.publicHoliday("Spring Bank Holiday")))
        #expect(byDefault.capacity == 1 && byDefault.workingWeekdays == SupportEngineer.mondayToFriday)
        let dutch = try Self.mayHire(try Self.problem(like: ["emea": "n1"]))
        #expect(dutch.availability(on: Self.bankHoliday, company: company).isScheduled)
        #expect(dutch.capacity == 0.8 && dutch.workingWeekdays == [.monday, .tuesday, .wednesday, .thursday] && dutch.group == "emea")
        #expect(dutch.joins == CivilDate(year: 2027, month: 5, day: 1)!)
        // A slot not bought joins after the horizon, whatever it is like.
        let problem = try Self.problem(like: ["emea": "n1"])
        let none = problem.scenario(with: [Int](repeating: 0, count: problem.candidates.count))
        #expect(none.team.filter { $0.name.hasPrefix("hire ") }.allSatisfy { $0.joins == CivilDate(year: 2027, month: 7, day: 1)! })
    }

    @Test func aTemplateOfAnUnknownGroupOrSEIsNamed() {
        #expect((#expect(throws: WhatIfError.self) { try Self.problem(like: ["apac": "n1"]) })?.description
            == "hires of apac=n1: the scenario has no group \"apac\" (groups: emea, us)")
        #expect((#expect(throws: WhatIfError.self) { try Self.problem(like: ["emea": "n9"]) })?.description
            == "hires of emea=n9: the scenario's team has no SE named \"n9\"")
    }
}
