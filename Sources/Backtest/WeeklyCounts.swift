import Calendars

/// What one forecast's trials said about counts: per level k = 2 … L and ISO week (Monday to
/// Sunday) of its checks, the distribution over trials of how many of the week's checks were at
/// ≥ k, and the covariance of those counts between weeks (`counts.json`, `PeriodCounts`).
public struct WeeklyCounts: Sendable, Equatable {
    public let runID: String
    public let trials: Int
    /// The weeks' Mondays, in order.
    public let weeks: [CivilDate]
    /// Per week, the forecast's checks in it.
    public let weekChecks: [Int]
    /// `[k − 2][week][n]`: trials with n of the week's checks at ≥ k.
    public let distributions: [[[Int]]]
    /// `[k − 2][week][later − week − 1]`: the covariance of the week's count with a later week's.
    public let covariances: [[[Double]]]

    public init(runID: String, trials: Int, weeks: [CivilDate], weekChecks: [Int], distributions: [[[Int]]], covariances: [[[Double]]]) {
        self.runID = runID
        self.trials = trials
        self.weeks = weeks
        self.weekChecks = weekChecks
        self.distributions = distributions
        self.covariances = covariances
    }

    /// The week of level k's counts, as the verdict reads it.
    func distribution(level k: Int, week: Int) -> [Int] { distributions[k - 2][week] }

    /// The covariance of level k's counts of two weeks; the variance when they are the same.
    func covariance(level k: Int, _ a: Int, _ b: Int) -> Double {
        if a == b { return PredictiveCount.moments(distributions[k - 2][a]).variance }
        let (p, q) = (min(a, b), max(a, b))
        return covariances[k - 2][p][q - p - 1]
    }
}

/// One ISO week of declared checks judged against one forecast: the forecast's checks of that
/// week, every one of them declared, and the forecast made before the first.
public struct JudgedWeek: Sendable, Equatable {
    public let counts: WeeklyCounts
    /// The week's index in `counts.weeks`.
    public let week: Int
    public let madeAt: Moment
    /// Its declared checks, the forecast's checks of the week.
    public let declared: [DeclaredLevel]

    /// The week of each forecast that can be judged whole, and per ISO week the latest made of
    /// them (ties broken by run id), in week order: what the team had in hand for the whole week.
    /// A week is judged against a forecast when the forecast has counts, every check it forecast
    /// in the week was declared, it was made strictly before the first of them, and its lead to
    /// that check lies in `lead`. The weeks of `each` pairing are judged the same way: a check
    /// counted against two forecasts at once would be counted twice.
    ///
    /// - Complexity: O(forecasts + declared + weeks × forecasts of a week).
    static func select(declared: [DeclaredLevel], forecasts: [LevelForecast], counts: [String: WeeklyCounts],
                       lead: ClosedRange<Int>) -> [JudgedWeek] {
        struct Key: Hashable {
            let date: CivilDate
            let window: String
        }
        var byCheck: [Key: DeclaredLevel] = [:]
        for check in declared { byCheck[Key(date: check.date, window: check.window)] = check }
        struct RunWeek: Hashable {
            let runID: String
            let start: CivilDate
        }
        var checksOf: [RunWeek: [LevelForecast]] = [:]
        for forecast in forecasts where counts[forecast.runID] != nil {
            checksOf[RunWeek(runID: forecast.runID, start: PeriodStart.week(forecast.date)), default: []].append(forecast)
        }
        var best: [CivilDate: JudgedWeek] = [:]
        for (key, forecastChecks) in checksOf {
            let counts = counts[key.runID]!
            guard let week = counts.weeks.firstIndex(of: key.start), counts.weekChecks[week] == forecastChecks.count else { continue }
            let checks = forecastChecks.compactMap { byCheck[Key(date: $0.date, window: $0.window)] }.sorted { $0.moment < $1.moment }
            let madeAt = forecastChecks[0].madeAt
            guard checks.count == forecastChecks.count, let first = checks.first, madeAt < first.moment,
                  lead.contains(madeAt.date.days(to: first.date)) else { continue }
            let candidate = JudgedWeek(counts: counts, week: week, madeAt: madeAt, declared: checks)
            if let current = best[key.start], (current.madeAt, current.counts.runID) > (madeAt, key.runID) { continue }
            best[key.start] = candidate
        }
        return best.keys.sorted().map { best[$0]! }
    }
}

/// Where a check's ISO week begins.
enum PeriodStart {
    /// The Monday of `date`'s ISO week.
    static func week(_ date: CivilDate) -> CivilDate { date.adding(days: 1 - date.weekday.rawValue) }
}
