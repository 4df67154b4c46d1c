import Foundation
import Testing

/// `plan simulate --html` and `plan report`: one page, whichever writes it, and no page at all from
/// a damaged run directory.
@Suite struct ReportCommandTests {
    /// A small December run with its report, in a fresh folder.
    func run() throws -> URL {
        let out = try PlanProcess.temporaryDirectory().appendingPathComponent("run")
        let r = try PlanProcess.run(["simulate", "scenarios/december.json", "--trials", "2000", "--seed", "3", "--html", "--out", out.path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        return out
    }

    func page(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
    }

    @Test func reportRebuildsThePageSimulateWrote() throws {
        let folder = try run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == [".plan-output.json", "checks.csv", "counts.json", "horizon.csv", "levels.csv", "longest_runs.csv", "recommendations.csv", "report.html", "run.json", "why.csv"])
        let written = try page(folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("report.html"))
        let r = try PlanProcess.run(["report", folder.path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == "Wrote \(folder.path)/report.html\n")
        #expect(try page(folder) == written)
        // Nothing but the page is added: no temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 10)
    }

    @Test func htmlAndNoFilesContradict() throws {
        let r = try PlanProcess.run(["simulate", "scenarios/december.json", "--html", "--no-files"])
        #expect(r.status != 0)
        #expect(r.stderr == "Error: --no-files and --html contradict each other; give one\n")
    }

    /// Each damage gives one line naming the file, a non-zero status, and leaves the previous page
    /// exactly as it was.
    @Test(arguments: [
        ("checks.csv", nil, "checks.csv: missing; a run directory holds the files plan simulate writes"),
        ("checks.csv", "date,window\n2026-12-01,EMEA\n", "checks.csv:1: missing column \"p_level_1\""),
        ("horizon.csv", "level,level_name,p_reach,ci_low,ci_high,expected_checks,longest_run_mean,longest_run_p50,longest_run_p90\n2,CS team coordination required,x,0,0,0,0,0,0\n",
         "horizon.csv:2: column \"p_reach\": expected a number, found \"x\""),
        ("run.json", "{\n  \"tool\": {\n", "run.json:3: invalid JSON: expected a quoted key, found the end of the document"),
        ("run.json", "{\"tool\": {\"name\": \"plan\", \"version\": 1}}", "run.json: $.tool.version: expected a string"),
    ] as [(String, String?, String)])
    func damagedRunDirectory(file: String, contents: String?, message: String) throws {
        let folder = try run()
        let before = try page(folder)
        let target = folder.appendingPathComponent(file)
        if let contents {
            try contents.write(to: target, atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.removeItem(at: target)
        }
        let r = try PlanProcess.run(["report", folder.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: \(folder.path)/\(message)\n")
        #expect(try page(folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix(".") || $0 == ".plan-output.json" })
    }

    @Test func notADirectory() throws {
        let missing = try PlanProcess.temporaryDirectory().appendingPathComponent("nowhere").path
        let r = try PlanProcess.run(["report", missing])
        #expect(r.status == 1)
        #expect(r.stderr == "Error: \(missing): not a directory; give the folder plan simulate wrote\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
