import Calendars
import Foundation
import GRDB
import RunArtifacts
import Testing
@testable import History

/// Stores written before v2 (no kinds, no count distributions) stay readable after the upgrade,
/// and runs can be found by the start of their id and removed with everything stored with them.
@Suite struct HistoryStoreUpgradeTests {
    @Test func aVersion1StoreIsUpgradedAndItsRunsReadWithoutKindOrCounts() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v1.sqlite")
        let queue = try DatabaseQueue(path: path)
        try HistoryStore.migrator.migrate(queue, upTo: "v1: declared checks and forecasts")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO forecast (run_id, scenario_name, scenario_sha256, seed, trials, made_at, recorded_at)
                    VALUES ('abc123', 'december', 'def', 1, 100, '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z');
                INSERT INTO forecast_check (run_id, date, window, mean_open, p10_open, p50_open, p90_open) VALUES ('abc123', '2026-12-01', 'EMEA', 40, 30, 40, 50);
                INSERT INTO forecast_level (forecast_check_id, level, probability) VALUES (last_insert_rowid(), 1, 1);
                """)
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 1)
        try queue.close()

        let store = try HistoryStore(path: path, create: false)
        let forecasts = try store.forecasts()
        #expect(forecasts.count == 1 && forecasts[0].kind == nil && forecasts[0].counts == nil && forecasts[0].checks.count == 1)
        #expect(forecasts[0].description.contains("(kind not recorded: december, seed 1"))
        #expect(try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 3)
    }

    @Test func runsAreFoundByTheirIdsBeginningAndRemovedWithTheirCounts() throws {
        let folder = try TemporaryFolder()
        let store = try HistoryStore(path: folder.path("h.sqlite"), create: true)
        let counts = CountForecast(
            trials: 2, checks: [.init(date: CivilDate(iso: "2026-12-01")!, window: "EMEA", floorLevel: 2)],
            weeks: [.init(start: CivilDate(iso: "2026-11-30")!, checks: 1)], levels: [.init(level: 2, distributions: [[1, 1]], covariances: [[]])])
        var first = HistoryStoreTests.forecast("abc111")
        first.counts = counts
        try store.record(first, recordedAt: "2026-11-01T10:00:00Z")
        try store.record(HistoryStoreTests.forecast("abc222", madeAt: "2026-11-02T09:00:00Z"), recordedAt: "2026-11-02T10:00:00Z")
        #expect(try store.forecasts().map(\.counts) == [counts, nil])
        #expect(try store.runID(matching: "abc1") == "abc111")
        #expect(try store.runID(matching: "xyz") == nil)
        let ambiguous = #expect(throws: HistoryError.ambiguousRunID(path: store.path, prefix: "abc", count: 2)) { try store.runID(matching: "abc") }
        #expect(ambiguous?.description == "\(store.path): 2 runs have an id beginning with abc; give more of its digits")
        #expect(try store.madeAt(ofRun: "abc222") == "2026-11-02T09:00:00Z")
        #expect(try store.removeRun("abc111"))
        #expect(try !store.removeRun("abc111"))
        #expect(try store.forecasts().map(\.runID) == ["abc222"])
        // Its checks, levels and counts went with it.
        let left = try DatabaseQueue(path: store.path).read { db in
            try ["forecast_check", "forecast_level", "forecast_counts"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
        }
        #expect(left == [2, 6, 0])
    }
}
