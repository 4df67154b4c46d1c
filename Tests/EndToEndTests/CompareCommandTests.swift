import Foundation
import Testing

@Suite struct CompareCommandTests {
    /// The December example with `edit` applied to its text, written into `folder`.
    static func december(_ folder: URL, name: String, replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: PlanProcess.repository.appendingPathComponent("scenarios/december.json"), encoding: .utf8)
        #expect(text.contains(old))
        let path = folder.appendingPathComponent(name).path
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func comparesTwoFilesAndWritesCSVAndHTML() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let variant = try Self.december(
            folder, name: "us09-off.json", replacing: #"{ "name": "us-09", "group": "us", "country": "US" }"#,
            with: #"{ "name": "us-09", "group": "us", "country": "US", "time_off": ["2026-12-21..2026-12-24"] }"#)
        let out = folder.appendingPathComponent("out").path
        let r = try PlanProcess.run(["compare", "scenarios/december.json", variant, "--trials", "2000", "--out", out, "--html"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("Comparison: december → us09-off\n2000 paired trials, seed 1:"))
        #expect(r.stdout.contains("Unchanged in every trial: 30 of 44 checks (2026-12-01…2026-12-18, 2026-12-28)."))
        #expect(r.stdout.hasSuffix("Wrote \(out)/compare.csv\nWrote \(out)/compare.html\n"))
        let csv = try String(contentsOfFile: out + "/compare.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 1 + 44 * 7)
        #expect(csv.contains { $0.hasPrefix("2026-12-23,EMEA,3,") && $0.contains(",true,") })
        let html = try String(contentsOfFile: out + "/compare.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("▲ rise"))
    }

    @Test func refusesScenariosWithOtherChecks() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let shorter = try Self.december(folder, name: "short.json", replacing: #""end": "2026-12-31""#, with: #""end": "2026-12-24""#)
        let r = try PlanProcess.run(["compare", "scenarios/december.json", shorter, "--trials", "100", "--out", folder.path])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "Error: the scenarios have different horizons (2026-12-01…2026-12-31 and 2026-12-01…2026-12-24); a comparison needs the same checks in both\n")
        let later = try Self.december(folder, name: "later.json", replacing: #""check": "17:30""#, with: #""check": "18:00""#)
        let w = try PlanProcess.run(["compare", "scenarios/december.json", later, "--trials", "100", "--out", folder.path])
        #expect(w.status == 1 && w.stdout.isEmpty)
        #expect(w.stderr == "Error: the scenarios have different check windows (EMEA 10:00, Americas 17:30 and EMEA 10:00, Americas 18:00); a comparison needs the same checks in both\n")
        let zero = try PlanProcess.run(["compare", "scenarios/december.json", later, "--trials", "0"])
        #expect(zero.status == 1 && zero.stdout.isEmpty && zero.stderr == "Error: --trials must be from 1 to 4000000000, got 0\n")
    }
}
