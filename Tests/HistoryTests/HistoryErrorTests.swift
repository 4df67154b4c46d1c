import Foundation
import GRDB
import Testing
@testable import History

/// What a caller can act on has its own case: wait and retry (busy), restore (corrupt), use a newer
/// plan (newerStore); and no message names a command-line flag.
@Suite struct HistoryErrorTests {
    @Test func sqliteFailuresBecomeTheCasesACallerActsOn() {
        #expect(HistoryError("h.sqlite", DatabaseError(resultCode: .SQLITE_BUSY)) == .busy(path: "h.sqlite"))
        #expect(HistoryError("h.sqlite", DatabaseError(resultCode: .SQLITE_LOCKED)) == .busy(path: "h.sqlite"))
        #expect(HistoryError("h.sqlite", DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed"))
            == .corrupt(path: "h.sqlite", detail: "database disk image is malformed"))
        #expect(HistoryError("h.sqlite", DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"))
            == .database(path: "h.sqlite", message: "database or disk is full"))
        #expect(HistoryError.busy(path: "h.sqlite").description
            == "h.sqlite: another process kept the history store locked for over 30 s; try again when it has finished")
    }

    @Test func aDamagedFileAndAHandEditedRowAreCorrupt() throws {
        let folder = try TemporaryFolder()
        let damaged = folder.path("damaged.sqlite")
        try Data("SQLite format 3\0".utf8 + [UInt8](repeating: 0xA5, count: 4096)).write(to: URL(fileURLWithPath: damaged))
        let error = #expect(throws: HistoryError.self) { try HistoryStore(path: damaged, create: true) }
        guard case .corrupt(let path, _) = error else { Issue.record("expected .corrupt, got \(String(describing: error))"); return }
        #expect(path == damaged)

        let edited = folder.path("edited.sqlite")
        let store = try HistoryStore(path: edited, create: true)
        try store.record([HistoryStoreTests.check("2026-12-01", level: 2)])
        try DatabaseQueue(path: edited).write { try $0.execute(sql: "UPDATE declared_check SET date = 'yesterday'") }
        #expect(throws: HistoryError.corrupt(path: edited, detail: "a stored date is \"yesterday\", not a date such as 2026-12-01")) {
            try store.declaredChecks()
        }
        #expect(HistoryError.corrupt(path: edited, detail: "x").description == "\(edited): the history store is damaged (x); restore it from a backup or an export")
    }

    @Test func noMessageNamesAFlagOrACommand() {
        let errors: [HistoryError] = [
            .noStore(path: "h"), .notAStore(path: "h", reason: "r"), .newerStore(path: "h", unknownMigrations: ["v9"]), .busy(path: "h"),
            .corrupt(path: "h", detail: "d"), .openedForReading(path: "h"), .ambiguousRunID(path: "h", prefix: "ab", count: 2),
            .database(path: "h", message: "m"),
        ]
        for error in errors {
            let commands = ["plan level", "plan simulate", "plan history import", "plan history add-run", "plan history show"]
            #expect(!error.description.contains("--") && !commands.contains { error.description.contains($0) }, "\(error)")
        }
    }
}
