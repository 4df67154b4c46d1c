import Calendars
import GRDB
import RunArtifacts

extension HistoryStore {
    /// Stores `forecast` with all its checks in one transaction. Returns false, storing nothing,
    /// when a forecast of the same run is already there.
    ///
    /// - Complexity: O(checks × levels) statements.
    @discardableResult
    public func record(_ forecast: Forecast, recordedAt: String) throws(HistoryError) -> Bool {
        do {
            return try pool.write { db in
                try ForecastRecord(forecast, recordedAt: recordedAt).insert(db, onConflict: .ignore)
                guard db.changesCount > 0 else { return false }
                if let counts = forecast.counts {
                    try ForecastCountsRecord(runID: forecast.runID, countsJSON: counts.json).insert(db)
                }
                for check in forecast.checks {
                    var record = ForecastCheckRecord(check, runID: forecast.runID)
                    try record.insert(db)
                    guard let id = record.id else { throw StoredValueError("a forecast check was stored without an id") }
                    for (index, probability) in check.levels.enumerated() {
                        try ForecastLevelRecord(forecastCheckID: id, level: index + 1, probability: probability).insert(db)
                    }
                }
                return true
            }
        } catch {
            throw HistoryError(path, error)
        }
    }

    /// Every stored forecast, oldest first, with its checks from `from` to `to` (both included;
    /// nil is open) in time order; a forecast with no check in the range is left out. Three
    /// queries in all, however many runs and checks: the runs joined with their counts, their
    /// checks, and the checks' levels.
    public func forecasts(from: CivilDate? = nil, to: CivilDate? = nil) throws(HistoryError) -> [Forecast] {
        let date = ForecastCheckRecord.Columns.date
        var checks = ForecastRecord.checks.order(date, ForecastCheckRecord.Columns.id)
        if let from { checks = checks.filter(date >= from.description) }
        if let to { checks = checks.filter(date <= to.description) }
        let request = ForecastRecord
            .order(ForecastRecord.Columns.madeAt, ForecastRecord.Columns.runID)
            .including(all: checks.including(all: ForecastCheckRecord.levels))
            .including(optional: ForecastRecord.counts)
        do {
            return try pool.read { db in
                try request.asRequest(of: ForecastInfo.self).fetchAll(db).filter { !$0.checks.isEmpty }.map { try $0.decoded() }
            }
        } catch {
            throw HistoryError(path, error)
        }
    }
}
