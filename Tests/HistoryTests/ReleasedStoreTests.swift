import Calendars
import CapacityPolicy
import Foundation
import GRDB
import RunArtifacts
import Testing
@testable import History

/// A store the release before GRDB's records wrote (Tests/Fixtures/history-store-v2, README there)
/// reads back whole: every declared check as recorded, and every forecast equal to the run files
/// it was recorded from.
@Suite struct ReleasedStoreTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/history-store-v2")

    static let handbook = "9094433b3edcbbfb7bed2e72168c770ae670788819ea48549279c9370f88f974"
    static let backlogPolicy = "46e4dfbe5c5ebab0518e4d23e1db71016cda3864481ec36ffa75ee149d9fb67d"

    /// What the release recorded, as `plan history export` printed it then, with the kinds v3 gives
    /// the handbook's names and none for the cases input the handbook does not name (`backlog`).
    static let expected: [DeclaredCheck] = {
        func check(_ date: String, _ window: String, _ minute: Int, _ inputs: [(String, Int)], level: Int, policy: String = handbook,
                   source: String, at: String) -> DeclaredCheck {
            let kinds: [String: Input.Kind] = ["emea": .headcount, "us": .headcount, "open": .cases]
            return DeclaredCheck(
                date: CivilDate(iso: date)!, window: window, checkMinute: minute,
                inputs: inputs.map { DeclaredCheck.Input(name: $0.0, value: $0.1, kind: kinds[$0.0]) }, level: level, alerts: [],
                policySHA256: policy, source: source, recordedAt: at)
        }
        let (early, late) = ("2026-12-07T12:21:16Z", "2026-12-07T12:21:17Z")
        return [
            check("2026-11-23", "EMEA", 600, [("emea", 3), ("us", 10), ("open", 40)], level: 1, source: "decl.csv:2", at: early),
            check("2026-11-23", "Americas", 1050, [("emea", 3), ("us", 9), ("open", 80)], level: 2, source: "decl.csv:3", at: early),
            check("2026-11-24", "EMEA", 600, [("emea", 2), ("us", 10), ("open", 45)], level: 3, source: "decl.csv:4", at: early),
            check("2026-11-25", "EMEA", 600, [("emea", 3), ("us", 9), ("open", 61)], level: 2, source: "plan level", at: early),
            check("2026-11-26", "Americas", 1050, [("emea", 2), ("us", 9), ("backlog", 50)], level: 2, policy: backlogPolicy, source: "plan level", at: late),
            check("2026-12-02", "APAC", 1380, [("emea", 3), ("us", 11), ("open", 30)], level: 1, source: "plan level", at: early),
            check("2026-12-03", "Americas", 1050, [("emea", 3), ("us", 11), ("open", 70)], level: 1, source: "plan level", at: late),
        ]
    }()

    /// The forecasts as recorded from their run files, made when `--made-at` said (as `Moment` writes it).
    /// The runs' forecasts as the released store holds them: without check times, which v4 added.
    static func expectedForecasts() throws -> [Forecast] {
        [
            Forecast(try RunForecast(directory: fixture.appendingPathComponent("run-december").path), madeAt: "2026-11-20T00:00Z"),
            Forecast(try RunForecast(directory: fixture.appendingPathComponent("run-apac").path), madeAt: "2026-11-25T08:00Z"),
        ].map { forecast in
            var stored = forecast
            stored.checks = forecast.checks.map { c in
                RunForecast.Check(date: c.date, window: c.window, checkMinute: nil, levels: c.levels, meanOpen: c.meanOpen, p10Open: c.p10Open, p50Open: c.p50Open, p90Open: c.p90Open)
            }
            return stored
        }
    }

    /// A copy of the released store in a fresh folder, to be migrated there.
    static func copy() throws -> String {
        let path = try TemporaryFolder().path("released.sqlite")
        try FileManager.default.copyItem(atPath: fixture.appendingPathComponent("store.sqlite").path, toPath: path)
        return path
    }

    @Test func theReleasedStoreIsMigratedAndReadsBackWhole() throws {
        let path = try Self.copy()
        let store = try HistoryStore(path: path, create: false)
        #expect(try store.declaredChecks() == Self.expected)
        let forecasts = try store.forecasts()
        #expect(forecasts.count == 2)
        #expect(try forecasts == Self.expectedForecasts())
        #expect(forecasts.allSatisfy { $0.kind == .simulate && $0.counts != nil })
        #expect(try store.pool.read { try HistoryStore.migrator.hasCompletedMigrations($0) })
        // The migrated store records and reads as a new one does.
        var correction = Self.expected[5]
        correction.level = 2
        #expect(try store.record([correction]) == HistoryStore.RecordedCount(added: 0, replaced: 1))
        #expect(try HistoryStore(readingOnly: path).declaredChecks()[5] == correction)
    }

    /// Read without being written: the file is the same byte for byte afterwards.
    @Test func theReleasedStoreReadsInPlaceWithoutAChange() throws {
        let path = Self.fixture.appendingPathComponent("store.sqlite").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try HistoryStore(readingOnly: path)
        #expect(try store.declaredChecks() == Self.expected)
        #expect(try store.forecasts() == Self.expectedForecasts())
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// The backtest's open cases come from the cases input whatever its name; before v3 only the
    /// handbook's `open` is known to be one.
    @Test func openCasesAreTheCasesInput() {
        #expect(Self.expected.map(\.openCases) == [40, 80, 45, 61, nil, 30, 70])
        var named = Self.expected[4]
        named.inputs[2].kind = .cases
        #expect(named.openCases == 50)
    }
}
