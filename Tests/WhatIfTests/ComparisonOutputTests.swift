import Foundation
import RunArtifacts
import Testing
@testable import WhatIf

@Suite struct ComparisonOutputTests {
    static let comparison: Comparison = {
        let base = try! December.scenario()
        return try! Comparison.run(
            base: base, variant: try! ScenarioEdit.apply([December.us09Off], to: base),
            settings: ComparisonSettings(trials: 2_000, seed: 3, threads: 2))
    }()

    @Test func csvHasARowPerCheckAndLevel() {
        let lines = Self.comparison.csv.split(separator: "\n")
        #expect(lines.first == "date,window,level,level_name,p_base,p_variant,difference,ci_low,ci_high,significant,base_level,base_level_name,variant_level,variant_level_name")
        #expect(lines.count == 1 + 44 * 7)
        #expect(lines[1] == "2026-12-01,EMEA,2,CS team coordination required,\(lines[1].split(separator: ",")[4]),\(lines[1].split(separator: ",")[4]),0.0000,0.0000,0.0000,false,2,CS team coordination required,2,CS team coordination required")
        let dec23 = lines.first { $0.hasPrefix("2026-12-23,EMEA,3,") }!.split(separator: ",")
        #expect(dec23[5] == "1.0000" && dec23[9] == "true")
    }

    @Test func terminalListsChangedChecksAndTheUnchangedOnesInALine() {
        let text = Self.comparison.terminalText(baseName: "december", variantName: "december + us-09 off")
        #expect(text.contains("Unchanged in every trial: 30 of 44 checks (2026-12-01…2026-12-18, 2026-12-28)."))
        #expect(text.contains("\n2026-12-23  EMEA      5         ·       +"))
        #expect(!text.contains("\n2026-12-18"))
        // People read percent and percentage points, with the unit stated.
        #expect(text.contains("Largest significant changes:\n  2026-12-23  EMEA      P(level ≥ 3) ") && text.contains(" points ["))
    }

    @Test func htmlIsOneSelfContainedPage() {
        let html = Self.comparison.html(baseName: "december", variantName: "december + us-09 <off>", inputs: ["scenarios/december.json"], toolVersion: "0.1.0")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("<script"))
        #expect(html.contains("december + us-09 &lt;off&gt;"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("From scenarios/december.json. Filter: changes in P(level ≥ k) whose 95% paired interval excludes 0, largest first.")
            && html.contains("plan 0.1.0"))
        #expect(html.contains("<tr class=\"rise\"><td data-label=\"Date\">2026-12-23</td><td data-label=\"Window\">EMEA</td><td data-label=\"Level\">≥ 3</td>"))
        // The biggest changes first: the table's changes fall in size from the top.
        let changes = html.matches(of: /data-label="Change \(points\)">[▲▼] \w+ ([+−][0-9.]+)</).map { abs(Double(String($0.1.dropFirst()))!) }
        #expect(changes.count > 3 && changes == changes.sorted(by: >))
        #expect(html.components(separatedBy: "<tr").count == html.components(separatedBy: "</tr>").count)
    }

    /// A comparison's folder is replaced as a whole, and only when it holds an earlier comparison.
    @Test func filesReplaceAnEarlierComparisonAsAWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whatif-\(UUID().uuidString)/out").path
        let output = try OutputDirectory(path: folder, kind: .comparison)
        try output.replace(with: [OutputFile(name: "compare.csv", contents: "a\n"), OutputFile(name: "compare.html", contents: "<p>")])
        try output.replace(with: [OutputFile(name: "compare.csv", contents: "b\n")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [OutputMarker.fileName, "compare.csv"])
        #expect(try String(contentsOfFile: folder + "/compare.csv", encoding: .utf8) == "b\n")
        try "x".write(toFile: folder + "/../other.txt", atomically: true, encoding: .utf8)
        #expect(throws: OutputError.self) { try OutputDirectory(path: folder + "/..", kind: .comparison) }
    }
}
