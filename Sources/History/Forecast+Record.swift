import Calendars
import GRDB
import RunArtifacts

/// A row of `forecast`: which run made the forecast, and when.
struct ForecastRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "forecast"
    /// The run's checks; filtered to a range of dates when read.
    static let checks = hasMany(ForecastCheckRecord.self, key: "checks")
    static let counts = hasOne(ForecastCountsRecord.self, key: "counts")

    var runID: String
    var scenarioName: String
    var scenarioSHA256: String
    /// SQLite integers are signed 64-bit: a seed above 2^63 is kept by its bits.
    var seed: Int64
    var trials: Int
    var madeAt: String
    var recordedAt: String
    /// Nil for a run recorded before v2.
    var kind: String?

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", scenarioName = "scenario_name", scenarioSHA256 = "scenario_sha256", seed, trials
        case madeAt = "made_at", recordedAt = "recorded_at", kind
    }

    enum Columns {
        static let runID = Column(CodingKeys.runID)
        static let madeAt = Column(CodingKeys.madeAt)
    }

    init(_ forecast: Forecast, recordedAt: String) {
        (runID, scenarioName, scenarioSHA256) = (forecast.runID, forecast.scenarioName, forecast.scenarioSHA256)
        (seed, trials, madeAt, self.recordedAt, kind) = (Int64(bitPattern: forecast.seed), forecast.trials, forecast.madeAt, recordedAt, forecast.kind?.rawValue)
    }
}

/// A row of `forecast_check`: one check of a forecast, without its level probabilities.
struct ForecastCheckRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "forecast_check"
    static let levels = hasMany(ForecastLevelRecord.self, key: "levels").order(ForecastLevelRecord.Columns.level)

    var id: Int64?
    var runID: String
    var date: String
    var window: String
    /// Nil for a check recorded before v4.
    var checkMinute: Int?
    var meanOpen: Double
    var p10Open: Double
    var p50Open: Double
    var p90Open: Double

    enum CodingKeys: String, CodingKey {
        case id, runID = "run_id", date, window, checkMinute = "check_minute", meanOpen = "mean_open", p10Open = "p10_open", p50Open = "p50_open", p90Open = "p90_open"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let date = Column(CodingKeys.date)
    }

    init(_ check: RunForecast.Check, runID: String) {
        (self.runID, date, window, checkMinute) = (runID, check.date.description, check.window, check.checkMinute)
        (meanOpen, p10Open, p50Open, p90Open) = (check.meanOpen, check.p10Open, check.p50Open, check.p90Open)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `forecast_level`: P(level) at one check of a forecast.
struct ForecastLevelRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "forecast_level"

    var forecastCheckID: Int64
    /// 1-based.
    var level: Int
    var probability: Double

    enum CodingKeys: String, CodingKey {
        case forecastCheckID = "forecast_check_id", level, probability
    }

    enum Columns {
        static let level = Column(CodingKeys.level)
    }
}

/// A row of `forecast_counts`: the run's `counts.json`, as written.
struct ForecastCountsRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "forecast_counts"

    var runID: String
    var countsJSON: String

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", countsJSON = "counts_json"
    }
}

/// A forecast read back with its checks, their levels and its counts: one query per table
/// (`including(all:)`), however many runs and checks.
struct ForecastInfo: Decodable, FetchableRecord {
    var forecast: ForecastRecord
    var checks: [CheckInfo]
    var counts: ForecastCountsRecord?

    struct CheckInfo: Decodable, FetchableRecord {
        var check: ForecastCheckRecord
        var levels: [ForecastLevelRecord]
    }

    /// The forecast as plan uses it; a value plan never writes is an error.
    func decoded() throws -> Forecast {
        let runID = forecast.runID
        let kind = try forecast.kind.map { text in
            guard let kind = Forecast.Kind(rawValue: text) else { throw StoredValueError("run \(runID.prefix(12)) is of kind \"\(text)\"") }
            return kind
        }
        return Forecast(
            runID: runID, scenarioName: forecast.scenarioName, scenarioSHA256: forecast.scenarioSHA256,
            seed: UInt64(bitPattern: forecast.seed), trials: forecast.trials, madeAt: forecast.madeAt, kind: kind,
            checks: try checks.map { info in
                RunForecast.Check(
                    date: try storedDate(info.check.date), window: info.check.window, checkMinute: info.check.checkMinute, levels: info.levels.map(\.probability),
                    meanOpen: info.check.meanOpen, p10Open: info.check.p10Open, p50Open: info.check.p50Open, p90Open: info.check.p90Open)
            },
            counts: try counts.map { try CountForecast.decode($0.countsJSON, source: "forecast_counts of run \(runID.prefix(12))") })
    }
}
