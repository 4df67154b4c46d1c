import CapacityPolicy
import Calendars
import Testing
@testable import Scenarios

/// `scenarios/december.json` decodes into exactly the team and numbers of issue 4.
@Suite struct DecemberScenarioTests {
    let scenario = try! TestScenario.loadFromRepository("scenarios/december.json").scenario

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test func periodAndChecks() throws {
        #expect(scenario.name == "december")
        #expect(scenario.horizon == (try DateRange(first: Self.date("2026-12-01"), last: Self.date("2026-12-31"))))
        #expect(scenario.warmupDays == 14)
        #expect(scenario.simulationStart == Self.date("2026-11-17"))
        #expect(scenario.checkDays == SupportEngineer.mondayToFriday)
        #expect(scenario.windows == [.emea, .americas])
        #expect(scenario.groups == Scenario.Group.defaults)
        #expect(scenario.company.closures == [CompanyClosure(dates: DateRange(day: Self.date("2026-12-25")), name: "Christmas Day")])
        #expect(scenario.company.daysOff.isEmpty)
        #expect(scenario.checkDates.count == 22)
        #expect(scenario.summary == "14 SEs in 2 groups, horizon 2026-12-01…2026-12-31 (31 days) after 14 warm-up days, 44 checks")
    }

    @Test func team() throws {
        #expect(scenario.team.map(\.name) == ["emea-gb", "emea-nl", "emea-za"] + (1...11).map { $0 < 10 ? "us-0\($0)" : "us-\($0)" })
        #expect(scenario.team.map(\.group) == Array(repeating: "emea", count: 3) + Array(repeating: "us", count: 11))
        #expect(scenario.team.map(\.holidays.source) == ["GB", "NL", "ZA"] + Array(repeating: "US", count: 11))
        #expect(scenario.team.allSatisfy { $0.capacity == 1 && $0.workingWeekdays == SupportEngineer.mondayToFriday && $0.rota.isEmpty })
        func range(_ a: String, _ b: String) throws -> DateRange { try DateRange(first: Self.date(a), last: Self.date(b)) }
        let timeOff = try [
            [range("2026-12-21", "2026-12-24")], [range("2026-12-28", "2026-12-31")], [range("2026-12-14", "2026-12-18")],
        ] + Array(repeating: [range("2026-12-21", "2026-12-31")], count: 4)
            + Array(repeating: [range("2026-12-28", "2026-12-31")], count: 2)
            + [[range("2026-12-23", "2026-12-24")], [range("2026-12-07", "2026-12-11")], [], [], []]
        #expect(scenario.team.map(\.timeOff) == timeOff)
    }

