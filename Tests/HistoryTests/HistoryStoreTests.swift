import Calendars
import CapacityPolicy
import Foundation
import GRDB
import RunArtifacts
import Testing
@testable import History

/// The store on real SQLite files in a temporary folder.
@Suite struct HistoryStoreTests {
    static func check(_ date: String, _ window: CheckWindow = .emea, level: Int, open: Int = 40, source: String = "test") -> DeclaredCheck {
        DeclaredCheck(
            date: CivilDate(iso: date)!, window: window.name, checkMinute: window.checkMinute,
            inputs: [.init(name: "emea", value: 3, kind: .headcount), .init(name: "us", value: 10, kind: .headcount), .init(name: "open", value: open, kind: .cases)],
            level: level, alerts: level >= 4 ? ["#community-relations"] : [], policySHA256: "abc", source: source,
            recordedAt: "2026-11-30T10:00:00Z")
    }

    static func forecast(_ runID: String, madeAt: String = "2026-11-01T09:00:00Z") -> Forecast {
        Forecast(runID: runID, scenarioName: "december", scenarioSHA256: "def", seed: UInt64.max, trials: 1000, madeAt: madeAt, kind: .simulate, checks: [
            RunForecast.Check(date: CivilDate(iso: "2026-12-01")!, window: "EMEA", checkMinute: 600, levels: [0.5, 0.25, 0.25], meanOpen: 41.5, p10Open: 30, p50Open: 41, p90Open: 55),
            RunForecast.Check(date: CivilDate(iso: "2026-12-02")!, window: "EMEA", checkMinute: 600, levels: [0, 0, 1], meanOpen: 50, p10Open: 45, p50Open: 50, p90Open: 60),
        ], counts: nil)
    }

    @Test func declaredChecksRoundTripAndACorrectionReplaces() throws {
        let folder = try TemporaryFolder()
        let store = try HistoryStore(path: folder.path("h.sqlite"), create: true)
        let checks = [Self.check("2026-12-02", .americas, level: 4), Self.check("2026-12-01", level: 1), Self.check("2026-12-02", level: 2)]
        #expect(try store.record(checks) == HistoryStore.RecordedCount(added: 3, replaced: 0))
        // In time order: the EMEA check (10:00) before the Americas one (17:30) of the same day.
        #expect(try store.declaredChecks() == [checks[1], checks[2], checks[0]])
        #expect(try store.declaredChecks(from: CivilDate(iso: "2026-12-02"), to: CivilDate(iso: "2026-12-02")) == [checks[2], checks[0]])

        let correction = Self.check("2026-12-01", level: 3, source: "fix")
        #expect(try store.record([correction]) == HistoryStore.RecordedCount(added: 0, replaced: 1))
        #expect(try store.declaredChecks().first == correction)
        // The replaced check's inputs went with it (foreign key, ON DELETE CASCADE).
        let inputs = try DatabaseQueue(path: folder.path("h.sqlite")).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM declared_input") }
        #expect(inputs == 9)
    }

    /// A correction under a policy with fewer inputs leaves none of the earlier check's behind.
    @Test func aCorrectionWithFewerInputsDropsTheRest() throws {
        let folder = try TemporaryFolder()
        let store = try HistoryStore(path: folder.path("h.sqlite"), create: true)
        try store.record([Self.check("2026-12-01", level: 2), Self.check("2026-12-02", level: 2)])
        var fewer = Self.check("2026-12-01", level: 3)
        fewer.inputs = [.init(name: "team", value: 12, kind: .headcount), .init(name: "backlog", value: 70, kind: .cases)]
        #expect(try store.record([fewer]) == HistoryStore.RecordedCount(added: 0, replaced: 1))
        #expect(try store.declaredChecks() == [fewer, Self.check("2026-12-02", level: 2)])
        #expect(try store.declaredChecks().map(\.openCases) == [70, 40])
    }

    @Test func previousCheckIsTheLatestEarlierCheckOfAnyWindow() throws {
        let folder = try TemporaryFolder()
        let store = try HistoryStore(path: folder.path("h.sqlite"), create: true)
        try store.record([Self.check("2026-11-27", level: 2), Self.check("2026-11-30", .americas, level: 5), Self.check("2026-11-26", level: 4),
                          Self.check("2026-12-01", level: 1)])
        let (december1, emea, americas) = (CivilDate(iso: "2026-12-01")!, CheckWindow.emea.checkMinute, CheckWindow.americas.checkMinute)
        // The morning check of 1 December follows the Americas check of 30 November.
        let previous = try store.previousCheck(before: december1, minute: emea)
        #expect(previous?.date == CivilDate(iso: "2026-11-30") && previous?.window == "Americas" && previous?.level == 5)
        #expect(previous?.alerts == ["#community-relations"])
        // The Americas check of 1 December follows that day's EMEA check.
        let sameDay = try store.previousCheck(before: december1, minute: americas)
        #expect(sameDay?.date == december1 && sameDay?.window == "EMEA" && sameDay?.level == 1 && sameDay?.alerts == [])
        #expect(try store.previousCheck(before: CivilDate(iso: "2026-11-27")!, minute: emea)?.level == 4)
        #expect(try store.previousCheck(before: CivilDate(iso: "2026-11-26")!, minute: americas)?.level == 4)
        #expect(try store.previousCheck(before: CivilDate(iso: "2026-11-26")!, minute: emea) == nil)
    }

