import Foundation
import Testing

@Suite struct ScenarioCommandTests {
    @Test func schemaPrintsTheCommittedFile() throws {
        let r = try PlanProcess.run(["schema"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let file = try String(contentsOf: PlanProcess.repository.appendingPathComponent("scenarios/scenario.schema.json"), encoding: .utf8)
        #expect(r.stdout == file)
    }

    /// A file above 64 MiB is refused before it is read, whatever it holds.
    @Test func inputsAboveTheSizeLimitAreRefused() throws {
        let file = try PlanProcess.temporaryDirectory().appendingPathComponent("large.json")
        try Data(repeating: UInt8(ascii: " "), count: (64 << 20) + 1).write(to: file)
        let r = try PlanProcess.run(["validate", file.path])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "Error: \(file.path): the file is larger than 64 MiB, the most plan reads\n")
        try FileManager.default.removeItem(at: file)
    }

    /// A JSON document above 16 MiB is refused before it is parsed: parsed, 50 MB took 1.8 GB (issue 25).
    @Test func jsonAboveItsLimitIsRefusedBeforeParsing() throws {
        let file = try PlanProcess.temporaryDirectory().appendingPathComponent("large.json")
        try (Data("[".utf8) + Data(repeating: UInt8(ascii: " "), count: 16 << 20) + Data("]".utf8)).write(to: file)
        let r = try PlanProcess.run(["validate", file.path])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "\(file.path): the document is larger than 16 MiB, the most plan reads as JSON\n")
        try FileManager.default.removeItem(at: file)
    }

    @Test func validateAcceptsTheExamples() throws {
        let r = try PlanProcess.run(["validate", "scenarios/december.json"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout == "scenarios/december.json: valid (14 SEs in 2 groups, horizon 2026-12-01…2026-12-31 (31 days) after 14 warm-up days, 44 checks)\n")
        let flu = try PlanProcess.run(["validate", "scenarios/flu-wave.json"])
        // The flu wave's US office takes Good Friday off, and five US SEs are level 3 under the
        // handbook on every day: both are said, and the file is still valid.
        #expect(flu.status == 0)
        #expect(flu.stderr == """
            warning: scenarios/flu-wave.json: nobody in group "us" is scheduled on 1 of the 10 check days: 2027-03-26; the policy counts 0 us SEs at those checks
            warning: scenarios/flu-wave.json: the policy does not fit this team: with everyone scheduled at work and no open cases, 10 of the 10 check days are at level 3 or above from the schedule alone; edit the thresholds that declare them (level 3: us ≤ 5; level 4: us ≤ 4; level 5: us ≤ 3; level 6: us ≤ 2) in a policy file, or the team

            """)
        #expect(flu.stdout == "scenarios/flu-wave.json: valid (8 SEs in 2 groups, horizon 2027-03-22…2027-04-02 (12 days) after 7 warm-up days, 20 checks)\n")
    }

    @Test func validateReportsEveryProblemOnStandardErrorAndExits1() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let path = folder.appendingPathComponent("bad.json").path
        try """
            {"name": "bad", "horizon": {"start": "2026-12-05", "end": "2026-12-01"},
             "team": [{"name": "a", "group": "apac", "country": "XX"}],
             "inflow": {"base_per_day": -1}, "colour": 1}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["validate", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("\(path):3: /colour: unknown key \"colour\""))
        #expect(lines[1] == "\(path):1: /horizon: end 2026-12-01 is before start 2026-12-05")
        #expect(lines[2] == "\(path):2: /team/0/group: the group \"apac\" is not defined; the groups are emea, us")
        #expect(lines[3].hasPrefix("\(path):2: /team/0/country: Unknown country \"XX\""))
        #expect(lines[4] == "\(path):3: /inflow/base_per_day: expected a number from 0 to 1000000, found -1")
        let missing = try PlanProcess.run(["validate", "nowhere.json"])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr == "Error: nowhere.json: cannot read the file (it does not exist or is not readable)\n")
    }

    @Test func calendarText() throws {
        let r = try PlanProcess.run(["calendar", "scenarios/december.json", "--from", "2026-12-24", "--to", "2026-12-25"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout == """
            2026-12-24 Thu  check day, floor level 2: CS team coordination required
              scheduled  emea  2/3    emea-nl, emea-za
                         us    6/11   us-05, us-06, us-08, us-09, us-10, us-11
              not        time off: emea-gb, us-01, us-02, us-03, us-04, us-07

            2026-12-25 Fri  company closed (Christmas Day), no checks

            """)
    }

    @Test func calendarCSVHasOneRowPerDay() throws {
        let r = try PlanProcess.run(["calendar", "scenarios/december.json", "--format", "csv"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 32)
        #expect(rows[0] == "date,weekday,check_day,closed,emea_scheduled,us_scheduled,emea_names,us_names,not_scheduled,floor_level,floor_level_name")
        #expect(rows[16].hasPrefix("2026-12-16,Wed,true,false,2,11,emea-gb; emea-nl,"))
        #expect(rows[16].hasSuffix(",emea-za: public holiday (Day of Reconciliation),2,CS team coordination required"))
        #expect(rows[25].hasPrefix("2026-12-25,Fri,false,true,0,0,,,"))
        #expect(rows[25].hasSuffix(",,"))
    }

    @Test(arguments: [
        (["--from", "2026-11-30"], "Error: --from 2026-11-30 is outside the scenario's horizon 2026-12-01…2026-12-31\n"),
        (["--from", "2026-12-10", "--to", "2026-12-05"], "Error: --to 2026-12-05 is before --from 2026-12-10\n"),
        (["--to", "31/12/2026"], "Error: --to 31/12/2026: expected today or a date YYYY-MM-DD from 1970-01-01 to 2100-12-31\n"),
    ])
    func calendarRangeErrors(arguments: [String], message: String) throws {
        let r = try PlanProcess.run(["calendar", "scenarios/december.json"] + arguments)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == message)
    }
}
