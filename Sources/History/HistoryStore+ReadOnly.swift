import Foundation
import GRDB

extension HistoryStore {
    /// Opens the store at `path` for reading only, for the commands that only read it (`plan
    /// history show`, `plan backtest`): a store the user may read but not write opens, and nothing
    /// is created or changed beside it.
    ///
    /// A store in WAL mode opened read-only by SQLite in the usual way creates `-wal` and `-shm`
    /// files where it can, and fails where it cannot. So the store is copied into memory, once,
    /// and every read goes to the copy. When no `-wal` file is there (no process has the store
    /// open, and all it holds is in the main file), the file is read as immutable, which takes no
    /// lock and writes nothing; if a writer came and went meanwhile (a `-wal` file, or a changed
    /// file), the copy is made again in SQLite's usual read-only way, which sees a consistent
    /// state through the writer's `-wal` and `-shm` files, already there.
    ///
    /// - Complexity: O(size of the store), in memory as well (a season of checks is a few MB).
    public init(readingOnly path: String) throws(HistoryError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .noStore(path: path)
        }
        try HistoryStore.checkHeader(path)
        do {
            let copy = try DatabaseQueue()
            let before = FileIdentity(path)
            if !FileManager.default.fileExists(atPath: path + "-wal") {
                try HistoryStore.copy(from: HistoryStore.immutableURI(path), into: copy)
            }
            if before == nil || FileIdentity(path) != before || FileManager.default.fileExists(atPath: path + "-wal") {
                try HistoryStore.copy(from: path, into: copy)
            }
            try copy.read { db in try HistoryStore.checkSchema(db, path: path) }
            // An empty file, or a store of an earlier schema, reads as the current schema would.
            try HistoryStore.migrator.migrate(copy)
            // The copy answers reads only: a write to it would be lost, so it fails instead. (GRDB
            // turns `PRAGMA query_only` off after each read; triggers on the connection stay.)
            try copy.writeWithoutTransaction { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                for table in tables {
                    for change in ["INSERT", "UPDATE", "DELETE"] {
                        try db.execute(sql: """
                            CREATE TEMP TRIGGER "read_only_\(table)_\(change)" BEFORE \(change) ON main."\(table)"
                            BEGIN SELECT RAISE(ABORT, '\(HistoryStore.readOnlyMessage)'); END
                            """)
                    }
                }
            }
            pool = copy
        } catch {
            throw HistoryError(path, error)
        }
    }

    /// What a write to the copy fails with, which `HistoryError` tells apart (`.openedForReading`).
    static let readOnlyMessage = "the history store was opened for reading only"

    /// Copies the database at `location` (a path or an SQLite URI), opened read-only, into `copy`.
    private static func copy(from location: String, into copy: DatabaseQueue) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let source = try DatabaseQueue(path: location, configuration: configuration)
        try source.backup(to: copy)
        try source.close()
    }

    /// `file:` URI opening `path` as immutable: no locks, no `-wal` or `-shm` files.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }

    /// What changes when a file is written: its inode, size and change time.
    private struct FileIdentity: Equatable {
        let device: UInt64, inode: UInt64, size: Int64, changed: Int, changedNanoseconds: Int

        init?(_ path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            changed = Int(status.st_ctim.tv_sec)
            changedNanoseconds = Int(status.st_ctim.tv_nsec)
        }
    }
}
