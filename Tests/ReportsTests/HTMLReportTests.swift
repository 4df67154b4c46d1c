import Foundation
import RunArtifacts
import RunFixtures
import Testing
@testable import Reports

/// The page of the two-day run (TwoDayRun): every probability is 0 or 1, so the page's content is
/// known exactly. Monday Dec 7 is level 1 at both checks, Tuesday Dec 8 level 4 (#community-relations).
@Suite struct HTMLReportTests {
    func html(editing edit: (String) -> String = { $0 }) throws -> String {
        let files = try TwoDayRun.output().files.map { OutputFile(name: $0.name, contents: edit($0.contents)) }
        return HTMLReport(try StoredRun(files: files, directory: "run")).html
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func sectionsInOrder() throws {
        let page = try html()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(page.hasSuffix("</html>\n"))
        let ids = ["<main id=\"report\"", "id=\"headline\"", "id=\"heatmap\"", "id=\"levels\"", "id=\"staffing\"", "id=\"horizon\"", "id=\"method\""]
        let positions = try ids.map { id in try #require(page.range(of: id), "\(id)").lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func countsOfCellsEntriesAndBars() throws {
        let page = try html()
        // One week (Mon Dec 7 – Sun Dec 13) per window; Wed–Sun lie outside the two-day horizon.
        #expect(count("class=\"cell check\"", in: page) == 4)
        #expect(count("class=\"cell outside\"", in: page) == 10)
        #expect(count("class=\"cell closed\"", in: page) == 0)
        #expect(count("class=\"cell off\"", in: page) == 0)
        // Eight levels, the fill strength, the frame, "weekend or no checks", "company closed" and "public holiday".
        #expect(count("class=\"legend-entry\"", in: page) == 13)
        // Every check is at one level with certainty: one segment per bar.
        #expect(count("class=\"segment\"", in: page) == 4)
        // Tuesday's level 4 alerts #community-relations at both windows.
        #expect(count("class=\"decision\"", in: page) == 2)
        // Needed from Tue Dec 8; five working days (weekdays) earlier is Tue Dec 1.
        #expect(page.contains("<li class=\"decision\"><strong>Brief by Tue 2026-12-01</strong>: #community-relations for EMEA, Dec 8 (1 check), "
            + "needed from Tue 2026-12-08; raised at <span class=\"swatch\""))
        #expect(page.contains("<title>Tue 2026-12-08, EMEA check, 10:00 UTC\nplanning level 4: Community responsiveness flexibility required\n"
            + "P(level ≥ 4) 100%; most likely level 4 (100%)\nat the line: within the noise the planning level is 4 to 8\nP(level ≥ 2) 100%\nP(level ≥ 3) 100%\nP(level ≥ 4) 100%\nP(level ≥ 5) 0%\n"))
        // The cell prints the level and the probability of reaching it; "likely" only where the mode is lower.
        #expect(page.contains(">100%</text>") && !page.contains(">likely "))
        #expect(page.contains("Planning level peaks at <span class=\"swatch\""))
        #expect(page.contains("<strong>Dec 8</strong>: 2 of 4 checks."))
    }

    /// With `why.csv` the page explains the checks at an alerting level (level 4 here) in one row a
    /// day; a `why.csv` of another run is refused.
    @Test func whyTheseDays() throws {
        let files = try TwoDayRun.output().files
        let checks = try #require(files.first { $0.name == "checks.csv" }).contents.split(separator: "\n").dropFirst()
        let keys = checks.map { line in let f = line.split(separator: ","); return "\(f[0]),\(f[2])" }
        let rows = keys.map { key in key.hasPrefix("2026-12-08") ? "\(key),4,L4,1,L1,0.4000,1.0000" : "\(key),1,L1,1,L1,0.0000,0.0000" }
        let header = "date,window,level,level_name,floor_level,floor_level_name,p_no_sickness,p_full\n"
        let why = OutputFile(name: "why.csv", contents: header + rows.joined(separator: "\n") + "\n")
        let page = HTMLReport(try StoredRun(files: files + [why], directory: "run")).html
        #expect(page.contains("<h2>Why these days</h2>"))
        #expect(count("<tr><td>Tue 2026-12-08</td>", in: page) == 1 && !page.contains("<tr><td>Mon 2026-12-07</td>"))
        #expect(count("<td class=\"number\">P(≥ 4) 40% → 100%</td>", in: page) == 2)
        #expect(!(try html()).contains("Why these days"))
        let shifted = OutputFile(name: "why.csv", contents: why.contents.replacingOccurrences(of: "2026-12-07", with: "2026-12-09"))
        #expect(throws: RunFileError.self) { HTMLReport(try StoredRun(files: files + [shifted], directory: "run")) }
    }

    @Test func selfContained() throws {
        let page = try html().lowercased()
        for forbidden in ["<script", "http", "src=", "href=", "@import", "@font-face", "<link", "<img", "<iframe"] {
            #expect(!page.contains(forbidden), "\(forbidden)")
        }
    }

    @Test func methodShowsTheRunButNotItsExecution() throws {
        let page = try html()
        #expect(page.contains("<dt>SHA-256</dt><dd><code>ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad</code></dd>"))
        #expect(page.contains("<dt>Sampling</dt><dd>3 trials, seed 5, generator taus2</dd>"))
        #expect(page.contains("<dt>Tool</dt><dd>plan 9.9.9</dd>"))
        #expect(page.contains("<p class=\"run\">Run on 2027-01-15 with plan 9.9.9, 3 trials, seed 5</p>"))
        #expect(page.contains("<li>Sickness: none.</li>"))
        #expect(page.contains("<dt>Contingency effects</dt><dd>off: levels are declared but change nothing (open loop)</dd>"))
        for execution in ["thread", "elapsed", "per second"] { #expect(!page.contains(execution), "\(execution)") }
    }

    /// The same run on another machine, later the same day, with other threads: the same bytes.
    @Test func deterministic() throws {
        let estimates = try TwoDayRun.estimates()
        let other = RunRecord(
            toolVersion: "9.9.9", scenarioPath: "two-days.json", scenarioBytes: Array("abc".utf8), estimates: estimates,
            settings: .init(size: .trials(TwoDayRun.trials), seed: 5, threads: 7), started: Date(timeIntervalSince1970: 1_800_000_000 + 3_600), elapsedSeconds: 42)
        let files = try RunOutput(estimates: estimates, record: other).files
        #expect(HTMLReport(try StoredRun(files: files, directory: "")).html == (try html()))
        #expect(try html() == html())
    }

    @Test func escapesNames() throws {
        let page = try html { file in
            file.replacingOccurrences(of: "\"two-days\"", with: "\"<R&D> \\\"team\\\"\"")
                .replacingOccurrences(of: "\"e0\"", with: "\"<e&0>\"")
        }
        #expect(page.contains("<h1>&lt;R&amp;D&gt; &quot;team&quot;: capacity outlook"))
        #expect(page.contains("&lt;e&amp;0&gt;"))
        #expect(!page.contains("<R&D>") && !page.contains("<e&0>"))
    }

    /// Lighter to darker with every level, so the order survives colour blindness and grayscale.
    @Test(arguments: [2, 5, 8, 12])
    func paletteDarkensWithTheLevel(levels: Int) {
        func luminance(_ hex: String) -> Double {
            let v = Int(hex.dropFirst(), radix: 16)!
            return 0.2126 * Double(v >> 16) + 0.7152 * Double((v >> 8) & 0xFF) + 0.0722 * Double(v & 0xFF)
        }
        let fills = (1...levels).map { Palette.fill(level: $0, of: levels) }
        #expect(Set(fills).count == levels)
        let values = fills.map(luminance)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 }, "\(fills)")
        #expect(Palette.ink(level: 1, of: levels) == "#111111")
        #expect(Palette.ink(level: levels, of: levels) == "#ffffff")
    }
}
