import GRDB

extension HistoryStore {
    /// The full id of the one stored run whose id is `id` or begins with it (the 12 digits
    /// `history show` prints will do); nil when none does. An id that several runs begin with is
    /// an error naming how many.
    public func runID(matching id: String) throws(HistoryError) -> String? {
        let matches: [String]
        do {
            matches = try pool.read { db in
                try String.fetchAll(db, sql: "SELECT run_id FROM forecast WHERE substr(run_id, 1, length(?)) = ? ORDER BY run_id", arguments: [id, id])
            }
        } catch {
            throw HistoryError(path, error)
        }
        guard matches.count <= 1 else {
            throw HistoryError("\(path): \(matches.count) runs have an id beginning with \(id); give more of its digits")
        }
        return matches.first
    }

    /// Removes the run `runID` and everything stored with it (its checks, levels and counts), in
    /// one transaction. Returns false when no such run is stored.
    @discardableResult
    public func removeRun(_ runID: String) throws(HistoryError) -> Bool {
        do {
            return try pool.write { db in
                try db.execute(sql: "DELETE FROM forecast WHERE run_id = ?", arguments: [runID])
                return db.changesCount > 0
            }
        } catch {
            throw HistoryError(path, error)
        }
    }
}

extension HistoryStore {
    /// When the stored run `runID` was made, as stored; nil when it is not stored.
    public func madeAt(ofRun runID: String) throws(HistoryError) -> String? {
        do {
            return try pool.read { db in try String.fetchOne(db, sql: "SELECT made_at FROM forecast WHERE run_id = ?", arguments: [runID]) }
        } catch {
            throw HistoryError(path, error)
        }
    }
}
