import Foundation
import Testing

@Suite struct PolicyCommandTests {
    @Test func showStatesTheReadingAndCollapsedRepeats() throws {
        let r = try PlanProcess.run(["policy", "show"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("| 3 | CS team flexibility required | any | ~~emea ≤ 2~~ (counts at level 2); us ≤ 5; load > 7 |"))
        #expect(r.stdout.contains("- Reading: first-level. A criterion repeated unchanged at a higher \"any\" level is a ditto mark"))
        #expect(r.stdout.contains("- load = open / (emea + us); when emea + us is 0 it is +infinity if open > 0, and 0 if open is 0."))
        let literal = try PlanProcess.run(["policy", "show", "--reading", "literal", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(literal.stdout.utf8)) as? [String: Any]
        #expect(json?["reading"] as? String == "literal")
    }

    @Test func checkOfTheHandbookWarnsButPasses() throws {
        let r = try PlanProcess.run(["policy", "check"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("note: emea ≤ 2 is repeated at levels 2, 3, 4; first-level reading: counts at level 2 only"))
        #expect(r.stdout.contains("note: the first-level and literal readings differ on 11256 of 21420 input states"))
        #expect(r.stdout.contains("warning: 1062 input states are declared level 1 although its description"))
        #expect(r.stdout.hasSuffix("0 errors, 1 warning\n"))
        let literal = try PlanProcess.run(["policy", "check", "--reading", "literal"])
        #expect(literal.stdout.contains("warning: emea ≤ 2 at level 2 can never decide a level: whenever it holds, a higher level is declared"))
    }

    /// A policy where one more SE working raises the level is an error: exit status 2.
    @Test func inversionIsAnError() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("inverted.json")
        try """
        {
          "name": "inverted", "reading": "first-level",
          "inputs": [{"name": "emea", "kind": "headcount"}, {"name": "open", "kind": "cases"}],
          "levels": [
            {"name": "ok", "trigger": "all", "criteria": [], "contingency": "none"},
            {"name": "odd", "trigger": "any", "criteria": [{"metric": "emea", "op": "==", "value": 4}], "contingency": "x"}
          ]
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["policy", "check", "--policy", file.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("error: 4 times a better situation (one more SE working or one fewer open case) reaches a higher level, e.g. (emea 4, open 0) is level 2 but (emea 3, open 0) is level 1"))
    }
}
