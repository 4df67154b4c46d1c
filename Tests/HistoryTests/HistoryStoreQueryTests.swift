import Calendars
import Foundation
import GRDB
import Testing
@testable import History

/// Reading a store costs a fixed number of queries, however many runs, checks and inputs it holds:
/// one per table (GRDB's `including(all:)`), never one per row read.
@Suite struct HistoryStoreQueryTests {
    /// The SELECT statements SQLite ran on the store's connection while `read` ran.
    final class StatementLog: @unchecked Sendable {
        private let lock = NSLock()
        private var statements: [String] = []
        func append(_ sql: String) { lock.withLock { statements.append(sql) } }
        func take() -> [String] { lock.withLock { defer { statements = [] }; return statements } }
    }

    static func selects(in store: HistoryStore, _ read: () throws -> Void) throws -> [String] {
        let log = StatementLog()
        try read()  // GRDB reads the schema once per connection; only what follows is counted
        try store.pool.writeWithoutTransaction { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event, statement.sql.hasPrefix("SELECT") { log.append(statement.sql) }
            }
        }
        try read()
        try store.pool.writeWithoutTransaction { db in db.trace(options: []) { _ in } }
        return log.take()
    }

    @Test(arguments: [1, 5])
    func forecastsAndChecksAreReadInOneQueryPerTable(runs: Int) throws {
        let folder = try TemporaryFolder()
        let writer = try HistoryStore(path: folder.path("h.sqlite"), create: true)
        for run in 0..<runs {
            try writer.record(HistoryStoreTests.forecast("run-\(run)"), recordedAt: "2026-11-30T10:00:00Z")
            try writer.record([HistoryStoreTests.check("2026-12-0\(run + 1)", level: 2)])
        }
        // A copy in memory: one connection, whose trace sees every statement.
        let store = try HistoryStore(readingOnly: folder.path("h.sqlite"))
        let forecasts = try Self.selects(in: store) { () throws in #expect(try store.forecasts().count == runs) }
        // Runs joined with their counts, their checks, the checks' levels.
        #expect(forecasts.count == 3, "\(forecasts)")
        let checks = try Self.selects(in: store) { () throws in #expect(try store.declaredChecks().count == runs) }
        #expect(checks.count == 2, "\(checks)")
    }
}
