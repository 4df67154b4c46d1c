import Foundation
import Testing

/// `plan hire` as a user runs it, on the year-ahead example cut to its first quarter so that a
/// debug build answers in seconds.
@Suite struct HireCommandTests {
    static let scenario = PlanProcess.repository.appendingPathComponent("scenarios/year-ahead.json").path

    /// The hires with their open-by dates, the validation and the monthly table on standard output;
    /// hire.csv one row per month and group; --format json with its `hires` list; hire.html in
    /// Chromium no wider than 390 px.
    @Test func writesThePlanInEveryFormat() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let args = ["hire", Self.scenario, "--through", "2027-03-31", "--max-risk", "ge4<=0.10", "--lead-time", "2", "--ramp", "4",
                    "--trials", "100", "--validation-trials", "500", "--seed", "3"]
        let r = try PlanProcess.run(args + ["--out", out.path, "--html"])
        #expect(r.status == 0 || r.status == 2, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Hiring plan for year-ahead through 2027-03-31: P(level ≥ 4) ≤ 0.1 at every check")
        #expect(lines[1].hasPrefix("Search: 100 sample trials, seed 3, the same random numbers for every plan; 4 candidate (group, month) starts, at most 2 a month each; lead time 2 weeks, ramp 4 weeks from 50%"))
        #expect(lines.contains { $0.hasPrefix("Validation: 500 independent trials, seed 4: ") })
        #expect(lines.contains { $0.hasPrefix("month    emea without  emea planned  emea need") })
        #expect(lines.contains { $0.hasPrefix("2027-03  ") })

        let csv = try String(contentsOf: out.appendingPathComponent("hire.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv[0] == "month,group,expected_without,expected_planned,needed,needed_low,needed_high,hires_starting,risk_without,risk_with,risk_with_high")
        #expect(csv.count == 1 + 3 * 2)
        #expect(csv[1].hasPrefix("2027-01,emea,4.000,4.000,"))

        // Another folder: an output folder is replaced as a whole, and this run writes no page.
        let json = try PlanProcess.run(args + ["--out", folder.appendingPathComponent("json").path, "--format", "json"])
        #expect(json.status == r.status)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let hires = try #require(document["hires"] as? [[String: Any]])
        for hire in hires {
            #expect(Set(hire.keys) == ["group", "start", "count", "open_by", "cost", "validated_risk"])
            let start = try #require(hire["start"] as? String), openBy = try #require(hire["open_by"] as? String)
            #expect(start.hasSuffix("-01") && openBy < start)
        }
        #expect((document["months"] as? [Any])?.count == 3)
        #expect(document["lead_time_weeks"] as? Int == 2 && document["ramp_weeks"] as? Int == 4)

        guard let chromium = BrowserTests.chromium() else {
            Issue.record("chromium is not installed; run `bash .ci/deps` (CI installs it) to run the browser test")
            return
        }
        let profile = folder.appendingPathComponent("chromium-profile").path
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)"]
        let dom = try BrowserTests.run(chromium, common + ["--dump-dom", out.appendingPathComponent("hire.html").absoluteString], in: folder)
        for element in ["<main id=\"hire\"", "id=\"timeline\"", "id=\"risk\"", "class=\"chart\"", "class=\"months\""] {
            #expect(dom.stdout.contains(element), "the rendered page lacks \(element)")
        }
        try BrowserTests.expectFitsPhone("out/hire.html", in: folder, chromium: chromium, options: common)
    }

    /// Each bad option: one line naming it, exit status 1, and no output folder.
    @Test(arguments: [
        (["--through", "2026-12-31"], "Error: --through 2026-12-31 is before the horizon's start, 2027-01-04; give a date on or after it"),
        (["--through", "2027-02-15", "--lead-time", "8"], "Error: --lead-time 8 weeks is longer than the horizon (2027-01-04 to 2027-02-15): no hire could start in it"),
        (["--through", "2027-06-30", "--ramp", "0", "--ramp-start", "0.5"], "Error: --ramp 0 weeks means full capacity from the first day, but --ramp-start is 0.5; give --ramp-start 1 or a ramp of 1 week or more"),
        (["--through", "2027-06-30", "--attrition", "us=1.2"], "Error: --attrition us=1.2: the yearly rate must be from 0 to below 1, got 1.2"),
        (["--through", "2027-06-30", "--attrition", "apac=0.1"], "Error: --attrition apac=0.1: the scenario has no group \"apac\" (groups: emea, us)"),
        (["--through", "2027-06-30", "--hire-like", "emea"], "Error: --hire-like emea: expected GROUP=SE, such as emea=emea-02"),
        (["--through", "2027-06-30", "--hire-like", "emea=emea-02", "--hire-like", "emea=emea-03"], "Error: --hire-like emea=emea-03: group emea is already made like emea-02"),
        (["--through", "2027-06-30", "--hire-like", "emea=nobody"], "Error: --hire-like emea=nobody: the scenario's team has no SE named \"nobody\""),
    ])
    func badOptionsAreNamed(_ options: [String], _ message: String) throws {
        let folder = try PlanProcess.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let r = try PlanProcess.run(["hire", Self.scenario, "--max-risk", "ge4<=0.10", "--out", out.path] + options)
        #expect(r.status == 1)
        #expect(r.stderr == message + "\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
