import GRDB

extension HistoryStore {
    /// The full id of the one stored run whose id is `id` or begins with it (the 12 digits
    /// `history show` prints will do); nil when none does. An id that several runs begin with is
    /// `HistoryError.ambiguousRunID`.
    public func runID(matching id: String) throws(HistoryError) -> String? {
        let matches: [String]
        do {
            let runID = ForecastRecord.Columns.runID
            matches = try pool.read { db in
                try ForecastRecord.select(runID, as: String.self).filter(literal: "substr(\(runID), 1, length(\(id))) = \(id)").order(runID).fetchAll(db)
            }
        } catch {
            throw HistoryError(path, error)
        }
        guard matches.count <= 1 else { throw .ambiguousRunID(path: path, prefix: id, count: matches.count) }
        return matches.first
    }

    /// Removes the run `runID` and everything stored with it (its checks, levels and counts: the
    /// schema's foreign keys cascade), in one transaction. Returns false when no such run is stored.
    @discardableResult
    public func removeRun(_ runID: String) throws(HistoryError) -> Bool {
        do {
            return try pool.write { db in try ForecastRecord.deleteOne(db, key: runID) }
        } catch {
            throw HistoryError(path, error)
        }
    }

    /// When the stored run `runID` was made, as stored; nil when it is not stored.
    public func madeAt(ofRun runID: String) throws(HistoryError) -> String? {
        do {
            return try pool.read { db in try ForecastRecord.fetchOne(db, key: runID)?.madeAt }
        } catch {
            throw HistoryError(path, error)
        }
    }
}
