import Foundation
import Testing

/// `plan cover` as a user runs it, on December cut to its last two check days (Dec 28–29, a week
/// of warm-up) so that a debug build answers in seconds.
@Suite struct CoverCommandTests {
    /// The two-day scenario and a pool file in a new folder.
    static func files(pool: String) throws -> (folder: URL, scenario: String, pool: String) {
        let folder = try PlanProcess.temporaryDirectory()
        let december = try String(contentsOf: PlanProcess.repository.appendingPathComponent("scenarios/december.json"), encoding: .utf8)
        let scenario = december
            .replacingOccurrences(of: "\"horizon\": { \"start\": \"2026-12-01\", \"end\": \"2026-12-31\" }", with: "\"horizon\": { \"start\": \"2026-12-28\", \"end\": \"2026-12-29\" }")
            .replacingOccurrences(of: "\"warmup_days\": 14", with: "\"warmup_days\": 7")
            .replacingOccurrences(of: "\"$schema\": \"./scenario.schema.json\",\n", with: "")
        #expect(scenario.contains("2026-12-29") && scenario.contains("\"warmup_days\": 7"))
        let scenarioPath = folder.appendingPathComponent("end.json").path
        let poolPath = folder.appendingPathComponent("pool.csv").path
        try scenario.write(toFile: scenarioPath, atomically: true, encoding: .utf8)
        try pool.write(toFile: poolPath, atomically: true, encoding: .utf8)
        return (folder, scenarioPath, poolPath)
    }

    static let pool = "option,group,from,to,cost_per_day,max_per_day\nus-contractor,us,2026-12-28,2026-12-29,400,2\nemea-contractor,emea,2026-12-28,2026-12-29,500,2\n"

