import Foundation
import Testing

/// The history commands take inputs and windows from the policy and the scenario, never from the
/// handbook's names: an export imports back whatever its windows, a policy's cases input is the
/// open cases whatever its name, and a store the earlier release wrote reads as it did.
@Suite struct HistoryPolicyAsDataTests {
    static let fixture = PlanProcess.repository.appendingPathComponent("Tests/Fixtures/history-store-v2")
    static func fixture(_ name: String) -> String { fixture.appendingPathComponent(name).path }

    @Test func anExportWithACustomWindowImportsBackAsItWas() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let apac = try PlanProcess.run(["level", Self.fixture("apac.json"), "--date", "2026-12-02", "--window", "apac",
                                        "--open-cases", "30", "--record", "--history", "a.sqlite"], in: folder)
        #expect(apac.status == 0, "\(apac.stderr)")
        #expect(apac.stderr.hasSuffix("Recorded the APAC check of 2026-12-02 in a.sqlite\n"))
        let emea = try PlanProcess.run(["level", "--emea", "1", "--us", "10", "--open-cases", "40", "--window", "emea", "--date", "2026-12-01",
                                        "--record", "--history", "a.sqlite"], in: folder)
        #expect(emea.status == 0, "\(emea.stderr)")
        let first = try PlanProcess.run(["history", "export", "--history", "a.sqlite"], in: folder)
        let rows = first.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 3)
        #expect(rows.first == "date,window,check_time,emea,us,open_cases,level,alerts,policy_sha256,source,recorded_at")
        #expect(rows.count == 3 && rows[1].hasPrefix("2026-12-01,EMEA,10:00,1,10,40,5,#community-relations #ce,"))
        #expect(rows.count == 3 && rows[2].hasPrefix("2026-12-02,APAC,23:00,3,11,30,1,,"))

        let imported = try PlanProcess.run(["history", "import", "-", "--history", "b.sqlite"], stdin: first.stdout, in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Imported 2 declared checks from stdin into b.sqlite: 2 new, 0 replacing earlier ones.\n")
        let second = try PlanProcess.run(["history", "export", "--history", "b.sqlite"], in: folder)
        #expect(second.stdout == first.stdout)

        // plan level --input reads the export's inputs as history import does, and gives the same levels.
        let inputs = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }.joined(separator: "\n") + "\n"
        let levels = try PlanProcess.run(["level", "--input", "-", "--format", "csv"], stdin: inputs, in: folder)
        #expect(levels.status == 0, "\(levels.stderr)")
        #expect(levels.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[6] } == ["5", "1"])

        // Without its check time, a window the handbook does not know needs the scenario that defines it.
        let log = "date,window,emea,us,open_cases\n2026-12-03,APAC,3,11,20\n"
        let unknown = try PlanProcess.run(["history", "import", "-", "--history", "c.sqlite"], stdin: log, in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: stdin:2: column \"window\": unknown window \"APAC\"; expected EMEA or Americas, or a column check_time with the window's check time\n")
        let known = try PlanProcess.run(["history", "import", "-", "--windows-from", Self.fixture("apac.json"), "--history", "c.sqlite"], stdin: log, in: folder)
        #expect(known.status == 0, "\(known.stderr)")
        let exported = try PlanProcess.run(["history", "export", "--history", "c.sqlite"], in: folder)
        #expect(exported.stdout.contains("\n2026-12-03,APAC,23:00,3,11,20,1,,"))
        // A check time that contradicts the window's is refused.
        let clash = try PlanProcess.run(["history", "import", "-", "--history", "d.sqlite"], stdin: "date,window,check_time,emea,us,open_cases\n2026-12-03,EMEA,11:00,3,11,20\n", in: folder)
        #expect(clash.stderr == "Error: stdin:2: column \"check_time\": the EMEA check is at 10:00 UTC, not 11:00\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("d.sqlite").path))
    }

    /// A policy whose cases input is `backlog`: --open-cases gives it, the store knows it for the
    /// cases input, and the backtest measures the open-case coverage with it.
    @Test func aCasesInputOfAnotherNameIsTheOpenCasesEverywhere() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let policy = Self.fixture("backlog-policy.json")
        let added = try PlanProcess.run(["history", "add-run", Self.fixture("run-december"), "--made-at", "2026-11-20", "--history", "h.sqlite"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        let first = try PlanProcess.run(["level", "--policy", policy, "--emea", "3", "--us", "10", "--open-cases", "25", "--window", "emea",
                                         "--date", "2026-12-01", "--record", "--history", "h.sqlite"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try PlanProcess.run(["level", "--policy", policy, "--emea", "3", "--us", "10", "--set", "backlog=90", "--window", "emea",
                                          "--date", "2026-12-02", "--record", "--history", "h.sqlite"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        let missing = try PlanProcess.run(["level", "--policy", policy, "--emea", "3", "--us", "10"], in: folder)
        #expect(missing.stderr == "Error: missing --open-cases; the policy needs a value for each of its inputs\n")

        let export = try PlanProcess.run(["history", "export", "--history", "h.sqlite"], in: folder)
        #expect(export.stdout.hasPrefix("date,window,check_time,emea,us,open_cases,level,"))
        // 25 is inside that forecast's P10–P90 of 3–77 on 1 December; 90 is outside 0–76 on the 2nd.
        let backtest = try PlanProcess.run(["backtest", "--history", "h.sqlite", "--format", "json"], in: folder)
        #expect(backtest.status == 0, "\(backtest.stderr)")
        let coverage = try #require(try JSONSerialization.jsonObject(with: Data(backtest.stdout.utf8)) as? [String: Any])["open_case_coverage"] as? [String: Any]
        #expect(coverage?["checks"] as? Int == 2)
        #expect(coverage?["inside"] as? Int == 1)
        #expect(coverage?["mean_width"] as? Double == 75)
    }

    /// The store the release before GRDB's records wrote: the backtest and the run list print what
    /// that release printed (Tests/Fixtures/history-store-v2/README.md).
    @Test func theReleasedStorePrintsWhatTheReleasePrinted() throws {
        let folder = try PlanProcess.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Self.fixture("store.sqlite"), toPath: folder.appendingPathComponent("store.sqlite").path)
        let backtest = try PlanProcess.run(["backtest", "--history", "store.sqlite", "--format", "json"], in: folder)
        #expect(backtest.status == 0, "\(backtest.stderr)")
        #expect(backtest.stdout == (try String(contentsOfFile: Self.fixture("backtest.json"), encoding: .utf8)))
        let runs = try PlanProcess.run(["history", "show", "--runs", "--history", "store.sqlite"], in: folder)
        #expect(runs.stdout == (try String(contentsOfFile: Self.fixture("runs.txt"), encoding: .utf8)))
    }
}
