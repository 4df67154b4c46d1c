import Testing
@testable import Scenarios

/// An SE's `falls_sick` (docs/MODEL.md §3): true unless set, false kept, anything else a located error.
@Suite struct FallsSickKeyTests {
    @Test func fallsSickIsTrueUnlessSetFalse() throws {
        let team = #"[{"name": "a", "group": "emea", "country": "GB", "falls_sick": false}, {"name": "b", "group": "us", "country": "US"}]"#
        let scenario = try TestScenario.load(TestScenario.minimal(team: team)).scenario
        #expect(scenario.team.map(\.fallsSick) == [false, true])
    }

    @Test func aFallsSickThatIsNotABooleanIsALocatedError() {
        let team = #"[{"name": "a", "group": "emea", "country": "GB", "falls_sick": "no"}]"#
        #expect(TestScenario.problems(TestScenario.minimal(team: team)) == [#"s.json:1: /team/0/falls_sick: expected true or false, found a string"#])
    }
}
