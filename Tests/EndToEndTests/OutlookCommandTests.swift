import Foundation
import TestHTTPServer
import Testing

/// `plan outlook`: the December scenario from a mid-December day, from a known state.
@Suite struct OutlookCommandTests {
    /// Rows of a checks.csv as (date, window) → columns by name.
    func checks(_ url: URL) throws -> [String: [String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return Dictionary(uniqueKeysWithValues: lines.dropFirst().map { row in
            let columns = Dictionary(uniqueKeysWithValues: zip(lines[0], row))
            return ("\(columns["date"] ?? "") \(columns["window"] ?? "")", columns)
        })
    }

    /// From Dec 14 with the backlog the December run expects that morning, the outlook has the
    /// December run's shape from that day on: the same planning level at every check from Dec 21
    /// (where the calendar drives the level), certainty of level 5 on Dec 28, and the odds of
    /// level ≥ 4 rising through Dec 21–24 as more SEs leave.
    @Test func fromMidDecemberReproducesTheDecemberRun() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let r = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "18", "--open-cases", "38",
                                     "--trials", "20000", "--out", dir.appendingPathComponent("outlook").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("december-outlook: 2026-12-14…2026-12-31, 26 checks (EMEA, Americas); 14 SEs (emea 3, us 11)\n"))
        #expect(r.stdout.contains("50 open cases") == false)
        #expect(r.stdout.contains("38 open cases at the start of the horizon"))
        let outlook = try checks(dir.appendingPathComponent("outlook/checks.csv"))
        let december = try checks(PlanProcess.repository.appendingPathComponent("notebooks-output/december/checks.csv"))
        #expect(outlook.count == 26)
        for (key, row) in outlook where key >= "2026-12-21" {
            #expect(row["planning_level"] == december[key]?["planning_level"], "\(key)")
        }
        #expect(outlook["2026-12-28 EMEA"]?["p_ge_5"] == "1.0000")
        for window in ["EMEA", "Americas"] {
            let rising = ["21", "22", "23", "24"].map { Double(outlook["2026-12-\($0) \(window)"]!["p_ge_4"]!)! }
            #expect(rising == rising.sorted() && rising.first! < rising.last!, "\(window) \(rising)")
        }
    }

    /// emea-nl out until Dec 16 while emea-za is on planned time off: one EMEA SE on Dec 14–16.
    @Test func knownAbsencesAreTimeOffUntilTheirEnd() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let r = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "5", "--open-cases", "30",
                                     "--absent", "emea-nl:2026-12-16", "nobody:2026-12-20", "--trials", "1000", "--out", dir.path + "/o"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "warning: --absent nobody: no SE of that name in the team; ignored\n")
        let rows = try checks(dir.appendingPathComponent("o/checks.csv"))
        #expect(["14", "15", "16", "17", "18"].map { rows["2026-12-\($0) EMEA"]?["emea_planned"] } == ["1", "1", "1", "2", "2"])
        #expect(rows["2026-12-14 EMEA"]?["planning_level"] == "5")
    }

    @Test(arguments: [
        (["--from", "2026-12-26", "--days", "2", "--open-cases", "10"], "Error: no check from 2026-12-26 to 2026-12-27 (weekends and closures only); there is nothing to forecast"),
        (["--from", "2026-12-14", "--days", "0", "--open-cases", "10"], "Error: --days must be from 1 to 1096, got 0"),
        (["--from", "2026-12-14", "--days", "5"], "Error: missing --open-cases (or --open-cases-from): the outlook starts from today's open cases"),
        (["--from", "2026-12-14", "--days", "5", "--open-cases", "10", "--absent", "emea-nl"], "Error: --absent emea-nl: expected NAME:DATE, the last day out as YYYY-MM-DD from 1970-01-01 to 2100-12-31"),
        (["--from", "14.12.2026", "--days", "5", "--open-cases", "10"], "Error: --from 14.12.2026: expected today or a date YYYY-MM-DD from 1970-01-01 to 2100-12-31"),
    ])
    func badInputIsOneLine(arguments: [String], message: String) throws {
        let r = try PlanProcess.run(["outlook", "scenarios/december.json", "--no-files"] + arguments)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == message + "\n")
    }

    /// The summary leadership gets: the peak planning level, what to arrange and the report's path.
    @Test func postsASummaryWithThePathOfTheReport() throws {
        let server = try LoopbackServer(answers: [.init(status: 200, body: "ok")])
        defer { server.stop() }
        let dir = try PlanProcess.temporaryDirectory().appendingPathComponent("o").path
        let r = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-21", "--days", "4", "--open-cases", "40",
                                     "--trials", "1000", "--html", "--out", dir, "--post"], environment: ["PLAN_SLACK_WEBHOOK_URL": server.url])
        #expect(r.status == 0, "\(r.stderr)")
        let body = try #require(server.requests.first?.body)
        let text = try #require((try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["text"] as? String)
        let paragraphs = text.split(separator: "\n").map(String.init)
        #expect(paragraphs[0] == ":rotating_light: *december-outlook: 2026-12-21…2026-12-24, 8 checks*")
        #expect(paragraphs[1] == "Highest planning level: 5 (Post-sales responsiveness flexibility required), at 5 of 8 checks, first 2026-12-22 Americas.")
        #expect(paragraphs[2] == "*Arrange ahead:*")
        // Five working days before Dec 23 is Dec 16, but the outlook is made on Dec 21: brief now.
        #expect(text.contains("• Brief #ce by Mon Dec 21 for Dec 23–24 (EMEA and Americas)"))
        #expect(!text.contains("Dec 16"))
        // run.json records the state the outlook started from.
        let run = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent("run.json"))) as? [String: Any])
        let start = try #require(run["outlook"] as? [String: Any])
        #expect(start["from"] as? String == "2026-12-21" && start["days"] as? Int == 4 && start["open_cases"] as? Int == 40)
        #expect((start["absences"] as? [Any])?.isEmpty == true)
        #expect(text.contains("Report: `\(dir)/report.html`"))
        #expect(paragraphs.last == "1,000 trials, seed 1; Support capacity levels (handbook), first-level reading")
    }
}
