import Foundation
import RunArtifacts
import RunFixtures
import Simulation
import Statistics
import Testing
@testable import Reports

/// Pages that never look surer than they are (issue 23): the planning level at the line, `plan
/// diff` not counting a move within the noise as a change of level, and heatmap cells whose fill
/// says how likely their level is.
@Suite struct CertaintyTests {
    /// P(level > 2) = 10.1% of 100,000 trials has a 95% interval of about 9.9–10.3%, which
    /// contains the 10% planning risk: the planning level is 3 by the estimate, 2 or 3 within the
    /// noise. At 20% it is 3 for sure.
    @Test func aProbabilityWhoseIntervalContainsTheRiskIsAtTheLine() {
        let n = 100_000
        func proportions(_ p: [Double]) -> [Proportion] { p.map { Proportion(successes: Int(($0 * Double(n)).rounded()), trials: n) } }
        let near = [1, 0.5, 0.101, 0.02]
        #expect(PlanningLevel.level(atLeast: near, risk: 0.10) == 3)
        #expect(PlanningLevel.range(atLeast: proportions(near), risk: 0.10) == 2...3)
        #expect(PlanningLevel.range(atLeast: near, trials: n, risk: 0.10) == 2...3)
        #expect(PlanningLevel.range(atLeast: proportions([1, 0.5, 0.2, 0.02]), risk: 0.10) == 3...3)
        // Just below the line, the other side: 3 by the estimate only if the interval allows it.
        #expect(PlanningLevel.range(atLeast: proportions([1, 0.5, 0.099, 0.02]), risk: 0.10) == 2...3)
        #expect(PlanningLevel.level(atLeast: [1, 0.5, 0.099, 0.02], risk: 0.10) == 2)
    }

    /// Two runs whose planning levels differ at a check where either could be within the noise:
    /// `plan diff` shows it at the line, not as a change of level.
    @Test func diffDoesNotCountAFlickerAtTheLineAsAChange() throws {
        let files = try TwoDayRun.output().files
        let later = files.map { file -> OutputFile in
            guard file.name == "checks.csv" else { return file }
            var lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let column = try! #require(header.firstIndex(of: "level"))
            var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields[column] == "1")
            fields[column] = "2"
            lines[1] = fields.joined(separator: ",")
            return OutputFile(name: file.name, contents: lines.joined(separator: "\n"))
        }
        let diff = try RunDiff(
            earlier: try StoredRun(files: files, directory: "a"), later: try StoredRun(files: later, directory: "b"),
            earlierName: "a", laterName: "b")
        #expect(diff.moves.isEmpty)
        #expect(diff.atTheLine.count == 1 && diff.atTheLine[0].planning == "1–2 at the line")
        let text = diff.terminalText(earlierName: "a", laterName: "b")
        #expect(text.contains("At the line, not a change of level (the 95% interval of a deciding probability contains the planning risk, "
            + "so the levels differ only within the noise): 2026-12-07 EMEA 1–2."))
        #expect(text.contains("No shared check changed its planning level or moved by 5 points or more."))
    }

    /// A fill is the level's colour at full strength, white at none, and paler for a less likely level.
    @Test func fillStrengthFollowsTheProbability() {
        #expect(Palette.fill(level: 5, of: 8, strength: 1) == Palette.fill(level: 5, of: 8))
        #expect(Palette.fill(level: 5, of: 8, strength: 0) == "#ffffff")
        func lightness(_ hex: String) -> Int {
            let digits = Array(hex.dropFirst())
            return stride(from: 0, to: 6, by: 2).map { Int(String(digits[$0...$0 + 1]), radix: 16)! }.reduce(0, +)
        }
        let (rare, certain) = (HTMLReport.strength(0.14), HTMLReport.strength(1))
        #expect(lightness(Palette.fill(level: 5, of: 8, strength: rare)) > lightness(Palette.fill(level: 5, of: 8, strength: certain)) + 150)
        // Text stays readable on the pale fill: dark ink.
        #expect(Palette.ink(level: 8, of: 8, strength: rare) == "#111111" && Palette.ink(level: 8, of: 8) == "#ffffff")
    }

    /// A check the calendar alone decides (why.csv's floor level at the planning level) is framed,
    /// and the legend says what the frame and the fill strength mean.
    @Test func checksTheCalendarDecidesAreFramed() throws {
        let files = try TwoDayRun.output().files
        let checks = try #require(files.first { $0.name == "checks.csv" }).contents.split(separator: "\n").dropFirst()
        let keys = checks.map { line in let f = line.split(separator: ","); return "\(f[0]),\(f[2])" }
        let rows = keys.map { key in key.hasPrefix("2026-12-08") ? "\(key),4,L4,4,L4,1.0000,1.0000" : "\(key),1,L1,1,L1,0.0000,0.0000" }
        let header = "date,window,level,level_name,floor_level,floor_level_name,p_no_sickness,p_full\n"
        let why = OutputFile(name: "why.csv", contents: header + rows.joined(separator: "\n") + "\n")
        let page = HTMLReport(try StoredRun(files: files + [why], directory: "run")).html
        func count(_ needle: String) -> Int { page.components(separatedBy: needle).count - 1 }
        // Tuesday's two checks; Monday's level 1 is the baseline, which no calendar "decides".
        #expect(count("<g class=\"cell check\" data-mark=\"decided at-line\">") == 2)
        #expect(count("<g class=\"cell check\" data-mark=\"at-line\">") == 2)
        #expect(count("fill=\"none\" stroke=\"#111111\" stroke-width=\"3\"/>") == 2)
        #expect(page.contains("the calendar alone decides: the planned team is at level 4 or higher with no case open"))
        #expect(page.contains("fill strength: P(reaching the planning level)</li>") && page.contains("framed: the calendar alone decides</li>"))
        #expect(page.contains("<strong>How sure</strong>: the fill is as strong as that probability"))
    }
}