    @Test func sicknessInflowWorkAndEffects() {
        #expect(scenario.sickness == Scenario.Sickness(sickDaysPerYear: 6, meanSpellDays: 2.5, severityCV: 0.5))
        #expect(scenario.sickness.dailyStartProbability == 6.0 / 365 / 2.5)
        let inflow = scenario.inflow
        #expect(inflow.basePerDay == 30)
        #expect(inflow.weekdayFactors == [.monday: 1.2, .tuesday: 1.1, .wednesday: 1.0, .thursday: 1.0, .friday: 0.9, .saturday: 0.2, .sunday: 0.2])
        #expect(inflow.holidayFactor == 0.4)
        #expect(inflow.holidayCalendars.map(\.source) == ["US", "GB"])
        #expect(inflow.holidayCalendars[1].holiday(on: Self.date("2026-12-28"))?.name == "Boxing Day (observed)")
        #expect(inflow.demandCV == 0.15)
        #expect(inflow.dispersion == nil)
        #expect(inflow.spikeProbability == 0.03 && inflow.spikeMean == 25)
        #expect(inflow.arrivalShares == [0.45, 0.55])
        #expect(scenario.resolvePerShift == 3)
        #expect(scenario.initialOpenCases == .fixed(45))
        #expect(scenario.effects == [
            3: Scenario.LevelEffect(capacityMultiplier: 1.10), 4: Scenario.LevelEffect(extraResolutionsPerDay: 3),
            7: Scenario.LevelEffect(divertedShare: 0.30), 8: Scenario.LevelEffect(extraResolutionsPerDay: 6),
        ])
        #expect(scenario.policy == Policy.handbook)
        #expect(scenario.policySource == "built-in")
        #expect(scenario.planningRisk == 0.10 && scenario.recommendationThreshold == 0.25)
    }

    /// Worked out by hand from the time off and the holidays: GB Boxing Day substitute Mon Dec 28,
    /// ZA Day of Reconciliation Wed Dec 16 (emea-za is on leave that week anyway), NL has no
    /// substitute days, US Christmas Fri Dec 25 is the company closure. Floors under the handbook,
    /// first-level reading: emea ≤ 2 → 2, emea ≤ 1 → 5, us ≤ 8 → 2, us ≤ 5 → 3.
    @Test func scheduledHeadcountAndFloorLevelEveryDay() throws {
        let view = CalendarView(scenario: scenario, dates: scenario.horizon)
        var expected: [String: (emea: Int, us: Int, floor: Int?)] = [:]
        for day in 1...31 {
            let date = CivilDate(year: 2026, month: 12, day: day)!
            expected["\(date)"] = date.weekday.isWeekend ? (0, 0, nil) : (3, 11, 1)
        }
        for d in 7...11 { expected["2026-12-\(String(format: "%02d", d))"] = (3, 10, 1) }
        for d in 14...18 { expected["2026-12-\(d)"] = (2, 11, 2) }
        for d in 21...22 { expected["2026-12-\(d)"] = (2, 7, 2) }
        for d in 23...24 { expected["2026-12-\(d)"] = (2, 6, 2) }
        expected["2026-12-25"] = (0, 0, nil)
        expected["2026-12-28"] = (1, 5, 5)
        for d in 29...31 { expected["2026-12-\(d)"] = (2, 5, 3) }

        #expect(view.days.count == 31)
        for day in view.days {
            let want = expected["\(day.date)"]!
            #expect(day.scheduled[0].count == want.emea, "\(day.date) emea")
            #expect(day.scheduled[1].count == want.us, "\(day.date) us")
            #expect(day.floorLevel == want.floor, "\(day.date) floor")
        }
        let reconciliation = view.days[15]
        #expect(reconciliation.notScheduled == [CalendarView.Absence(name: "emea-za", reason: .publicHoliday("Day of Reconciliation"))])
        let boxing = view.days[27]
        #expect(boxing.notScheduled.first == CalendarView.Absence(name: "emea-gb", reason: .publicHoliday("Boxing Day (observed)")))
        #expect(view.days[24].closure?.name == "Christmas Day")
    }

    @Test func textAndCSVOfOneDay() throws {
        let view = CalendarView(scenario: scenario, dates: DateRange(day: Self.date("2026-12-28")))
        #expect(view.text() == """
            2026-12-28 Mon  check day, floor level 5: Post-sales responsiveness flexibility required
              scheduled  emea  1/3    emea-za
                         us    5/11   us-07, us-08, us-09, us-10, us-11
              not        public holiday (Boxing Day (observed)): emea-gb
                         time off: emea-nl, us-01, us-02, us-03, us-04, us-05, us-06

            """)
        #expect(view.csv() == """
            date,weekday,check_day,closed,emea_scheduled,us_scheduled,emea_names,us_names,not_scheduled,floor_level,floor_level_name
            2026-12-28,Mon,true,false,1,5,emea-za,us-07; us-08; us-09; us-10; us-11,emea-gb: public holiday (Boxing Day (observed)); emea-nl: time off; us-01: time off; us-02: time off; us-03: time off; us-04: time off; us-05: time off; us-06: time off,5,Post-sales responsiveness flexibility required

            """)
    }

    @Test func calendarRangeMustLieInTheHorizon() throws {
        let h = scenario.horizon
        #expect(try CalendarView.dates(from: nil, to: nil, horizon: h) == h)
        #expect(try CalendarView.dates(from: Self.date("2026-12-28"), to: nil, horizon: h).dayCount == 4)
        #expect(throws: CalendarRangeError.outsideHorizon(.first, Self.date("2026-11-30"), horizon: h)) {
            try CalendarView.dates(from: Self.date("2026-11-30"), to: nil, horizon: h)
        }
        #expect(throws: CalendarRangeError.lastBeforeFirst(first: Self.date("2026-12-10"), last: Self.date("2026-12-05"))) {
            try CalendarView.dates(from: Self.date("2026-12-10"), to: Self.date("2026-12-05"), horizon: h)
        }
        // The library names the ends in words; the tool passes its options' names.
        let late = CalendarRangeError.lastBeforeFirst(first: Self.date("2026-12-10"), last: Self.date("2026-12-05"))
        #expect(late.description == "the last day 2026-12-05 is before the first day 2026-12-10")
        #expect(late.description { $0 == .first ? "--from" : "--to" } == "--to 2026-12-05 is before --from 2026-12-10")
    }
}
