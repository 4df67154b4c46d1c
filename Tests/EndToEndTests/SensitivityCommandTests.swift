import Foundation
import Testing

@Suite struct SensitivityCommandTests {
    /// The December example with a fit's intervals for two inputs: text, CSV and JSON say the same,
    /// and `--html` writes the tornado page.
    @Test func writesTheTornadoAsTextCSVJSONAndHTML() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let fit = folder.appendingPathComponent("fit.json").path
        try #"{ "inflow": { "base_per_day": 30 }, "intervals": { "/inflow/base_per_day": [24, 36], "/sickness/sick_days_per_year": [4, 8] }, "notes": [] }"#
            .write(toFile: fit, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("sensitivity.html").path
        let base = ["sensitivity", "scenarios/december.json", "--intervals", fit, "--trials", "300"]
        let text = try PlanProcess.run(base + ["--html", "--out", folder.path])
        #expect(text.status == 0 && text.stderr.isEmpty)
        #expect(text.stdout.hasPrefix("What the risk of december hangs on: expected checks at level ≥ 4 (Community responsiveness flexibility required) over 44 checks"))
        let lines = text.stdout.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("input ") })
        #expect(lines[header + 1].hasPrefix("/inflow/base_per_day") && lines[header + 1].contains("24…36 (30)") && lines[header + 1].contains(" fit "))
        #expect(text.stdout.contains("/sickness/sick_days_per_year     4…8 (6)"))
        #expect(text.stdout.contains("Not applicable: /inflow/dispersion (the inflow is Poisson (no dispersion))."))
        #expect(text.stdout.contains("\nStress, every input at its adverse end at once (/inflow/base_per_day 36, "))

        let csv = try PlanProcess.run(base + ["--format", "csv"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(csv.status == 0 && rows.first == "input,label,value,low,high,range_from,end,end_value,expected_checks,change,worst_date,worst_window,p_worst_base,p_worst,p_worst_change,ci_low,ci_high,unchanged,level,level_name")
        #expect(rows.count == 1 + 2 * 19 + 1)
        #expect(rows[1].hasPrefix("/inflow/base_per_day,base inflow (cases a day),30,24,36,fit,low,24,"))
        #expect(rows.last!.hasPrefix("stress,every input at its adverse end,"))

        let json = try PlanProcess.run(base + ["--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let inputs = try #require(document["inputs"] as? [[String: Any]])
        #expect(document["level"] as? Int == 4 && inputs.count == 19 && inputs.first?["path"] as? String == "/inflow/base_per_day")
        let high = try #require(inputs.first?["high"] as? [String: Any])
        #expect(high["value"] as? Double == 36 && (high["change"] as? Double ?? 0) > 0 && high["unchanged"] as? Bool == false)

        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<meta name=\"viewport\"") && html.contains("Scenario scenarios/december.json; ranges from \(fit)"))
        #expect(html.contains("plan 0.1.0") && html.contains("<ol class=\"tornado\">"))
    }

    /// An intervals file of another scenario, an inverted interval, and a negative rate: each named
    /// with its line, exit status 1, and no page written.
    @Test func refusesBadIntervalsAndWritesNothing() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let fit = folder.appendingPathComponent("fit.json").path
        try """
            { "intervals": {
              "/inflow/arrival_shares/APAC": [0.2, 0.3],
              "/inflow/base_per_day": [36, 24],
              "/resolve_per_shift": [-0.5, 3]
            } }
            """.write(toFile: fit, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("sensitivity.html").path
        let r = try PlanProcess.run(["sensitivity", "scenarios/december.json", "--intervals", fit, "--trials", "100", "--html", "--out", folder.path])
        #expect(r.status == 1 && r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Error: \(fit):2: ") && lines[0].contains("\"/inflow/arrival_shares/APAC\" is not an input of this scenario"))
        #expect(lines[1] == "\(fit):3: /intervals/~1inflow~1base_per_day: the low end 36 is above the high end 24; expected [low, high]")
        #expect(lines[2] == "\(fit):4: /intervals/~1resolve_per_shift: the low end -0.5 is not a valid value of /resolve_per_shift (0 to 1000000)")
        #expect(!FileManager.default.fileExists(atPath: page))
        let level = try PlanProcess.run(["sensitivity", "scenarios/december.json", "--level", "9", "--trials", "100"])
        #expect(level.status == 1 && level.stderr == "Error: --level 9: the policy has levels 1 to 8; expected 2 to 8\n")
    }
}

/// `plan simulate --intervals`: the run's folder gains `sensitivity.csv`, the summary and the
/// report a short "What the risk hangs on", and `plan report` draws the same page from the files.
@Suite struct SimulateIntervalsTests {
    @Test func theReportSaysWhatTheRiskHangsOn() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let fit = folder.appendingPathComponent("fit.json").path
        try #"{ "intervals": { "/inflow/base_per_day": [24, 36] } }"#.write(toFile: fit, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("run").path
        let r = try PlanProcess.run(["simulate", "scenarios/december.json", "--trials", "300", "--intervals", fit, "--html", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nWhat the risk hangs on: change in expected checks at ≥ 4, low / high end of its range:\n  /inflow/base_per_day −"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let csv = try String(contentsOfFile: out + "/sensitivity.csv", encoding: .utf8)
        #expect(csv.hasPrefix("input,label,value,low,high,range_from,end,") && csv.contains("\n/inflow/base_per_day,base inflow (cases a day),30,24,36,fit,low,24,"))
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(page.contains("<h2>What the risk hangs on</h2>") && page.contains("<li><code>/inflow/base_per_day</code> (base inflow (cases a day), 24…36): low 24 −"))
        #expect(page.contains("<li>Every input at its adverse end at once: +"))
        let rebuilt = try PlanProcess.run(["report", out])
        #expect(rebuilt.status == 0)
        #expect(try String(contentsOfFile: out + "/report.html", encoding: .utf8) == page)

        let bad = folder.appendingPathComponent("bad.json").path
        try #"{ "intervals": { "/inflow/trend": [0, 1] } }"#.write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try PlanProcess.run(["simulate", "scenarios/december.json", "--trials", "300", "--intervals", bad, "--out", folder.appendingPathComponent("no").path])
        #expect(refused.status == 1 && refused.stdout.isEmpty && refused.stderr.contains("\"/inflow/trend\" is not an input of this scenario"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("no").path))
    }
}
