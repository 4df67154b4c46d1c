import Foundation
import Testing

/// The committed December output (`notebooks-output/december/`) is what the tool writes today:
/// the test regenerates it with the README's Quick start command (so running the Quick start
/// leaves the committed files as they are) and compares every
/// file byte for byte — `run.json` without its `execution` section, which records the machine and
/// the moment.
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
            } else {
                #expect(fresh == kept, "notebooks-output/december/\(name) is out of date; \(regenerate)")
            }
        }
    }
}
