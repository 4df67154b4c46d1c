import Calendars

/// A declared check as the backtest scores it: what was declared, and the open cases then.
public struct DeclaredLevel: Sendable, Equatable {
    public let date: CivilDate
    public let window: String
    /// Minutes after midnight UTC.
    public let checkMinute: Int
    /// 1-based.
    public let level: Int
    /// The declared open cases, when the policy had an input for them.
    public let openCases: Int?

    public init(date: CivilDate, window: String, checkMinute: Int, level: Int, openCases: Int?) {
        self.date = date
        self.window = window
        self.checkMinute = checkMinute
        self.level = level
        self.openCases = openCases
    }

    public var moment: Moment { Moment(date: date, minute: checkMinute) }
}

/// What one run forecast for one check.
public struct LevelForecast: Sendable, Equatable {
    public let runID: String
    public let madeAt: Moment
    public let date: CivilDate
    public let window: String
    /// P(level = l), l = 1 … L (index 0 is level 1).
    public let levels: [Double]
    public let p10Open: Double
    public let p90Open: Double
    /// The schedule floor of the check (the level the planned headcount alone implies), from the
    /// run's `counts.json`; nil for a run recorded without it.
    public let floorLevel: Int?

    public init(runID: String, madeAt: Moment, date: CivilDate, window: String, levels: [Double], p10Open: Double, p90Open: Double,
                floorLevel: Int? = nil) {
        self.floorLevel = floorLevel
        self.runID = runID
        self.madeAt = madeAt
        self.date = date
        self.window = window
        self.levels = levels
        self.p10Open = p10Open
        self.p90Open = p90Open
    }
}

/// A declared check with a forecast made for it before it: the unit every score averages over.
public struct ForecastPair: Sendable, Equatable {
    public let declared: DeclaredLevel
    public let forecast: LevelForecast
    /// Whole days from the forecast's date to the check's.
    public var leadDays: Int { forecast.madeAt.date.days(to: declared.date) }
}
