import Foundation
import Testing

/// `plan level --scenario`: headcounts from the December calendar (scenarios/december.json).
@Suite struct ScenarioLevelTests {
    let december = ["level", "scenarios/december.json"]

    /// Dec 21: emea-gb is on time off, us-01…04 too: 2 EMEA and 7 US SEs, the same level as typing them.
    @Test func takesTheHeadcountsFromTheCalendar() throws {
        let r = try PlanProcess.run(december + ["--date", "2026-12-21", "--window", "emea", "--open-cases", "40"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Mon 2026-12-21, EMEA check (10:00 UTC, coverage 09:00–16:00 UTC): level 2, CS team coordination required")
        #expect(lines[1] == "  observed:      emea 2, us 7, open 40, load 4.44")
        #expect(lines[2] == "  counted:       emea 2 (emea-nl, emea-za); us 7 (us-05, us-06, us-07, us-08, us-09, us-10, us-11)")
        let typed = try PlanProcess.run(["level", "--emea", "2", "--us", "7", "--open-cases", "40", "--window", "emea"])
        #expect(Array(lines[3...]) == Array(typed.stdout.split(separator: "\n").map(String.init)[2...]))
    }

    @Test func absenteesAreNotCountedAndNamesIgnoreCase() throws {
        let r = try PlanProcess.run(december + ["--date", "2026-12-21", "--window", "Americas", "--open-cases", "40", "--absent", "us-05", "US-06", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["level"] as? Int == 3)
        #expect(json["date"] as? String == "2026-12-21")
        #expect(json["window"] as? String == "Americas")
        #expect((json["counted"] as? [String: [String]])?["us"] == ["us-07", "us-08", "us-09", "us-10", "us-11"])
    }

    /// An absentee not scheduled anyway is a warning; a name no SE has is an error (it used to be
    /// a warning followed by a level that counted the SE as working), and so is a last day out
    /// before the check. NAME:UNTIL is the syntax of plan outlook's --absent too.
    @Test func warnsAboutAbsenteesThatChangeNothingAndRefusesUnknownOnes() throws {
        let r = try PlanProcess.run(december + ["--date", "2026-12-21", "--window", "emea", "--open-cases", "40", "--absent", "emea-gb", "us-05:2026-12-22"])
        #expect(r.status == 0)
        #expect(r.stderr == "warning: emea-gb, reported absent, is not scheduled on 2026-12-21 anyway (time off); already not counted\n")
        #expect(r.stdout.contains("observed:      emea 2, us 6, open 40"))
        let unknown = try PlanProcess.run(december + ["--date", "2026-12-21", "--window", "emea", "--open-cases", "40", "--absent", "emea-gb", "us-5"])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "Error: --absent us-5: no SE of that name in the team (did you mean us-05?)\n")
        let ended = try PlanProcess.run(december + ["--date", "2026-12-21", "--window", "emea", "--open-cases", "40", "--absent", "us-05:2026-12-18"])
        #expect(ended.status == 1 && ended.stderr == "Error: --absent us-05:2026-12-18: the last day out is before the check's date, 2026-12-21\n")
        let malformed = try PlanProcess.run(december + ["--date", "2026-12-21", "--window", "emea", "--open-cases", "40", "--absent", "us-05:22-12-2026"])
        #expect(malformed.status == 1)
        #expect(malformed.stderr == "Error: --absent us-05:22-12-2026: expected NAME (out until further notice) or NAME:UNTIL (the last day out, today or a date YYYY-MM-DD from 1970-01-01 to 2100-12-31)\n")
    }

    /// Without --window, the level is declared for the check nearest to now, and standard error
    /// names it; --record still needs the window given.
    @Test func withoutAWindowTheNearestCheckIsNamed() throws {
        let r = try PlanProcess.run(["level", "--emea", "3", "--us", "10", "--open-cases", "40"])
        #expect(r.status == 0)
        let named = ["EMEA": "10:00", "Americas": "17:30"].first { r.stderr == "plan: no --window: the \($0.key) check (\($0.value) UTC), the one nearest to now\n" }
        #expect(named != nil, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("\(named?.key ?? "?") check (\(named?.value ?? "?") UTC"))
    }

    @Test(arguments: [
        ("2026-12-25", "no check on 2026-12-25: company closed (Christmas Day)"),
        ("2026-12-19", "no check on 2026-12-19: a Sat, and the scenario's check days are Mon Tue Wed Thu Fri"),
    ])
    func aDateWithoutACheckIsAnErrorUnlessAllowed(date: String, message: String) throws {
        let r = try PlanProcess.run(december + ["--date", date, "--open-cases", "40"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: \(message)\n")
        let allowed = try PlanProcess.run(december + ["--date", date, "--open-cases", "40", "--allow-no-check"])
        #expect(allowed.status == 0)
        #expect(allowed.stdout == "No check: \(message).\n")
    }

    @Test func windowsMatchIgnoringCaseAndAnUnknownOneListsTheKnown() throws {
        let upper = try PlanProcess.run(["level", "--emea", "3", "--us", "10", "--open-cases", "40", "--window", "EMEA"])
        #expect(upper.status == 0)
        #expect(upper.stdout.hasPrefix("EMEA check (10:00 UTC"))
        let unknown = try PlanProcess.run(december + ["--date", "2026-12-21", "--open-cases", "40", "--window", "apac"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: --window apac: unknown window; the known windows are EMEA, Americas\n")
    }

    @Test func aWindowTheScenarioDefinesWorks() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let text = try String(contentsOf: PlanProcess.repository.appendingPathComponent("scenarios/december.json"), encoding: .utf8)
            .replacingOccurrences(of: #"{ "name": "Americas", "check": "17:30", "coverage": "14:00-01:00" }"#,
                                  with: #"{ "name": "Americas", "check": "17:30", "coverage": "14:00-01:00" }, { "name": "Late", "check": "23:00", "coverage": "22:00-01:00" }"#)
            .replacingOccurrences(of: #""arrival_shares": { "EMEA": 0.45, "Americas": 0.55 }"#, with: #""arrival_shares": { "EMEA": 0.45, "Americas": 0.45, "Late": 0.1 }"#)
        let file = dir.appendingPathComponent("three-windows.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["level", file.path, "--date", "2026-12-21", "--open-cases", "40", "--window", "late"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Mon 2026-12-21, Late check (23:00 UTC, coverage 22:00–01:00 UTC): level 2"))
    }

    @Test(arguments: [(2, 3), (3, 0)])
    func failAtExitsWithThreeFromThatLevel(failAt: Int, status: Int32) throws {
        let r = try PlanProcess.run(december + ["--date", "2026-12-21", "--open-cases", "40", "--fail-at", "\(failAt)"])
        #expect(r.status == status)
        #expect(r.stdout.contains("level 2, CS team coordination required"))
    }

    @Test func readsTheOpenCasesFromStandardInput() throws {
        let r = try PlanProcess.run(december + ["--date", "2026-12-21", "--open-cases-from", "-"], stdin: "\n  66 \n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("observed:      emea 2, us 7, open 66, load 7.33"))
        let bad = try PlanProcess.run(december + ["--date", "2026-12-21", "--open-cases-from", "-"], stdin: "count\n66\n")
        #expect(bad.status == 1)
        #expect(bad.stderr == "Error: stdin:1: expected one whole number from 0 to 10000000 (the open cases), and nothing else\n")
    }
}
