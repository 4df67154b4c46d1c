import Foundation
import RunFixtures
import Testing
@testable import RunArtifacts

/// Runs written before the CSV column convention (docs/CLI.md, "CSV files") call the planning level
/// `planning_level` in `checks.csv` and `why.csv`, and the level of `sensitivity.csv` `k`: `plan
/// report`, `plan diff` and `--previous` read them as they read a run written today.
@Suite struct ReleasedColumnNamesTests {
    /// A run folder the released version wrote (`Tests/Fixtures/history-store-v2`).
    static let releasedRun = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/history-store-v2/run-december")

    @Test func aReleasedChecksFileReadsItsPlanningLevels() throws {
        let run = try String(contentsOf: Self.releasedRun.appendingPathComponent("run.json"), encoding: .utf8)
        let checks = try String(contentsOf: Self.releasedRun.appendingPathComponent("checks.csv"), encoding: .utf8)
        let lines = checks.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(lines[0].firstIndex(of: "planning_level"))
        #expect(!lines[0].contains("level"))
        let record = try RunRecord.decode(run, source: "run.json")
        let rows = try StoredRun.checks(checks, source: "checks.csv", scenario: record.scenario, levelCount: record.policy.levels.count)
        #expect(rows.count == 44)
        #expect(rows.map(\.planningLevel) == lines.dropFirst().map { Int($0[column])! })
        #expect(Set(rows.map(\.planningLevel)).count > 1)
    }

    /// The same run with today's headers and with the released ones reads to the same rows.
    @Test func formerNamesReadAsTodays() throws {
        let files = try TwoDayRun.output().files
        let checks = try #require(files.first { $0.name == "checks.csv" }).contents
        let keys = checks.split(separator: "\n").dropFirst().map { line in let f = line.split(separator: ","); return "\(f[0]),\(f[2])" }
        let rows = keys.map { key in key.hasPrefix("2026-12-08") ? "\(key),4,L4,1,L1,0.4000,1.0000" : "\(key),1,L1,1,L1,0.0000,0.0000" }
        let why = "date,window,level,level_name,floor_level,floor_level_name,p_no_sickness,p_full\n" + rows.joined(separator: "\n") + "\n"
        let today = try StoredRun(files: files + [OutputFile(name: "why.csv", contents: why)], directory: "run")
        func released(_ text: String) -> String {
            text.replacingOccurrences(of: ",level,level_name,", with: ",planning_level,planning_level_name,")
        }
        #expect(released(checks) != checks && released(why) != why)
        let former = try StoredRun(
            files: files.map { $0.name == "checks.csv" ? OutputFile(name: $0.name, contents: released($0.contents)) : $0 }
                + [OutputFile(name: "why.csv", contents: released(why))],
            directory: "run")
        #expect(former.checks == today.checks && former.checks.map(\.planningLevel) == [1, 1, 4, 4])
        #expect(former.why == today.why && former.why.map(\.level) == [1, 1, 4, 4])
        // Neither name: the message names today's.
        let neither = files.map { $0.name == "checks.csv" ? OutputFile(name: $0.name, contents: released($0.contents).replacingOccurrences(of: "planning_level,", with: "plan,")) : $0 }
        #expect(throws: RunFileError.malformed("run/checks.csv:1: missing column \"level\"")) { try StoredRun(files: neither, directory: "run") }
    }

    @Test func sensitivityReadsItsLevelUnderEitherName() throws {
        let today = """
            input,label,value,low,high,range_from,end,end_value,expected_checks,change,worst_date,worst_window,p_worst_base,p_worst,p_worst_change,ci_low,ci_high,unchanged,level,level_name
            /inflow/base_per_day,base inflow,30,24,36,fit,low,24,5.0000,-1.5000,2026-12-23,EMEA,0.5000,0.4000,-0.1000,-0.1200,-0.0800,false,4,Community responsiveness flexibility required
            /inflow/base_per_day,base inflow,30,24,36,fit,high,36,8.0000,1.5000,2026-12-23,EMEA,0.5000,0.6000,0.1000,0.0800,0.1200,false,4,Community responsiveness flexibility required
            stress,every input at its adverse end,,,,,adverse,,9.0000,2.5000,2026-12-23,EMEA,0.5000,0.7000,0.2000,0.1800,0.2200,false,4,Community responsiveness flexibility required

            """
        let released = today
            .replacingOccurrences(of: "worst_date", with: "worst_check").replacingOccurrences(of: ",level,level_name\n", with: ",k\n")
            .replacingOccurrences(of: ",4,Community responsiveness flexibility required\n", with: ",4\n")
        #expect(released.hasPrefix("input,label,value,low,high,range_from,end,end_value,expected_checks,change,worst_check,") && !released.contains("level_name"))
        let a = try StoredRun.riskDrivers(today, source: "sensitivity.csv")
        let b = try StoredRun.riskDrivers(released, source: "sensitivity.csv")
        #expect(a.level == 4 && b.level == 4 && a.stress == 2.5 && b.stress == 2.5)
        #expect(a.drivers == b.drivers && a.drivers.map(\.swing) == [1.5] && a.drivers.first?.range == "24…36")
    }
}
