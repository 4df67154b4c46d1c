import Foundation
import Testing

@Suite struct WhatIfCommandTests {
    @Test func oneMoreTimeOffBeforeChristmas() throws {
        // --no-files: print only, as every command that writes a folder can be told to.
        let r = try PlanProcess.run(["whatif", "scenarios/december.json", "--time-off", "us-09:2026-12-21..2026-12-24", "--trials", "2000", "--threads", "2", "--no-files"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Comparison: december → december + us-09 off 2026-12-21…2026-12-24")
        #expect(lines.contains("Unchanged in every trial: 30 of 44 checks (2026-12-01…2026-12-18, 2026-12-28)."))
        let dec23 = try #require(lines.first { $0.hasPrefix("2026-12-23  EMEA") })
        #expect(dec23.split(separator: " ", omittingEmptySubsequences: true)[4].hasSuffix("*"))
        // The same output on one thread: the paired run does not depend on the thread count.
        let one = try PlanProcess.run(["whatif", "scenarios/december.json", "--time-off", "us-09:2026-12-21..2026-12-24", "--trials", "2000", "--threads", "1", "--no-files"])
        #expect(one.stdout == r.stdout)
    }

    @Test func contractorRemovalInflowAndFiles() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let r = try PlanProcess.run([
            "whatif", "scenarios/december.json", "--add-se", "c1:us:US:2026-12-21..2026-12-31", "--remove-se", "emea-za",
            "--inflow-factor", "1.1", "--trials", "1000", "--out", folder.path,
        ])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("Comparison: december → december + c1 added (us, US, 2026-12-21…2026-12-31), emea-za removed, inflow × 1.1\n"))
        #expect(r.stdout.hasSuffix("Wrote \(folder.path)/compare.csv\n"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/compare.csv"))
    }

    @Test(arguments: [
        (["--time-off", "us-99:2026-12-21"],
         "Error: --time-off us-99:2026-12-21..2026-12-21: the team has no SE named \"us-99\"; its SEs are emea-gb, emea-nl, emea-za, us-01, us-02, us-03, us-04, us-05, us-06, us-07, us-08, us-09, us-10, us-11\n"),
        (["--time-off", "us-09:2026-12-24..2026-12-21"], "Error: --time-off us-09:2026-12-24..2026-12-21: the end 2026-12-21 is before the start 2026-12-24\n"),
        (["--time-off", "us-09:24/12/2026"], "Error: --time-off us-09:24/12/2026: \"24/12/2026\" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31, or two such dates as FIRST..LAST)\n"),
        (["--time-off", "us-07:2026-12-22..2026-12-23"], "Error: --time-off us-07:2026-12-22..2026-12-23: overlaps us-07's time off 2026-12-23…2026-12-24 already in the scenario\n"),
        (["--add-se", "us-01:us:US"], "Error: --add-se us-01: the team already has an SE named \"us-01\"; choose another name\n"),
        (["--add-se", "c1:apac:US"], "Error: --add-se c1: the group \"apac\" is not defined; the groups are emea, us\n"),
        (["--remove-se", "us-12"],
         "Error: --remove-se us-12: the team has no SE named \"us-12\"; its SEs are emea-gb, emea-nl, emea-za, us-01, us-02, us-03, us-04, us-05, us-06, us-07, us-08, us-09, us-10, us-11\n"),
        (["--inflow-factor", "0"], "Error: --inflow-factor 0: expected a number greater than 0 and at most 1000000, such as 1.2 for 20% more cases\n"),
        ([String](), "Error: nothing to compare: give at least one edit (--time-off, --add-se, --remove-se, --inflow-factor or --policy)\n"),
    ])
    func badEdits(arguments: [String], message: String) throws {
        let r = try PlanProcess.run(["whatif", "scenarios/december.json", "--trials", "100"] + arguments)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == message)
    }

    @Test func unknownCountry() throws {
        let r = try PlanProcess.run(["whatif", "scenarios/december.json", "--add-se", "c1:us:XX"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("Error: --add-se c1:us:XX: Unknown country \"XX\"; the built-in calendars are "))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
