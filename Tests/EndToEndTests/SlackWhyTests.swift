import Foundation
import Testing

/// `plan level --format slack` with a history store: a change of level says which inputs moved
/// since the previous check, and with `--scenario` who is out.
@Suite struct SlackWhyTests {
    @Test func aChangeOfLevelNamesTheInputsThatMovedAndWhoIsOut() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let december = PlanProcess.repository.appendingPathComponent("scenarios/december.json").path
        let morning = try PlanProcess.run(["level", december, "--date", "2026-12-21", "--window", "emea", "--open-cases", "30", "--record"], in: folder)
        #expect(morning.status == 0, "\(morning.stderr)")
        let evening = try PlanProcess.run([
            "level", december, "--date", "2026-12-21", "--window", "americas", "--open-cases", "92", "--absent", "us-05",
            "--format", "slack",
        ], in: folder)
        #expect(evening.status == 0, "\(evening.stderr)")
        let lines = evening.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Up from level ") && $0.hasSuffix(" at the previous check. What changed: us SEs 7 → 6, open cases 30 → 92.") }, "\(evening.stdout)")
        #expect(lines.contains("Out: emea-gb, us-01, us-02, us-03, us-04, us-05."))
        // Printed for a person: no Slack escapes.
        #expect(!evening.stdout.contains("&gt;") && !evening.stdout.contains("&lt;"))
    }
}
