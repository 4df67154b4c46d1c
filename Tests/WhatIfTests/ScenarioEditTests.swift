import Calendars
import Scenarios
import Simulation
import Testing
@testable import WhatIf

@Suite struct ScenarioEditTests {
    @Test func timeOffTakesARangeOrOneDate() throws {
        guard case .timeOff(let name, let dates) = try ScenarioEdit.timeOff(parsing: "us-09:2026-12-23..2026-12-24") else {
            Issue.record("expected time off"); return
        }
        #expect(name == "us-09" && dates == December.dates("2026-12-23", "2026-12-24"))
        guard case .timeOff(_, let day) = try ScenarioEdit.timeOff(parsing: "us-09:2026-12-23") else { Issue.record("expected time off"); return }
        #expect(day == December.dates("2026-12-23", "2026-12-23"))
    }

    @Test(arguments: [
        ("us-09:2026-12-24..2026-12-21", "us-09:2026-12-24..2026-12-21: the end 2026-12-21 is before the start 2026-12-24"),
        ("us-09:2026-12-32", "us-09:2026-12-32: \"2026-12-32\" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31, or two such dates as FIRST..LAST)"),
        ("us-09", "us-09: expected NAME:FIRST..LAST or NAME:DATE, e.g. us-09:2026-12-21..2026-12-24"),
    ])
    func badTimeOff(text: String, message: String) {
        #expect(throws: WhatIfError(message)) { try ScenarioEdit.timeOff(parsing: text) }
    }

    @Test func badAddedEngineers() {
        #expect(throws: WhatIfError("c1:us: expected NAME:GROUP:COUNTRY or NAME:GROUP:COUNTRY:FIRST..LAST, e.g. contractor-1:us:US:2026-12-14..2026-12-31")) {
            try ScenarioEdit.addEngineer(parsing: "c1:us")
        }
        #expect(throws: WhatIfError.self) { try ScenarioEdit.addEngineer(parsing: "c1:us:XX") }
        #expect(throws: WhatIfError("0: expected a number greater than 0 and at most 1000000, such as 1.2 for 20% more cases")) {
            try ScenarioEdit.inflowFactor(parsing: "0")
        }
    }

    @Test(arguments: [
        ([ScenarioEdit.timeOff(name: "us-99", dates: December.dates("2026-12-21", "2026-12-21"))],
         "time off for us-99:2026-12-21..2026-12-21: the team has no SE named \"us-99\"; its SEs are emea-gb, emea-nl, emea-za, us-01, us-02, us-03, us-04, us-05, us-06, us-07, us-08, us-09, us-10, us-11"),
        ([ScenarioEdit.timeOff(name: "us-07", dates: December.dates("2026-12-22", "2026-12-23"))],
         "time off for us-07:2026-12-22..2026-12-23: overlaps us-07's time off 2026-12-23…2026-12-24 already in the scenario"),
        ([ScenarioEdit.timeOff(name: "us-07", dates: December.dates("2025-12-22", "2025-12-23"))],
         "time off for us-07:2025-12-22..2025-12-23: 2025-12-22…2025-12-23 is outside the simulated days 2026-11-16…2026-12-31"),
        ([ScenarioEdit.addEngineer(name: "us-01", group: "us", country: try! PublicHolidays(country: "US"), dates: nil)],
         "adding us-01: the team already has an SE named \"us-01\"; choose another name"),
        ([ScenarioEdit.addEngineer(name: "c1", group: "apac", country: try! PublicHolidays(country: "US"), dates: nil)],
         "adding c1: the group \"apac\" is not defined; the groups are emea, us"),
        ([ScenarioEdit.removeEngineer(name: "us-03"), .timeOff(name: "us-03", dates: December.dates("2026-12-01", "2026-12-01"))],
         "time off for us-03:2026-12-01..2026-12-01: us-03 is removed by removing us-03"),
    ])
    func editsThatCannotApply(edits: [ScenarioEdit], message: String) throws {
        let scenario = try December.scenario()
        // Worded as the library words the edits; plan names its options instead (EndToEndTests).
        #expect { try ScenarioEdit.apply(edits, to: scenario) } throws: { ($0 as? WhatIfError)?.description == message }
    }

    /// A contractor works only in their dates, and is appended so that the others' draws stay put.
    @Test func aContractorWorksOnlyInTheirDates() throws {
        let base = try December.scenario()
        let edit = try ScenarioEdit.addEngineer(parsing: "c1:us:US:2026-12-14..2026-12-24")
        let edited = try ScenarioEdit.apply([edit], to: base)
        #expect(edited.team.map(\.name) == base.team.map(\.name) + ["c1"])
        let (before, after) = (try SimulationModel(base), try SimulationModel(edited))
        let us = 1
        for day in 0..<before.dayCount {
            let date = before.firstDate.adding(days: day)
            let working = December.dates("2026-12-14", "2026-12-24").contains(date) && before.isCheckDay[day]
            #expect(after.scheduled(group: us, day: day) == before.scheduled(group: us, day: day) + (working ? 1 : 0), "\(date)")
        }
    }

    /// A removed SE stays in the team, never scheduled; more inflow scales the base and the spikes.
    @Test func removalAndInflow() throws {
        let base = try December.scenario()
        let edited = try ScenarioEdit.apply([.removeEngineer(name: "us-03"), .inflowFactor(1.2)], to: base)
        #expect(edited.team.count == base.team.count)
        let model = try SimulationModel(edited), baseModel = try SimulationModel(base)
        for day in 0..<model.dayCount where baseModel.isCheckDay[day] && day >= model.firstReportedDay {
            #expect(model.scheduled(group: 1, day: day) <= baseModel.scheduled(group: 1, day: day))
        }
        #expect(model.scheduled(group: 1, day: model.firstReportedDay) == baseModel.scheduled(group: 1, day: model.firstReportedDay) - 1)
        #expect(abs(edited.inflow.basePerDay - 36) < 1e-12 && abs(edited.inflow.spikeMean - 30) < 1e-12)
    }
}
