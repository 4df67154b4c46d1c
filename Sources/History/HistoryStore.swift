import Foundation
import GRDB

/// The history of declared checks and forecasts: one SQLite file, opened once per command.
///
/// A `DatabasePool` puts the file in WAL mode, so readers never wait for the writer; foreign keys
/// are on; every change is one immediate transaction, and a writer waits up to 30 s for another
/// process's transaction instead of failing, so two processes recording at once both succeed.
public struct HistoryStore: Sendable {
    public let path: String
    /// A `DatabasePool` on the file, or an in-memory copy of it for reading only (`init(readingOnly:)`).
    let pool: any DatabaseWriter

    /// The schema version this tool writes, kept in the file as `PRAGMA user_version` beside GRDB's
    /// own list of applied migrations, so that an older `plan` can name both versions when it
    /// refuses a newer store.
    public static let schemaVersion = 2

    /// Opens the store at `path`, creating it when `create` is true and the file does not exist.
    /// Refuses a file that is not SQLite, an SQLite file that is not a plan history store, and a
    /// store of a newer schema version.
    public init(path: String, create: Bool) throws(HistoryError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        guard exists || create else {
            throw HistoryError("\(path): no history store there; record checks with plan level --record or plan history import first")
        }
        if exists { try HistoryStore.checkHeader(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            self.pool = pool
            try pool.write { db in try HistoryStore.checkSchema(db, path: path) }
            do {
                try HistoryStore.migrator.migrate(pool)
            } catch {
                // Two processes creating the store at once both see no migration applied; the one
                // that waited then fails on the tables the other made. Once more, it finds them done.
                try HistoryStore.migrator.migrate(pool)
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError(path, error)
        }
    }

    /// SQLite files begin with these 16 bytes; an empty file is a new database.
    static func checkHeader(_ path: String) throws(HistoryError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw HistoryError("\(path): cannot read the history store") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header.isEmpty || header == Data("SQLite format 3\0".utf8) else {
            throw HistoryError("\(path): not an SQLite database, so not a plan history store")
        }
    }

    /// Refuses a newer store, and an SQLite file that holds other tables than a store's.
    static func checkSchema(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard version <= schemaVersion else {
            throw HistoryError("\(path): the history store is version \(version), newer than version \(schemaVersion), which this plan reads; use a newer plan")
        }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        let known = Set(["grdb_migrations", "declared_check", "declared_input", "forecast", "forecast_check", "forecast_level", "forecast_counts"])
        let foreign = tables.filter { !known.contains($0) }
        guard foreign.isEmpty, tables.isEmpty || tables.contains("grdb_migrations") else {
            throw HistoryError("\(path): not a plan history store (it holds the tables \((foreign.isEmpty ? tables : foreign).joined(separator: ", ")))")
        }
    }
}

extension HistoryError {
    /// SQLite's own message, on one line, after the file's name.
    init(_ path: String, _ error: any Error) {
        let message = (error as? DatabaseError)?.message ?? "\(error)"
        self.init("\(path): \(message.split(whereSeparator: \.isNewline).joined(separator: " "))")
    }
}