    @Test func aForecastIsStoredOnceWithItsChecks() throws {
        let folder = try TemporaryFolder()
        let store = try HistoryStore(path: folder.path("h.sqlite"), create: true)
        #expect(try store.record(Self.forecast("run-a"), recordedAt: "2026-11-30T10:00:00Z"))
        #expect(try store.record(Self.forecast("run-a"), recordedAt: "2026-11-30T11:00:00Z") == false)
        try store.record(Self.forecast("run-b", madeAt: "2026-10-01T09:00:00Z"), recordedAt: "2026-11-30T10:00:00Z")
        let stored = try store.forecasts()
        #expect(stored.map(\.runID) == ["run-b", "run-a"])
        #expect(stored[1] == Self.forecast("run-a"))
        #expect(try store.forecasts(from: CivilDate(iso: "2026-12-02")).first?.checks.map(\.date) == [CivilDate(iso: "2026-12-02")!])
        #expect(try store.forecasts(from: CivilDate(iso: "2026-12-03")).isEmpty)
    }

    @Test func aFailedRecordingStoresNothing() throws {
        let folder = try TemporaryFolder()
        let store = try HistoryStore(path: folder.path("h.sqlite"), create: true)
        // The second check breaks the schema's level ≥ 1 rule: the first is rolled back with it.
        #expect(throws: HistoryError.self) { try store.record([Self.check("2026-12-01", level: 2), Self.check("2026-12-02", level: 0)]) }
        #expect(try store.declaredChecks().isEmpty)
        var broken = Self.forecast("run-c")
        broken.checks[1] = RunForecast.Check(date: broken.checks[1].date, window: "EMEA", checkMinute: 600, levels: [2], meanOpen: 0, p10Open: 0, p50Open: 0, p90Open: 0)
        #expect(throws: HistoryError.self) { try store.record(broken, recordedAt: "2026-11-30T10:00:00Z") }
        #expect(try store.forecasts().isEmpty)
    }

    @Test func theFileIsInWALModeWithForeignKeysAndItsVersion() throws {
        let folder = try TemporaryFolder()
        let store = try HistoryStore(path: folder.path("h.sqlite"), create: true)
        let (journal, foreignKeys, version) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        // user_version is the fence v3 set for the plans that read it, and no version of this plan's.
        #expect(journal == "wal" && foreignKeys == 1 && version == 3)
        #expect(try store.pool.read { try HistoryStore.migrator.hasCompletedMigrations($0) })
        // Opening it again migrates nothing and keeps the data.
        try store.record([Self.check("2026-12-01", level: 2)])
        #expect(try HistoryStore(path: folder.path("h.sqlite"), create: false).declaredChecks().count == 1)
    }

    @Test func refusesAMissingANewerAForeignAndANonSQLiteFile() throws {
        let folder = try TemporaryFolder()
        #expect(throws: HistoryError.noStore(path: folder.path("none.sqlite"))) {
            try HistoryStore(path: folder.path("none.sqlite"), create: false)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))

        let newer = folder.path("newer.sqlite")
        _ = try HistoryStore(path: newer, create: true)
        try DatabaseQueue(path: newer).write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
        let refused = #expect(throws: HistoryError.newerStore(path: newer, unknownMigrations: ["v9: from the future"])) {
            try HistoryStore(path: newer, create: true)
        }
        #expect(refused?.description == "\(newer): the history store was changed by a newer plan (migration \"v9: from the future\", unknown to this one); use a newer plan")
        #expect(throws: HistoryError.newerStore(path: newer, unknownMigrations: ["v9: from the future"])) { try HistoryStore(readingOnly: newer) }

        let foreign = folder.path("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY)") }
        #expect(throws: HistoryError.notAStore(path: foreign, reason: "not a plan history store (it holds the tables customers)")) {
            try HistoryStore(path: foreign, create: true)
        }
        // Left as it was: no store tables added.
        #expect(try DatabaseQueue(path: foreign).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") } == ["customers"])

        let text = folder.path("notes.sqlite")
        try Data("id,name\n1,x\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: HistoryError.notAStore(path: text, reason: "not an SQLite database, so not a plan history store")) { try HistoryStore(path: text, create: true) }

        // An SQLite header followed by garbage: SQLite's own message, on one line.
        let corrupt = folder.path("corrupt.sqlite")
        try Data("SQLite format 3\0".utf8 + [UInt8](repeating: 0xA5, count: 4096)).write(to: URL(fileURLWithPath: corrupt))
        let error = #expect(throws: HistoryError.self) { try HistoryStore(path: corrupt, create: true) }
        #expect(error?.description.hasPrefix("\(corrupt): ") == true)
        #expect(error?.description.contains("\n") == false)
    }
}
