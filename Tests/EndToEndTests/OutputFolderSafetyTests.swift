import Foundation
import Testing

/// `plan simulate … --out DIR` never deletes a file it did not write.
@Suite struct OutputFolderSafetyTests {
    let scenario = PlanProcess.repository.appendingPathComponent("scenarios/december.json")

    func listing(_ url: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    /// A folder of other work that happens to hold a `run.json` is not replaced.
    @Test func aFolderOfOtherWorkIsKept() throws {
        let folder = try PlanProcess.temporaryDirectory()
        for name in ["run.json", "notes.txt"] { try "mine".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let r = try PlanProcess.run(["simulate", scenario.path, "--trials", "100", "--out", folder.path])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "Error: \(folder.path) exists and holds files plan did not write (no .plan-output.json); choose another --out or remove it\n")
        #expect(try listing(folder) == ["notes.txt", "run.json"])
    }

    /// A scenario kept in its own earlier run folder survives the next run, which is refused.
    @Test func theScenarioBeingReadIsKept() throws {
        let out = try PlanProcess.temporaryDirectory().appendingPathComponent("december")
        #expect(try PlanProcess.run(["simulate", scenario.path, "--trials", "100", "--out", out.path]).status == 0)
        let copy = out.appendingPathComponent("december.json")
        try FileManager.default.copyItem(at: scenario, to: copy)
        let r = try PlanProcess.run(["simulate", copy.path, "--trials", "100", "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr == "Error: \(out.path) holds \(copy.path), which this run reads; choose another --out\n")
        #expect(FileManager.default.fileExists(atPath: copy.path))
    }

    /// A run killed at any moment leaves either the previous output or the new one at the path,
    /// complete, and the next run removes whatever the killed one left beside it.
    @Test func aKilledRunLeavesACompleteFolder() throws {
        let out = try PlanProcess.temporaryDirectory().appendingPathComponent("december")
        #expect(try PlanProcess.run(["simulate", scenario.path, "--trials", "200", "--out", out.path]).status == 0)
        let complete = try listing(out)
        for delay in stride(from: 0.05, through: 0.8, by: 0.05) {
            try PlanProcess.killed(after: delay, ["simulate", scenario.path, "--trials", "200", "--out", out.path])
            #expect(try listing(out) == complete, "after a kill at \(delay) s")
        }
        let r = try PlanProcess.run(["simulate", scenario.path, "--trials", "200", "--out", out.path])
        #expect(r.status == 0)
        #expect(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("plan: removed ") && $0.hasSuffix("left by an interrupted run") })
        let parent = try listing(out.deletingLastPathComponent())
        #expect(parent == ["december"], "left beside the output: \(parent)")
    }
}
