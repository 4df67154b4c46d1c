import Foundation
import Testing

/// The committed December output (`notebooks-output/december/`) is what the tool writes today:
/// the test regenerates it with the command docs/DEVELOPMENT.md gives for it and compares every file byte
/// for byte — `run.json` without its `execution` section, which records the machine and the moment,
/// and `report.html` without the day of its "Run on" line.
@Suite struct DecemberOutputTests {
    static let command = ["simulate", "scenarios/december.json", "--html"]
    static var committed: URL { PlanProcess.repository.appendingPathComponent("notebooks-output/december") }

    /// `run.json` without the lines of its `"execution"` object (keys are sorted and indented by two).
    static func withoutExecution(_ runJSON: String) -> String {
        var lines: [Substring] = []
        var inExecution = false
        for line in runJSON.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "  \"execution\" : {" { inExecution = true }
            if !inExecution { lines.append(line) }
            if inExecution && line.hasPrefix("  }") { inExecution = false }
        }
        return lines.joined(separator: "\n")
    }

    /// `report.html` without the day in its "Run on …" line, the one part that records the moment.
    static func withoutRunDate(_ html: String) -> String {
        html.replacing(#/<p class="run">Run on \d{4}-\d{2}-\d{2} /#, with: "<p class=\"run\">Run on DATE ")
    }

    @Test func committedOutputIsUpToDate() throws {
        let out = try PlanProcess.temporaryDirectory().appendingPathComponent("december")
        let r = try PlanProcess.run(Self.command + ["--out", out.path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: Self.committed.path).sorted() == names)
        let regenerate = "regenerate it with: swift run plan " + Self.command.joined(separator: " ")
        for name in names {
            let fresh = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            let kept = try String(contentsOf: Self.committed.appendingPathComponent(name), encoding: .utf8)
            if name == "run.json" {
                #expect(Self.withoutExecution(fresh) == Self.withoutExecution(kept), "notebooks-output/december/run.json is out of date; \(regenerate)")
                #expect(Self.withoutExecution(kept).count < kept.count, "run.json has an execution section")
            } else if name == "report.html" {
                #expect(Self.withoutRunDate(fresh) == Self.withoutRunDate(kept), "notebooks-output/december/report.html is out of date; \(regenerate)")
            } else {
                #expect(fresh == kept, "notebooks-output/december/\(name) is out of date; \(regenerate)")
            }
        }
    }
}
