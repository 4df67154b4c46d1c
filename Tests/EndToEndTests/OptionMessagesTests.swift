import Foundation
import Testing

/// Options and files that once got a parser's or SQLite's words, or a flag the user never gave,
/// now get one plain line naming what is wrong and where, with status 1 and nothing written.
@Suite struct OptionMessagesTests {
    static let december = PlanProcess.repository.appendingPathComponent("scenarios/december.json").path

    /// A negative number is read as a number (not as a flag, "Missing value") and range-checked.
    @Test(arguments: [
        (["simulate", "scenarios/december.json", "--precision", "-1", "--no-files"], "Error: --precision must be between 0 and 0.5 (a half-width such as 0.005), got -1.0\n"),
        (["holidays", "--country", "GB", "--year", "-1"], "Error: The year -1 is outside 1970–2100, the years the holiday rules cover.\n"),
        (["whatif", "scenarios/december.json", "--inflow-factor", "-1"], "Error: --inflow-factor -1: expected a number greater than 0 and at most 1000000, such as 1.2 for 20% more cases\n"),
        (["simulate", "scenarios/december.json", "--precision", "0.01", "--max-trials", "-5", "--no-files"], "Error: --max-trials must be from 1 to 4000000000, got -5\n"),
        (["diff", "a", "b", "--threshold", "-0.1"], "Error: --threshold must be above 0 and at most 1, got -0.1\n"),
        (["level", "--emea", "3", "--us", "10", "--open-cases", "40", "--fail-at", "-2"], "Error: --fail-at must be a level from 1 to 8, got -2\n"),
        (["approve", "scenarios/december.json", "--requests", "r.csv", "--max-risk", "ge4<=0.2", "--tolerance", "-1"], "Error: --tolerance must be from 0 to 1, got -1.0\n"),
    ])
    func negativeNumbersAreRangeChecked(arguments: [String], error: String) throws {
        let r = try PlanProcess.run(arguments)
        #expect(r.status == 1)
        #expect(r.stderr == error)
        #expect(r.stdout.isEmpty)
    }

    @Test func emptyPathsAreNamed() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let history = try PlanProcess.run(["history", "show", "--history", ""], in: folder)
        #expect(history.stderr == "Error: --history is empty; expected the history store's file, such as plan-history.sqlite\n")
        #expect(history.status == 1)
        let environment = try PlanProcess.run(["history", "show"], in: folder, environment: ["PLAN_HISTORY": ""])
        #expect(environment.stderr == "Error: PLAN_HISTORY is set but empty; set it to the history store's file, or unset it for plan-history.sqlite\n")
        for command in [["simulate", Self.december, "--trials", "100"], ["compare", Self.december, Self.december, "--trials", "100"]] {
            let out = try PlanProcess.run(command + ["--out", ""], in: folder)
            #expect(out.stderr == "Error: --out is empty; expected a folder such as notebooks-output/december\n", "\(command)")
            #expect(out.status == 1)
        }
        let shard = try PlanProcess.run(["simulate", Self.december, "--trials", "2000", "--shard", "1/2", "--out", ""], in: folder)
        #expect(shard.stderr == "Error: --out is empty; expected the folder the partial result goes into, such as parts/\n")
        #expect(shard.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// What SQLite's constraints would have refused is refused first, naming the file and line; the
    /// store is left as it was.
    @Test func addRunRefusesWhatTheStoreCannotHoldWithFileAndLine() throws {
        let folder = try PlanProcess.temporaryDirectory()
        #expect(try PlanProcess.run(["simulate", Self.december, "--trials", "200", "--out", "run"], in: folder).status == 0)
        let run = folder.appendingPathComponent("run")
        let checks = try String(contentsOf: run.appendingPathComponent("checks.csv"), encoding: .utf8)
        let lines = checks.split(separator: "\n")
        let twice = folder.appendingPathComponent("twice")
        try FileManager.default.copyItem(at: run, to: twice)
        try (checks + lines[1] + "\n").write(to: twice.appendingPathComponent("checks.csv"), atomically: true, encoding: .utf8)
        let duplicate = try PlanProcess.run(["history", "add-run", "twice", "--history", "h.sqlite"], in: folder)
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr == "Error: twice/checks.csv:\(lines.count + 1): the check 2026-12-01 EMEA is listed twice (also at line 2); a run has one row per check\n")

        let noTrials = folder.appendingPathComponent("none")
        try FileManager.default.copyItem(at: run, to: noTrials)
        let json = try String(contentsOf: run.appendingPathComponent("run.json"), encoding: .utf8)
        let trials = try #require(json.range(of: "\"trials\" : 200"))
        try json.replacingCharacters(in: trials, with: "\"trials\" : 0").write(to: noTrials.appendingPathComponent("run.json"), atomically: true, encoding: .utf8)
        let zero = try PlanProcess.run(["history", "add-run", "none", "--history", "h.sqlite"], in: folder)
        #expect(zero.status == 1)
        #expect(zero.stderr == "Error: none/run.json: $.sampling.trials: expected a whole number of trials of at least 1, found 0\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("h.sqlite").path))
    }

    /// A request running past the horizon is charged for its days within it, with a warning naming
    /// its line; the run is not stopped with a --time-off flag nobody gave.
    @Test func approveChargesARequestPastTheHorizonForItsDaysWithin() throws {
        let folder = try PlanProcess.temporaryDirectory()
        try "name,start,end\nemea-gb,2026-12-30,2027-01-04\n".write(to: folder.appendingPathComponent("requests.csv"), atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["approve", Self.december, "--requests", "requests.csv", "--max-risk", "ge4<=0.2", "--trials", "200", "--out", "approve"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("warning: requests.csv:2: emea-gb 2026-12-30…2027-01-04: 2027-01-01…2027-01-04 is after the horizon 2026-12-01…2026-12-31, where no check is simulated; only the days up to 2026-12-31 are charged\n"))
        #expect(!(r.stdout + r.stderr).contains("--time-off"))
    }
}

/// The tests' own environment never reaches `plan`: a developer's `PLAN_HISTORY` would make a test
/// read or write their store, and their webhook URL would make a `--post` test post for real.
@Suite struct CleanEnvironmentTests {
    @Test func everyPlanVariableOfTheTestsEnvironmentIsLeftOut() {
        let base = ["PATH": "/usr/bin", "PLAN_HISTORY": "/home/me/plan-history.sqlite", "PLAN_SLACK_WEBHOOK_URL": "https://hooks.slack.com/x", "LANG": "C.UTF-8"]
        #expect(PlanProcess.environment(base: base) == ["PATH": "/usr/bin", "LANG": "C.UTF-8"])
        #expect(PlanProcess.environment(adding: ["PLAN_HISTORY": "h.sqlite"], base: base) == ["PATH": "/usr/bin", "LANG": "C.UTF-8", "PLAN_HISTORY": "h.sqlite"])
    }
}
