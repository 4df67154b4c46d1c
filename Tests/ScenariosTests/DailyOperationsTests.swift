import Calendars
import Scenarios
import Testing

/// The December scenario as the day-to-day tools see it: who is counted on a date, and the
/// scenario an outlook derives from it.
@Suite struct DailyOperationsTests {
    let scenario = try! TestScenario.loadFromRepository("scenarios/december.json").scenario
    let monday = CivilDate(year: 2026, month: 12, day: 21)!

    @Test func rosterCountsTheScheduledLessTheAbsent() throws {
        let roster = try scenario.roster(on: monday, absent: ["US-09"])
        #expect(roster.counted.map(\.group) == ["emea", "us"])
        #expect(roster.counted[0].names == ["emea-nl", "emea-za"])
        #expect(roster.counted[1].names == ["us-05", "us-06", "us-07", "us-08", "us-10", "us-11"])
        #expect(roster.headcounts == ["emea": 2, "us": 6])
        #expect(roster.warnings.isEmpty)
    }

    @Test func christmasHasNoCheck() {
        let error = #expect(throws: NoCheckError.self) { try scenario.roster(on: CivilDate(year: 2026, month: 12, day: 25)!, absent: []) }
        #expect(error?.description == "no check on 2026-12-25: company closed (Christmas Day)")
    }

    @Test func outlookStartsFromTodaysState() throws {
        let (outlook, warnings) = try scenario.outlook(from: monday, days: 7, openCases: 61,
                                                   absences: [KnownAbsence(name: "us-10", until: CivilDate(year: 2026, month: 12, day: 22)!),
                                                              KnownAbsence(name: "us-11", until: CivilDate(year: 2026, month: 12, day: 20)!)])
        #expect(outlook.name == "december-outlook")
        #expect(outlook.horizon.description == "2026-12-21…2026-12-27")
        #expect(outlook.warmupDays == 0)
        #expect(outlook.initialOpenCases == .fixed(61))
        #expect(outlook.team.first { $0.name == "us-10" }?.timeOff.map(\.description) == ["2026-12-21…2026-12-22"])
        #expect(outlook.team.first { $0.name == "us-11" }?.timeOff.isEmpty == true)
        #expect(warnings == ["us-11, absent until 2026-12-20: that is before 2026-12-21; ignored"])
        // Everything else is the team's scenario unchanged.
        #expect(outlook.inflow == scenario.inflow && outlook.windows == scenario.windows && outlook.effects == scenario.effects)
    }

    /// Out until further notice is a sickness spell of the scenario's lengths; an SE who cannot fall
    /// sick (cover bought with sickness=no) has none, so they count as out for the whole outlook, with
    /// a warning that says so, instead of silently working.
    @Test func outUntilFurtherNoticeForAnSEWhoCannotFallSick() throws {
        var team = scenario
        let index = team.team.firstIndex { $0.name == "us-10" }!
        team.team[index].fallsSick = false
        let (outlook, warnings) = try team.outlook(from: monday, days: 7, openCases: 61,
                                               absences: [KnownAbsence(name: "us-10", until: nil), KnownAbsence(name: "us-11", until: nil)])
        #expect(outlook.team[index].timeOff.map(\.description) == ["2026-12-21…2026-12-27"])
        #expect(outlook.sickAtStart == [team.team.firstIndex { $0.name == "us-11" }!])
        #expect(warnings == ["us-10, absent until further notice, cannot fall sick in the scenario (falls_sick false), so no spell length applies; counted as out for the whole outlook (give the last day out)"])
    }

    /// A name that no SE has is an error naming the closest one, in a roster and in an outlook:
    /// a typo must not pass as a headcount that counts the SE as working.
    @Test func anAbsenteeNotInTheTeamIsAnError() {
        let roster = #expect(throws: UnknownSEError.self) { try scenario.roster(on: monday, absent: ["us-12"]) }
        #expect(roster?.name == "us-12" && roster?.suggestion == "us-02")
        #expect(roster?.description == "us-12: no SE of that name in the team (did you mean us-02?)")
        let outlook = #expect(throws: UnknownSEError.self) { try scenario.outlook(from: monday, days: 7, openCases: 61, absences: [KnownAbsence(name: "nobody-at-all", until: nil)]) }
        #expect(outlook?.name == "nobody-at-all" && outlook?.suggestion == nil)
    }
}
