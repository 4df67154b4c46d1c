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
            #expect(row["level"] == december[key]?["level"], "\(key)")
        }
        #expect(outlook["2026-12-28 EMEA"]?["p_ge_5"] == "1.0000")
        for window in ["EMEA", "Americas"] {
            let rising = ["21", "22", "23", "24"].map { Double(outlook["2026-12-\($0) \(window)"]!["p_ge_4"]!)! }
            #expect(rising == rising.sorted() && rising.first! < rising.last!, "\(window) \(rising)")
        }
    }

    /// emea-nl out until Dec 16 while emea-za is on planned time off: one EMEA SE on Dec 14–16. A
    /// name no SE has is an error, and nothing is written.
    @Test func knownAbsencesAreTimeOffUntilTheirEnd() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let outlook = ["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "5", "--open-cases", "30", "--trials", "1000", "--out", dir.path + "/o"]
        let unknown = try PlanProcess.run(outlook + ["--absent", "emea-nl:2026-12-16", "nobody:2026-12-20"])
        #expect(unknown.status == 1 && unknown.stderr == "Error: --absent nobody: no SE of that name in the team\n", "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/o"))
        let r = try PlanProcess.run(outlook + ["--absent", "emea-nl:2026-12-16"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let rows = try checks(dir.appendingPathComponent("o/checks.csv"))
        #expect(["14", "15", "16", "17", "18"].map { rows["2026-12-\($0) EMEA"]?["emea_planned"] } == ["1", "1", "1", "2", "2"])
        #expect(rows["2026-12-14 EMEA"]?["level"] == "5")
    }

    /// Counted at 07:00 on Monday Dec 14, the EMEA check adds the three hours' arrivals to the
    /// count, not the whole night's: Monday's first segment holds 30 × 1.2 × 0.45 = 16.2 cases
    /// over 16.5 hours, 2.95 of them after 07:00 (plus spikes, 3% × 25 × 0.45 a day, cut alike),
    /// less the EMEA hour 09:00–10:00 (two SEs × 3/7) in both.
    @Test func theCountsInstantDecidesWhichArrivalsAreNew() throws {
        let dir = try PlanProcess.temporaryDirectory()
        var means: [Double] = []
        for instant in [[], ["--open-cases-at", "07:00"], ["--open-cases-at", "2026-12-14T08:00+01:00"]] {
            let out = dir.appendingPathComponent("o\(means.count)")
            let r = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "1", "--open-cases", "38",
                                         "--trials", "20000", "--out", out.path] + instant)
            #expect(r.status == 0, "\(r.stderr)")
            means.append(Double(try #require(try checks(out.appendingPathComponent("checks.csv"))["2026-12-14 EMEA"]?["mean_open"]))!)
            if !instant.isEmpty {
                let run = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any])
                #expect((run["outlook"] as? [String: Any])?["open_cases_at"] as? String == "2026-12-14T07:00Z")
            }
        }
        let spikes = 0.03 * 25 * 0.45, work = 2 * 3.0 / 7
        // Standard error of a mean over 20,000 trials with a variance of about 20: 0.03.
        #expect(abs(means[0] - (38 + 16.2 + spikes - work)) < 0.2, "\(means)")
        #expect(abs(means[1] - (38 + (16.2 + spikes) * 3 / 16.5 - work)) < 0.2, "\(means)")
        #expect(means[1] == means[2])
    }

    /// A Monday outlook from Friday evening's count (the last declared check): the weekend is a
    /// warm-up, simulated and not reported. It is the outlook from Saturday, which starts from
    /// Friday's last check by default, with the weekend left out: the same draws, the same Monday.
    @Test func anOlderCountWarmsUpToTheFirstDay() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let monday = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "1", "--open-cases", "38",
                                          "--open-cases-at", "2026-12-11T17:30Z", "--trials", "2000", "--out", dir.path + "/m"])
        let saturday = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-12", "--days", "3", "--open-cases", "38",
                                            "--trials", "2000", "--out", dir.path + "/s"])
        #expect(monday.status == 0 && saturday.status == 0, "\(monday.stderr) \(saturday.stderr)")
        let fromMonday = try checks(dir.appendingPathComponent("m/checks.csv")), fromSaturday = try checks(dir.appendingPathComponent("s/checks.csv"))
        #expect(fromMonday.count == 2)
        for key in ["2026-12-14 EMEA", "2026-12-14 Americas"] {
            #expect(fromMonday[key] == fromSaturday[key], "\(key)")
        }
    }

    /// --open-cases-from-history starts from the last declared check before --from, at its time:
    /// Friday's Americas check of 45 open cases for a Monday outlook is the outlook counted then.
    @Test func theHistoryStoreGivesTheCountAndItsInstant() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let history = dir.appendingPathComponent("history.sqlite").path
        let level = try PlanProcess.run(["level", "scenarios/december.json", "--date", "2026-12-11", "--window", "americas",
                                         "--open-cases", "45", "--record", "--history", history])
        try #require(level.status == 0, "\(level.stderr)")
        let fromHistory = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "1", "--open-cases-from-history",
                                               "--history", history, "--trials", "2000", "--out", dir.path + "/h"])
        #expect(fromHistory.status == 0, "\(fromHistory.stderr)")
        #expect(fromHistory.stderr.contains("Starting from the Americas check of 2026-12-11: 45 open cases\n"))
        let given = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "1", "--open-cases", "45",
                                         "--open-cases-at", "2026-12-11T17:30Z", "--trials", "2000", "--out", dir.path + "/g"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(try checks(dir.appendingPathComponent("h/checks.csv")) == checks(dir.appendingPathComponent("g/checks.csv")))
        let both = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "1", "--open-cases-from-history",
                                        "--open-cases", "3", "--history", history, "--no-files"])
        #expect(both.status == 1 && both.stderr == "Error: --open-cases-from-history reads the count and its time from the history store; leave out --open-cases, --open-cases-from and --open-cases-at\n")
        let none = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "1", "--open-cases-from-history",
                                        "--history", dir.path + "/missing.sqlite", "--no-files"])
        #expect(none.status == 1 && none.stderr == "Error: --open-cases-from-history: no history store at \(dir.path)/missing.sqlite (give --history FILE)\n")
    }

    /// us-01 out until further notice on Dec 14 (spells of 2.5 days on average: 1 + geometric)
    /// is out on Monday for certain and back on Tuesday with probability 1/2.5 = 0.4. The other
    /// ten US SEs fall sick as without the absence (the same outlook without it, scaled by 10/11).
    @Test func outUntilFurtherNoticeIsASpellOfUnknownLength() throws {
        let dir = try PlanProcess.temporaryDirectory()
        var us: [[Double]] = []
        for absent in [["--absent", "us-01"], []] {
            let out = dir.appendingPathComponent("o\(us.count)")
            let r = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "2", "--open-cases", "30",
                                         "--trials", "20000", "--out", out.path] + absent)
            #expect(r.status == 0, "\(r.stderr)")
            let rows = try checks(out.appendingPathComponent("checks.csv"))
            us.append(["14", "15"].map { Double(rows["2026-12-\($0) Americas"]!["mean_us"]!)! })
        }
        #expect(us[0][0] > 9.9 && us[0][0] <= 10, "\(us)")
        // Means are written to 2 decimals; the Monte Carlo error of each is about 0.002.
        let back = (us[0][1] - us[0][0]) - (us[1][1] - us[1][0]) * 10 / 11
        #expect(abs(back - 0.4) < 0.03, "\(us): back on Tuesday with probability \(back)")
    }

    /// --time-off reads the leave known today from a CSV or an iCalendar file, names checked.
    @Test func timeOffFilesAddTheLeaveKnownToday() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let csv = dir.appendingPathComponent("leave.csv"), ics = dir.appendingPathComponent("leave.ics")
        try "name,start,end\nemea-nl,2026-12-15,2026-12-16\n".write(to: csv, atomically: true, encoding: .utf8)
        try """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:1\r
            DTSTAMP:20261201T000000Z\r
            SUMMARY:emea-nl: vacation\r
            DTSTART;VALUE=DATE:20261215\r
            DTEND;VALUE=DATE:20261217\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.write(to: ics, atomically: true, encoding: .utf8)
        for file in [csv, ics] {
            let out = dir.appendingPathComponent(file.lastPathComponent + ".out")
            let r = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "3", "--open-cases", "30",
                                         "--time-off", file.path, "--trials", "500", "--out", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let rows = try checks(out.appendingPathComponent("checks.csv"))
            #expect(["14", "15", "16"].map { rows["2026-12-\($0) EMEA"]?["emea_planned"] } == ["2", "1", "1"], "\(file.lastPathComponent)")
        }
        try "name,start,end\nemea-nI,2026-12-15,2026-12-16\n".write(to: csv, atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "3", "--open-cases", "30",
                                     "--time-off", csv.path, "--no-files"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("Error: \(csv.path):2: \"emea-nI\" is not the name of an SE in the team; did you mean \"emea-nl\"?"))
    }

    @Test(arguments: [
        (["--from", "2026-12-26", "--days", "2", "--open-cases", "10"], "Error: no check from 2026-12-26 to 2026-12-27 (weekends and closures only); there is nothing to forecast"),
        (["--from", "2026-12-14", "--days", "0", "--open-cases", "10"], "Error: --days must be from 1 to 1096, got 0"),
        (["--from", "2026-12-14", "--days", "5"], "Error: missing --open-cases (or --open-cases-from, --open-cases-from-history): the outlook starts from today's open cases"),
        (["--from", "2026-12-14", "--days", "5", "--open-cases", "10", "--absent", "emea-nl:16th"], "Error: --absent emea-nl:16th: expected NAME (out until further notice) or NAME:UNTIL (the last day out, today or a date YYYY-MM-DD from 1970-01-01 to 2100-12-31)"),
        (["--from", "2026-12-14", "--days", "5", "--open-cases", "10", "--open-cases-at", "10:01"], "Error: --open-cases-at 2026-12-14T10:01Z is after the outlook's first check (2026-12-14 10:00 UTC, EMEA); count the open cases before it, or start --from later"),
        (["--from", "2026-12-14", "--days", "5", "--open-cases", "10", "--open-cases-at", "2025-12-12T18:29+01:00"], "Error: --open-cases-at 2025-12-12T17:29Z is more than 366 days before --from 2026-12-14; count the open cases nearer to it"),
        (["--from", "2026-12-14", "--days", "5", "--open-cases", "10", "--open-cases-at", "7am"], "Error: --open-cases-at 7am: expected a time HH:MM (UTC, on --from), now, or a timestamp YYYY-MM-DDTHH:MMZ (or with an offset, +01:00)"),
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
        #expect(paragraphs[1] == "Highest planning level: 5 (Post-sales responsiveness flexibility required), at 6 of 8 checks, first 2026-12-22 EMEA.")
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
