import GRDB

/// Why a history store could not be opened, read or written: one case per thing a caller can act
/// on (make a store, use a newer plan, wait and retry, restore a backup), each printing one line
/// that names the file. Nothing was written. The messages name no command or flag: the tool adds
/// how to make a store, or which option named the file.
public enum HistoryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No file at the path: nothing has been recorded there yet.
    case noStore(path: String)
    /// A file that is not a plan history store: not SQLite, or SQLite holding other tables.
    case notAStore(path: String, reason: String)
    /// Migrated by a newer plan: it holds migrations this plan does not know, so reading it could
    /// misread what they changed, and writing it could break what they rely on.
    case newerStore(path: String, unknownMigrations: [String])
    /// Another process held the store for longer than the wait (`HistoryStore.busyTimeout`).
    case busy(path: String)
    /// SQLite reports the file damaged, or a stored value is not one plan writes.
    case corrupt(path: String, detail: String)
    /// A write to a store opened for reading only (`HistoryStore.init(readingOnly:)`).
    case openedForReading(path: String)
    /// Several stored runs have an id beginning with `prefix`.
    case ambiguousRunID(path: String, prefix: String, count: Int)
    /// Any other failure SQLite reports (a full disk, a file that cannot be written), in its words.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .noStore(let path):
            return "\(path): no history store there"
        case .notAStore(let path, let reason):
            return "\(path): \(reason)"
        case .newerStore(let path, let unknown):
            return "\(path): the history store was changed by a newer plan (migration\(unknown.count == 1 ? "" : "s") \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")), unknown to this one); use a newer plan"
        case .busy(let path):
            return "\(path): another process kept the history store locked for over \(Int(HistoryStore.busyTimeout)) s; try again when it has finished"
        case .corrupt(let path, let detail):
            return "\(path): the history store is damaged (\(detail)); restore it from a backup or an export"
        case .openedForReading(let path):
            return "\(path): the history store was opened for reading only"
        case .ambiguousRunID(let path, let prefix, let count):
            return "\(path): \(count) runs have an id beginning with \(prefix); give more of its digits"
        case .database(let path, let message):
            return "\(path): \(message)"
        }
    }

    /// The case for an error SQLite or GRDB raised on the store at `path`, SQLite's message on one line.
    init(_ path: String, _ error: any Error) {
        if let error = error as? HistoryError { self = error; return }
        if let error = error as? StoredValueError { self = .corrupt(path: path, detail: error.description); return }
        guard let error = error as? DatabaseError else {
            // Not SQLite's: a stored value that does not decode (GRDB's or plan's own reading).
            self = .corrupt(path: path, detail: "\(error)".oneLine)
            return
        }
        let message = (error.message ?? "\(error)").oneLine
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(path: path, detail: message)
        case _ where message == HistoryStore.readOnlyMessage: self = .openedForReading(path: path)
        default: self = .database(path: path, message: message)
        }
    }
}

extension String {
    var oneLine: String { split(whereSeparator: \.isNewline).joined(separator: " ") }
}
