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
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM forecast WHERE run_id = ?", arguments: [forecast.runID]) == nil else {
                    return false
                }
                try db.execute(
                    sql: "INSERT INTO forecast (run_id, scenario_name, scenario_sha256, seed, trials, made_at, recorded_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [forecast.runID, forecast.scenarioName, forecast.scenarioSHA256,
                                // SQLite integers are signed 64-bit: a seed above 2^63 is kept by its bits.
                                Int64(bitPattern: forecast.seed), forecast.trials, forecast.madeAt, recordedAt, forecast.kind?.rawValue])
                if let counts = forecast.counts {
                    try db.execute(sql: "INSERT INTO forecast_counts (run_id, counts_json) VALUES (?, ?)", arguments: [forecast.runID, counts.json])
                }
                let insertCheck = try db.cachedStatement(sql: """
                    INSERT INTO forecast_check (run_id, date, window, mean_open, p10_open, p50_open, p90_open) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertLevel = try db.cachedStatement(sql: "INSERT INTO forecast_level (forecast_check_id, level, probability) VALUES (?, ?, ?)")
                for check in forecast.checks {
                    try insertCheck.execute(arguments: [
                        forecast.runID, check.date.description, check.window, check.meanOpen, check.p10Open, check.p50Open, check.p90Open,
                    ])
                    let id = db.lastInsertedRowID
                    for (index, probability) in check.levels.enumerated() {
                        try insertLevel.execute(arguments: [id, index + 1, probability])
                    }
                }
                return true
            }
        } catch {
            throw HistoryError(path, error)
        }
    }

    /// Every stored forecast, oldest first, with its checks from `from` to `to` (both included;
    /// nil is open) in time order; a forecast with no check in the range is left out.
    public func forecasts(from: CivilDate? = nil, to: CivilDate? = nil) throws(HistoryError) -> [Forecast] {
        do {
            return try pool.read { db in
                let runs = try Row.fetchAll(db, sql: "SELECT * FROM forecast ORDER BY made_at, run_id")
                let checks = try db.cachedStatement(sql: """
                    SELECT * FROM forecast_check WHERE run_id = ? AND date >= ? AND date <= ? ORDER BY date, id
                    """)
                let levels = try db.cachedStatement(sql: "SELECT probability FROM forecast_level WHERE forecast_check_id = ? ORDER BY level")
                let counts = try db.cachedStatement(sql: "SELECT counts_json FROM forecast_counts WHERE run_id = ?")
                return try runs.compactMap { run -> Forecast? in
                    let runID: String = run["run_id"]
                    let rows = try Row.fetchAll(checks, arguments: [runID, from?.description ?? "", to?.description ?? "9999-12-31"])
                    guard !rows.isEmpty else { return nil }
                    let seed: Int64 = run["seed"]
                    let kind: String? = run["kind"]
                    return Forecast(
                        runID: runID, scenarioName: run["scenario_name"], scenarioSHA256: run["scenario_sha256"],
                        seed: UInt64(bitPattern: seed), trials: run["trials"], madeAt: run["made_at"], kind: kind.flatMap(Forecast.Kind.init),
                        checks: try rows.map { row in
                            let id: Int64 = row["id"]
                            return RunForecast.Check(
                                date: try storedDate(row["date"]), window: row["window"],
                                levels: try Double.fetchAll(levels, arguments: [id]),
                                meanOpen: row["mean_open"], p10Open: row["p10_open"], p50Open: row["p50_open"], p90Open: row["p90_open"])
                        },
                        counts: try String.fetchOne(counts, arguments: [runID]).map { text in
                            try CountForecast.decode(text, source: "forecast_counts of run \(runID.prefix(12))")
                        })
                }
            }
        } catch {
            throw HistoryError(path, error)
        }
    }
}
