import Foundation
import Testing

/// Every option that writes one file keeps the rule of output folders (issue 25): never an input of
/// the run, never a file that is not plan's own output of that kind unless --force, never two
/// outputs on one path, checked before any work. One test per writing option; each checks the
/// file it refused is unchanged.
@Suite struct OutputFileCommandTests {
    static let history = "scenarios/history/"

    func copy(_ file: String, to folder: URL, as name: String? = nil) throws -> URL {
        let target = folder.appendingPathComponent(name ?? (file as NSString).lastPathComponent)
        try FileManager.default.copyItem(at: PlanProcess.repository.appendingPathComponent(file), to: target)
        return target
    }

    func contents(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// `calibrate --write F` / `--html F` replaced F whatever it was: the helpdesk export being read,
    /// the HR export, the team scenario; `--write X --html X` kept only the page.
    @Test func calibrateWriteAndHtml() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let tickets = try copy(Self.history + "tickets.csv", to: folder)
        let team = try copy(Self.history + "team.json", to: folder)
        let absences = try copy(Self.history + "absences.csv", to: folder)
        let command = ["calibrate", team.path, "--tickets", tickets.path, "--from", "2026-01-05", "--to", "2026-06-28",
                       "--preset", "zendesk", "--absences", absences.path]
        let before = try [tickets, team, absences].map(contents)
        for input in [tickets, team] {
            let r = try PlanProcess.run(command + ["--write", input.path])
            #expect(r.status == 1 && r.stderr == "Error: --write \(input.path) is a file this run reads; choose another path\n", "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        // The page is calibration.html in the --out folder: an input of that name is not replaced.
        let input = folder.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let namedLikeThePage = try copy(Self.history + "absences.csv", to: input, as: "calibration.html")
        let read = try PlanProcess.run(command.map { $0 == absences.path ? namedLikeThePage.path : $0 } + ["--html", "--out", input.path])
        #expect(read.status == 1 && read.stderr == "Error: --html \(namedLikeThePage.path) is a file this run reads; choose another path\n", "\(read.stderr)")
        #expect(try [tickets, team, absences].map(contents) == before)

        let same = folder.appendingPathComponent("calibration.html").path
        let twice = try PlanProcess.run(command + ["--write", same, "--html", "--out", folder.path])
        #expect(twice.status == 1 && twice.stderr == "Error: --write \(same) and --html \(same) are the same file; give each output its own path\n")
        #expect(!FileManager.default.fileExists(atPath: same))
        let outAlone = try PlanProcess.run(command + ["--out", folder.path])
        #expect(outAlone.status == 1 && outAlone.stderr == "Error: --out is where --html writes its page; give --html too\n")

        let notes = folder.appendingPathComponent("calibration.html")
        try "<html><body>my notes</body></html>\n".write(to: notes, atomically: true, encoding: .utf8)
        let page = try PlanProcess.run(command + ["--html", "--out", folder.path])
        #expect(page.status == 1 && page.stderr == "Error: --html \(notes.path) exists and is not an HTML page of plan; choose another path, remove it, or give --force to replace it\n")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "<html><body>my notes</body></html>\n")

        // A scenario (plan's own kind for --write) and a page plan wrote are replaced; --force replaces the notes.
        let fitted = folder.appendingPathComponent("fitted.json")
        try FileManager.default.copyItem(at: PlanProcess.repository.appendingPathComponent("scenarios/december.json"), to: fitted)
        let ok = try PlanProcess.run(command + ["--write", fitted.path, "--html", "--out", folder.path, "--force"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasSuffix("Wrote \(fitted.path)\nWrote \(notes.path)\n"))
        #expect(try String(contentsOf: notes, encoding: .utf8).contains("<meta name=\"generator\" content=\"plan\">"))
        let again = try PlanProcess.run(command + ["--write", fitted.path, "--html", "--out", folder.path])
        #expect(again.status == 0, "\(again.stderr)")
    }

    /// `approve --write-time-off F` replaced the requests CSV it reads, or the scenario; the file it
    /// writes is one a scenario's time_off_csv reads, names a spreadsheet would run included.
    @Test func approveWriteTimeOff() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let scenario = folder.appendingPathComponent("team.json")
        try """
            {"name": "formula-team", "horizon": {"start": "2026-12-07", "end": "2026-12-13"},
             "team": [{"name": "=sum", "group": "emea", "country": "GB"}, {"name": "emea-2", "group": "emea", "country": "GB"},
                      {"name": "us-1", "group": "us", "country": "US"}, {"name": "us-2", "group": "us", "country": "US"}],
             "inflow": {"base_per_day": 5}}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let requests = folder.appendingPathComponent("requests.csv")
        try "name,start,end\n=sum,2026-12-08,2026-12-09\n".write(to: requests, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("approve").path
        let command = ["approve", scenario.path, "--requests", requests.path, "--max-risk", "ge8<=1", "--trials", "200", "--out", out]
        let before = try [scenario, requests].map(contents)
        for input in [requests, scenario] {
            let r = try PlanProcess.run(command + ["--write-time-off", input.path])
            #expect(r.status == 1 && r.stderr == "Error: --write-time-off \(input.path) is a file this run reads; choose another path\n", "\(r.stderr)")
        }
        let inside = try PlanProcess.run(command + ["--write-time-off", out + "/off.csv"])
        #expect(inside.status == 1 && inside.stderr == "Error: --write-time-off \(out)/off.csv is inside --out \(out), which plan replaces as a whole; give it a path outside that folder\n")
        let hr = folder.appendingPathComponent("hr.csv")
        try "name,start,end\nus-1,2026-12-01,2026-12-02\n".write(to: hr, atomically: true, encoding: .utf8)
        let foreign = try PlanProcess.run(command + ["--write-time-off", hr.path])
        #expect(foreign.status == 1 && foreign.stderr == "Error: --write-time-off \(hr.path) exists and is not a time-off CSV written by plan approve; choose another path, remove it, or give --force to replace it\n")
        #expect(try [scenario, requests].map(contents) == before)
        #expect(!FileManager.default.fileExists(atPath: out))

        let off = folder.appendingPathComponent("approved.csv")
        let r = try PlanProcess.run(command + ["--write-time-off", off.path])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: off, encoding: .utf8) == "name,start,end,request\n'=sum,2026-12-08,2026-12-09,\(requests.path):2\n")
        // The file is what a scenario's time_off_csv reads: the mark on the name is removed again.
        let planned = folder.appendingPathComponent("planned.json")
        try String(contentsOf: scenario, encoding: .utf8).replacingOccurrences(of: "\"inflow\"", with: "\"time_off_csv\": \"approved.csv\", \"inflow\"")
            .write(to: planned, atomically: true, encoding: .utf8)
        let calendar = try PlanProcess.run(["calendar", planned.path, "--from", "2026-12-08", "--to", "2026-12-08"])
        #expect(calendar.status == 0, "\(calendar.stderr)")
        // Run again: the file plan wrote is replaced without --force.
        #expect(try PlanProcess.run(command + ["--write-time-off", off.path]).status == 0)
    }

    /// `backtest --history h.sqlite --html h.sqlite` wrote the page over the store, exit 0; the page
    /// is now backtest.html in --out, and a store of that name is still never written over.
    @Test func backtestHtml() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let imported = try PlanProcess.run(["history", "import", "-", "--history", "h.sqlite"],
                                           stdin: "date,window,emea,us,open_cases\n2026-12-01,EMEA,3,10,40\n", in: folder)
        try #require(imported.status == 0, "\(imported.stderr)")
        let store = try contents(folder.appendingPathComponent("h.sqlite"))
        try FileManager.default.moveItem(at: folder.appendingPathComponent("h.sqlite"), to: folder.appendingPathComponent("backtest.html"))
        let r = try PlanProcess.run(["backtest", "--history", "backtest.html", "--html", "--out", "."], in: folder)
        #expect(r.status == 1 && r.stderr == "Error: --html ./backtest.html is a file this run reads; choose another path\n", "\(r.stderr)")
        let forced = try PlanProcess.run(["backtest", "--history", "backtest.html", "--html", "--out", ".", "--force"], in: folder)
        #expect(forced.status == 1 && forced.stderr == "Error: --html ./backtest.html is a file this run reads; choose another path\n")
        #expect(try contents(folder.appendingPathComponent("backtest.html")) == store)
    }

    /// `plan report` writes report.html into a run's folder: only over a page plan wrote.
    @Test func reportPage() throws {
        let out = try PlanProcess.temporaryDirectory().appendingPathComponent("run")
        let run = try PlanProcess.run(["simulate", "scenarios/december.json", "--trials", "200", "--seed", "3", "--out", out.path])
        try #require(run.status == 0, "\(run.stderr)")
        let page = out.appendingPathComponent("report.html")
        try "<p>notes kept beside the run</p>\n".write(to: page, atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["report", out.path])
        #expect(r.status == 1 && r.stderr == "Error: report.html \(out.path)/report.html exists and is not an HTML page of plan; choose another path, remove it, or give --force to replace it\n")
        #expect(try String(contentsOf: page, encoding: .utf8) == "<p>notes kept beside the run</p>\n")
        #expect(try PlanProcess.run(["report", out.path, "--force"]).status == 0)
        #expect(try PlanProcess.run(["report", out.path]).status == 0)
    }
}
