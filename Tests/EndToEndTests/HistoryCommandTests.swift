import Foundation
import Testing

/// `plan history`, `plan level --record`, `plan simulate --record` and `plan backtest`'s refusals,
/// each on a real store in a temporary folder.
@Suite struct HistoryCommandTests {
    static let december = PlanProcess.repository.appendingPathComponent("scenarios/december.json").path

    @Test func levelRecordStoresTheDeclaredCheckAndPrintsTheSameMessage() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let plain = try PlanProcess.run(["level", "--emea", "2", "--us", "4", "--open-cases", "30", "--window", "americas", "--format", "slack"], in: folder)
        let recorded = try PlanProcess.run(["level", "--emea", "2", "--us", "4", "--open-cases", "30", "--window", "americas", "--format", "slack", "--record"], in: folder)
        #expect(recorded.status == 0)
        #expect(recorded.stdout == plain.stdout)
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        #expect(recorded.stderr == "Recorded the Americas check of \(today) in plan-history.sqlite\n")
        let export = try PlanProcess.run(["history", "export"], in: folder)
        let rows = export.stdout.split(separator: "\n")
        #expect(rows.first == "date,window,check_time,emea,us,open_cases,level,alerts,policy_sha256,source,recorded_at")
        #expect(rows.count == 2 && rows[1].hasPrefix("\(today),Americas,17:30,2,4,30,4,#community-relations,"))
        #expect(rows.count == 2 && rows[1].contains(",plan level,"))