    /// The cover, its cost against the bound, the validation table and the curve on standard output;
    /// cover.csv adding up to that cost; cover.html in Chromium no wider than 390 px; and a written
    /// scenario that `plan simulate` runs.
    @Test func findsTheCoverWritesTheFilesAndAScenarioThatRuns() throws {
        let (folder, scenario, pool) = try Self.files(pool: Self.pool)
        let out = folder.appendingPathComponent("out")
        let written = folder.appendingPathComponent("covered.json").path
        let r = try PlanProcess.run([
            "cover", scenario, "--max-risk", "ge4<=0.6", "--pool", pool, "--trials", "100", "--validation-trials", "1000", "--seed", "7",
            "--curve", "0.3,0.6,0.9", "--html", "--out", out.path, "--write-scenario", written,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Cover for december: P(level ≥ 4) ≤ 0.6 at every check; pool \(pool) (2 options)")
        #expect(lines[1].hasPrefix("Search: 100 sample trials, seed 7, the same random numbers for every candidate; every combination of the 4 candidate (day, option) pairs tried, cheapest first (exact on the sample); "))
        let total = try #require(lines.first { $0.hasPrefix("Total: ") })
        #expect(lines.contains { $0.hasPrefix("Validation: 1,000 independent trials, seed 8: every check within P(level ≥ 4) ≤ 0.6") })
        #expect(lines.contains("Lower bound \(total.split(separator: " ").last!.dropLast()), gap 0 (0.0% of the cost): the search was exact."))
        #expect(lines.contains("Cost against the limit on P(level ≥ 4) (a tighter limit never costs less):"))

        let csv = try String(contentsOf: out.appendingPathComponent("cover.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv[0] == "date,option,group,name,count,cost_per_day,cost")
        let cost = csv.dropFirst().reduce(0) { $0 + Int($1.split(separator: ",", omittingEmptySubsequences: false)[6])! }
        let formatted = cost >= 1000 ? "\(cost / 1000),\(String(format: "%03d", cost % 1000))" : "\(cost)"
        #expect(total.hasSuffix(" SE-days, cost \(formatted)."), "\(total) against \(cost)")
        #expect(cost > 0)

        let validate = try PlanProcess.run(["simulate", written, "--trials", "200", "--no-files"])
        #expect(validate.status == 0, "\(validate.stderr)")
        let text = try String(contentsOfFile: written, encoding: .utf8)
        #expect(text.contains("\"name\": \"us-contractor 1\"") || text.contains("\"name\": \"emea-contractor 1\""))

        guard let chromium = BrowserTests.chromium() else {
            Issue.record("chromium is not installed; run `bash .ci/deps` (CI installs it) to run the browser test")
            return
        }
        let profile = folder.appendingPathComponent("chromium-profile").path
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)"]
        let dom = try BrowserTests.run(chromium, common + ["--dump-dom", out.appendingPathComponent("cover.html").absoluteString], in: folder)
        for element in ["<main id=\"cover\"", "id=\"calendar\"", "id=\"before-4\"", "id=\"after-4\"", "id=\"curve\""] {
            #expect(dom.stdout.contains(element), "the rendered page lacks \(element)")
        }
        #expect(dom.stdout.components(separatedBy: "class=\"check").count - 1 == 8, "4 checks before and after")
        try BrowserTests.expectFitsPhone("out/cover.html", in: folder, chromium: chromium, options: common)
    }

    /// A `sickness=no` row: cover that always works, written with `"falls_sick": false`, and a
    /// written scenario that `plan simulate` runs.
    @Test func coverThatCannotFallSickIsWrittenWithTheKey() throws {
        let pool = "option,group,from,to,cost_per_day,max_per_day,sickness\nus-agency,us,2026-12-28,2026-12-29,400,2,no\nemea-agency,emea,2026-12-28,2026-12-29,500,2,no\n"
        let (folder, scenario, poolPath) = try Self.files(pool: pool)
        let written = folder.appendingPathComponent("covered.json").path
        let r = try PlanProcess.run([
            "cover", scenario, "--max-risk", "ge4<=0.6", "--pool", poolPath, "--trials", "100", "--validation-trials", "400", "--seed", "7",
            "--out", folder.appendingPathComponent("out").path, "--write-scenario", written,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: written, encoding: .utf8)
        let added = text.components(separatedBy: "\"name\": \"us-agency ").count + text.components(separatedBy: "\"name\": \"emea-agency ").count - 2
        #expect(added > 0)
        #expect(text.components(separatedBy: "\"falls_sick\": false").count - 1 == added, "every cover SE written carries the key")
        let simulate = try PlanProcess.run(["simulate", written, "--trials", "200", "--no-files"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
    }

    /// A check the pool cannot reach (nothing on Dec 28) is named with its best risk, and the answer
    /// exits 2; `--format json` says the same.
    @Test func aLimitThePoolCannotMeetIsInfeasible() throws {
        let (folder, scenario, pool) = try Self.files(pool: "option,group,from,to,cost_per_day,max_per_day\nlate,us,2026-12-29,2026-12-29,400,1\n")
        let args = ["cover", scenario, "--max-risk", "ge4<=0.3", "--pool", pool, "--trials", "100", "--validation-trials", "500", "--out", folder.appendingPathComponent("out").path]
        let r = try PlanProcess.run(args)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.contains("Infeasible: "))
        #expect(r.stdout.contains("\n  2026-12-28 EMEA: P(level ≥ 4) 100% without cover, 100% at best with the whole pool; "))
        let json = try PlanProcess.run(args + ["--format", "json"])
        #expect(json.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["feasible"] as? Bool == false)
        #expect((document["checks"] as? [Any])?.count == 4)
        #expect(((document["unfixable"] as? [[String: Any]])?.first?["date"] as? String) == "2026-12-28")
    }

    @Test(arguments: [
        ("option,group,from,to,cost_per_day,max_per_day\n", "POOL:1: the pool is empty (expected one row per option after the header: option,group,from,to,cost_per_day,max_per_day)"),
        ("option,group,from,to,cost_per_day\nx,us,2026-12-28,2026-12-28,1\n", "POOL:1: missing column \"max_per_day\"; the header must name option,group,from,to,cost_per_day,max_per_day"),
        ("option,group,from,to,cost_per_day,max_per_day\nx,us,2026-12-28,2027-01-02,1,1\nx,apac,2026-12-28,2026-12-28,-5,0\n", """
            POOL:2: 2026-12-28…2027-01-02 is outside the horizon 2026-12-28…2026-12-29; cover is bought for reported days only
            POOL:3: option "x" is already defined on line 2
            POOL:3: group "apac" is not defined; the groups are emea, us
            POOL:3: cost_per_day "-5": expected a number from 0 to 1000000000
            POOL:3: max_per_day "0": expected a whole number from 1 to 50
            """),
    ])
    func badPool(csv: String, message: String) throws {
        let (folder, scenario, pool) = try Self.files(pool: csv)
        let out = folder.appendingPathComponent("out").path
        let r = try PlanProcess.run(["cover", scenario, "--max-risk", "ge4<=0.3", "--pool", pool, "--trials", "100", "--out", out])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: " + message.replacingOccurrences(of: "POOL", with: pool) + "\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// `--write-scenario` follows the rule of every file plan writes: never an input of the run (the
    /// scenario, the pool), never a file that is not a scenario unless `--force`; refused before the
    /// search, with nothing written.
    @Test func writeScenarioNeverReplacesAnInput() throws {
        let (folder, scenario, pool) = try Self.files(pool: Self.pool)
        let out = folder.appendingPathComponent("out").path
        let notes = folder.appendingPathComponent("notes.txt").path
        try "keep me\n".write(toFile: notes, atomically: true, encoding: .utf8)
        let before = try [scenario, pool, notes].map { try String(contentsOfFile: $0, encoding: .utf8) }
        for target in [scenario, pool, notes] {
            let r = try PlanProcess.run(["cover", scenario, "--max-risk", "ge4<=0.3", "--pool", pool, "--trials", "100", "--out", out, "--write-scenario", target])
            #expect(r.status == 1)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("Error: --write-scenario \(target)") && r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)")
        }
        #expect(try [scenario, pool, notes].map { try String(contentsOfFile: $0, encoding: .utf8) } == before)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// `plan simulate --pool --max-risk` shows the cheapest cover under "Arrange ahead" with its cost
    /// and brief-by dates, keeps it in run.json, and `plan report` redraws it from the files alone.
    @Test func simulateShowsTheCheapestCoverWithBriefByDates() throws {
        let (folder, scenario, pool) = try Self.files(pool: Self.pool)
        let out = folder.appendingPathComponent("run")
        let r = try PlanProcess.run([
            "simulate", scenario, "--pool", pool, "--max-risk", "ge4<=0.6", "--trials", "500", "--html", "--out", out.path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("Cheapest cover from the pool for P(level ≥ 4) ≤ 0.6 at every check: cost ") })
        let purchases = lines[(heading + 1)...].drop { !$0.hasPrefix("  ") || $0.hasPrefix("    ") }.prefix { $0.hasPrefix("  Brief by ") }
        #expect(!purchases.isEmpty, "\(r.stdout)")
        // Dec 28 is a Monday; five working days before it (Dec 25 closed) is Fri Dec 18.
        #expect(purchases.allSatisfy { $0.hasPrefix("  Brief by Fri Dec 18: ") && $0.contains("-contractor (") && $0.contains(", cost ") }, "\(purchases)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any])
        #expect((record["cover"] as? [String: Any])?["limits"] as? String == "P(level ≥ 4) ≤ 0.6")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<p id=\"cover\">Cheapest cover from the pool"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("report.html"))
        let report = try PlanProcess.run(["report", out.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8) == html)
    }
}
