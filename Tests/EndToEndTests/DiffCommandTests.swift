import Foundation
import Testing

/// `plan diff` on two runs of December a week apart: the later one starts on Dec 14 and has
/// us-10 off on Dec 21–24.
@Suite struct DiffCommandTests {
    static func run(_ scenario: String, in folder: URL, name: String, trials: String = "10000") throws -> String {
        let path = folder.appendingPathComponent("\(name).json").path
        try scenario.write(toFile: path, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent(name).path
        let r = try PlanProcess.run(["simulate", path, "--trials", trials, "--out", out])
        try #require(r.status == 0, "\(r.stderr)")
        return out
    }

    static func december() throws -> String {
        try String(contentsOf: PlanProcess.repository.appendingPathComponent("scenarios/december.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"$schema\": \"./scenario.schema.json\",\n", with: "")
    }

    /// The runs share the checks from Dec 14 on; the inputs that changed are named; us-10's time off
    /// moves the Dec 21–24 checks up by far more than 5 points. With 10,000 trials a run's P(level ≥ k)
    /// has a standard error below 0.5 points, so a 5-point move is not noise.
    @Test func sharedChecksChangedInputsAndMoves() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let earlier = try Self.run(try Self.december(), in: folder, name: "earlier")
        let edited = try Self.december()
            .replacingOccurrences(of: "\"start\": \"2026-12-01\"", with: "\"start\": \"2026-12-14\"")
            .replacingOccurrences(of: "{ \"name\": \"us-10\", \"group\": \"us\", \"country\": \"US\" }",
                                  with: "{ \"name\": \"us-10\", \"group\": \"us\", \"country\": \"US\", \"time_off\": [\"2026-12-21..2026-12-24\"] }")
        let later = try Self.run(edited, in: folder, name: "later")
        let r = try PlanProcess.run(["diff", earlier, later])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix(": 26 shared checks."))
        #expect(lines[1].hasPrefix("Inputs that changed: ") && lines[1].contains("scenario.horizon") && lines[1].contains("scenario.sha256"))
        for day in ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24"] {
            let row = try #require(lines.first { $0.hasPrefix(day) && $0.contains("Americas") }, "\(day) Americas did not move")
            #expect(row.contains(" points)") && !row.contains("(−"))
        }
        #expect(lines.last?.hasPrefix("Unchanged: ") == true)

        // The same comparison made by `plan simulate --previous`: in the summary, in run.json and
        // in the report's box, which `plan report` rebuilds from the files alone.
        let since = folder.appendingPathComponent("since").path
        let simulated = try PlanProcess.run(["simulate", folder.appendingPathComponent("later.json").path, "--trials", "10000",
                                             "--previous", earlier, "--html", "--out", since])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(simulated.stdout.contains("\nSince the last run:\nFrom \(earlier) (run "))
        #expect(simulated.stdout.contains(lines[2]))
        let page = try String(contentsOfFile: since + "/report.html", encoding: .utf8)
        #expect(page.contains("<aside id=\"since\" class=\"since\">\n<h2>Since the last run</h2>"))
        #expect(page.contains("<li>Mon 2026-12-21 Americas: "))
        #expect(try String(contentsOfFile: since + "/run.json", encoding: .utf8).contains("\"since_last_run\" : {"))
        #expect(try PlanProcess.run(["report", since]).status == 0)
        #expect(try String(contentsOfFile: since + "/report.html", encoding: .utf8) == page)
    }

    @Test func refusesRunsWithoutASharedCheckOrWithAnotherPolicy() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let december = try Self.run(try Self.december(), in: folder, name: "december", trials: "200")
        let january = try Self.run(
            try Self.december().replacingOccurrences(of: "\"start\": \"2026-12-01\", \"end\": \"2026-12-31\"", with: "\"start\": \"2027-01-04\", \"end\": \"2027-01-08\""),
            in: folder, name: "january", trials: "200")
        let r = try PlanProcess.run(["diff", december, january])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "Error: \(december) (2026-12-01…2026-12-31) and \(january) (2027-01-04…2027-01-08) share no check (date and window)\n")

        let renamed = folder.appendingPathComponent("renamed").path
        try FileManager.default.copyItem(atPath: december, toPath: renamed)
        let runJSON = renamed + "/run.json"
        try String(contentsOfFile: runJSON, encoding: .utf8).replacingOccurrences(of: "\"name\" : \"Support capacity levels (handbook)\"", with: "\"name\" : \"Other\"")
            .write(toFile: runJSON, atomically: true, encoding: .utf8)
        let other = try PlanProcess.run(["diff", december, renamed])
        #expect(other.status == 1)
        #expect(other.stderr == "Error: \(december) and \(renamed) use different policies (Support capacity levels (handbook), 8 levels; Other, 8 levels); their levels cannot be compared\n")
    }
}