        let again = try PlanProcess.run(["level", "--emea", "3", "--us", "10", "--open-cases", "30", "--window", "americas", "--record"], in: folder)
        #expect(again.stderr == "Replaced the Americas check of \(today) in plan-history.sqlite\n")
        let noWindow = try PlanProcess.run(["level", "--emea", "3", "--us", "10", "--open-cases", "30", "--record"], in: folder)
        #expect(noWindow.status == 1)
        #expect(noWindow.stderr == "Error: --record needs --window: a declared check belongs to a window\n")
        #expect(noWindow.stdout.isEmpty)
        let batch = try PlanProcess.run(["level", "--input", "-", "--record"], stdin: "emea,us,open_cases\n3,10,40\n", in: folder)
        #expect(batch.status == 1)
        #expect(batch.stderr == "Error: --record stores one declared check; load a file of checks with plan history import\n")
    }

    @Test func simulateRecordAndAddRunStoreARunOnce() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let environment = ["PLAN_HISTORY": folder.appendingPathComponent("env.sqlite").path]
        let first = try PlanProcess.run(["simulate", Self.december, "--trials", "200", "--out", "run", "--record"], in: folder, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.hasPrefix("Recorded the forecast of run "))
        #expect(first.stderr.contains("(simulate: december, seed 1, 200 trials, 44 checks 2026-12-01…2026-12-31, made 20"))
        // Run today, after December's first check, it is flagged as made after it: hence "contains".
        #expect(first.stderr.contains(") in \(environment["PLAN_HISTORY"]!)"))
        let second = try PlanProcess.run(["history", "add-run", "run"], in: folder, environment: environment)
        #expect(second.status == 0)
        #expect(second.stderr.contains("is already in"))
        let show = try PlanProcess.run(["history", "show"], in: folder, environment: environment)
        #expect(show.stdout.hasPrefix("Declared checks: 0\n\nForecasts: 1\n"))
        #expect(show.stdout.contains("(simulate: december, seed 1, 200 trials, 44 checks 2026-12-01…2026-12-31, made 20"))
    }

    @Test func importReportsDisagreementsAndRoundTripsThroughExport() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let days = """
            date,window,emea,us,open_cases,level
            2026-12-01,EMEA,3,10,40,
            2026-12-01,Americas,3,10,66,3
            2026-12-02,EMEA,1,10,30,5

            """
        let r = try PlanProcess.run(["history", "import", "-", "--history", "h.sqlite"], stdin: days, in: folder)
        #expect(r.status == 0)
        #expect(r.stdout == """
            Imported 3 declared checks from stdin into h.sqlite: 3 new, 0 replacing earlier ones.
            1 recorded level differs from the policy's:
              stdin:3: level 3 was recorded; the policy gives level 2 for these counts (stored as recorded)

            """)
        let export = try PlanProcess.run(["history", "export", "--history", "h.sqlite", "--from", "2026-12-01", "--to", "2026-12-01"], in: folder)
        #expect(export.stdout.split(separator: "\n").count == 3)
        try export.stdout.write(to: folder.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        let again = try PlanProcess.run(["history", "import", "export.csv", "--history", "h.sqlite"], in: folder)
        #expect(again.stdout.hasPrefix("Imported 2 declared checks from export.csv into h.sqlite: 0 new, 2 replacing earlier ones.\n"))
        #expect(again.stdout.contains("export.csv:3: level 3 was recorded"))
        let show = try PlanProcess.run(["history", "show", "--history", "h.sqlite"], in: folder)
        #expect(show.stdout.contains("2026-12-02  Wed  EMEA      1      10     30     5      #community-relations #ce"))
    }

    @Test(arguments: [
        ("2026-12-01,asia,3,10,40\n", "Error: days.csv:3: column \"window\": unknown window \"asia\"; expected EMEA or Americas, or a column check_time with the window's check time\n"),
        ("2026-12-01,EMEA,3,-1,40\n", "Error: days.csv:3: column \"us\": \"-1\" is a negative count; expected a whole number from 0 to 1000000000 (US-based SEs working that day)\n"),
    ])
    func aBadImportRowIsNamedAndNothingIsStored(row: String, message: String) throws {
        let folder = try PlanProcess.temporaryDirectory()
        try "date,window,emea,us,open_cases\n2026-11-30,EMEA,3,10,40\n\(row)".write(to: folder.appendingPathComponent("days.csv"), atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["history", "import", "days.csv"], in: folder)
        #expect(r.status == 1)
        #expect(r.stderr == message)
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan-history.sqlite").path))
    }

    @Test func refusesAForeignFileAMissingStoreAndABacktestWithoutForecasts() throws {
        let folder = try PlanProcess.temporaryDirectory()
        try "not a database".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let foreign = try PlanProcess.run(["history", "show", "--history", "notes.txt"], in: folder)
        #expect(foreign.status == 1)
        #expect(foreign.stderr == "Error: notes.txt: not an SQLite database, so not a plan history store\n")

        let missing = try PlanProcess.run(["backtest"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: plan-history.sqlite: no history store there; record checks with plan level --record or plan history import first\n")

        _ = try PlanProcess.run(["history", "import", "-"], stdin: "date,window,emea,us,open_cases\n2026-12-01,EMEA,3,10,40\n", in: folder)
        let none = try PlanProcess.run(["backtest", "--from", "2026-12-01"], in: folder)
        #expect(none.status == 1)
        #expect(none.stderr == "Error: no forecast was made before any of the 1 declared checks from 2026-12-01 to the last with a lead of 0 to 365 days; record forecasts with plan simulate --record or plan history add-run\n")
        let badLead = try PlanProcess.run(["backtest", "--lead", "7..3"], in: folder)
        #expect(badLead.status == 1)
        #expect(badLead.stderr == "Error: --lead 7..3: expected MIN..MAX whole days with 0 ≤ MIN ≤ MAX ≤ 100000, such as 0..28\n")
    }

    /// Two processes importing into one new store at the same moment: both succeed and every row is there.
    @Test func twoProcessesRecordingAtOnceLoseNothing() throws {
        let folder = try PlanProcess.temporaryDirectory()
        for (name, year) in [("a", 2030), ("b", 2040)] {
            var csv = "date,window,emea,us,open_cases\n"
            for day in 0..<1500 { csv += "\(civil(year, day)),EMEA,3,10,\(day % 90)\n\(civil(year, day)),Americas,2,9,\(day % 70)\n" }
            try csv.write(to: folder.appendingPathComponent("\(name).csv"), atomically: true, encoding: .utf8)
        }
        let processes = try ["a", "b"].map { name in try PlanProcess.start(["history", "import", "\(name).csv", "--history", "shared.sqlite"], in: folder) }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let export = try PlanProcess.run(["history", "export", "--history", "shared.sqlite"], in: folder)
        #expect(export.stdout.split(separator: "\n").count == 1 + 2 * 3000)
    }

    /// `day` days after 1 January of `year`, as YYYY-MM-DD (1500 days stay within five years, so 2030 and 2040 do not meet).
    private func civil(_ year: Int, _ day: Int) -> String {
        var components = DateComponents(year: year, month: 1, day: 1 + day)
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: components)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
