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

    /// How long a writer waits for another process's transaction before `HistoryError.busy`.
    static let busyTimeout: TimeInterval = 30

    /// Opens the store at `path`, creating it when `create` is true and the file does not exist.
    /// Refuses a file that is not SQLite, an SQLite file that is not a plan history store, and a
    /// store of a newer schema version.
    public init(path: String, create: Bool) throws(HistoryError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        guard exists || create else {
            throw .noStore(path: path)
        }
        if exists { try HistoryStore.checkHeader(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(HistoryStore.busyTimeout)
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
        } catch {
            throw HistoryError(path, error)
        }
    }

    /// SQLite files begin with these 16 bytes; an empty file is a new database.
    static func checkHeader(_ path: String) throws(HistoryError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .database(path: path, message: "cannot read the history store") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header.isEmpty || header == Data("SQLite format 3\0".utf8) else {
            throw .notAStore(path: path, reason: "not an SQLite database, so not a plan history store")
        }
    }

    /// Refuses a store a newer plan migrated (`HistoryError.newerStore`), and an SQLite file that
    /// holds other tables than a store's. GRDB's list of applied migrations is the store's only
    /// version; the tables a store may hold are those the migrations create.
    static func checkSchema(_ db: Database, path: String) throws {
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(migrator.migrations).sorted()
        guard unknown.isEmpty else { throw HistoryError.newerStore(path: path, unknownMigrations: unknown) }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        let known = try storeTables()
        let foreign = tables.filter { !known.contains($0) }
        guard foreign.isEmpty, tables.isEmpty || tables.contains("grdb_migrations") else {
            throw HistoryError.notAStore(path: path, reason: "not a plan history store (it holds the tables \((foreign.isEmpty ? tables : foreign).joined(separator: ", ")))")
        }
    }

    /// The tables of a store: those every migration creates, in an empty database in memory.
    static func storeTables() throws -> Set<String> {
        let empty = try DatabaseQueue()
        try migrator.migrate(empty)
        return try empty.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        }
    }
}
