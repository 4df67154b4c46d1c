import Calendars
import Foundation
import OutputFormats
import Scenarios
import Simulation

/// `counts.json`: what a run's trials say about counts of checks, which the backtest's verdict
/// needs and `checks.csv` cannot hold: per level k = 2 … L and ISO week (Monday to Sunday) the
/// distribution over trials of the number of the week's checks at ≥ k, and the covariance of
/// those counts between weeks; and per check the schedule floor, the level the planned headcount
/// alone implies (the backtest's calendar-aware baseline).
public struct CountForecast: Sendable, Codable, Equatable {
    public let trials: Int
    public let checks: [Check]
    public let weeks: [Week]
    public let levels: [Level]

    public struct Check: Sendable, Codable, Equatable {
        public let date: CivilDate
        public let window: String
        /// The policy's level for the scheduled headcount and no open cases (as `why.csv` and `plan calendar`).
        public let floorLevel: Int

        public init(date: CivilDate, window: String, floorLevel: Int) {
            (self.date, self.window, self.floorLevel) = (date, window, floorLevel)
        }

        enum CodingKeys: String, CodingKey {
            case date, window
            case floorLevel = "floor_level"
        }
    }

    public struct Week: Sendable, Codable, Equatable {
        /// The week's Monday.
        public let start: CivilDate
        /// The run's checks in the week.
        public let checks: Int

        public init(start: CivilDate, checks: Int) { (self.start, self.checks) = (start, checks) }
    }

    public struct Level: Sendable, Codable, Equatable {
        public let level: Int
        /// Per week, trials with n of its checks at ≥ level, n = 0 … the week's checks.
        public let distributions: [[Int]]
        /// Per week w, the covariance over trials of its count with that of each later week, in order.
        public let covariances: [[Double]]

        public init(level: Int, distributions: [[Int]], covariances: [[Double]]) {
            self.level = level
            self.distributions = distributions
            self.covariances = covariances
        }
    }

    public init(trials: Int, checks: [Check], weeks: [Week], levels: [Level]) {
        (self.trials, self.checks, self.weeks, self.levels) = (trials, checks, weeks, levels)
    }

    /// The counts of a finished run.
    ///
    /// - Complexity: O(levels × (checks + weeks²)) plus the calendar of the horizon.
    public init(_ estimates: Estimates) {
        let model = estimates.model, counts = estimates.periodCounts, n = estimates.trials
        let floors = Dictionary(
            CalendarView(scenario: model.scenario, dates: model.scenario.horizon).days.compactMap { day in day.floorLevel.map { (day.date, $0) } },
            uniquingKeysWith: { first, _ in first })
        trials = n
        checks = estimates.checks.map { Check(date: $0.date, window: $0.window, floorLevel: floors[$0.date] ?? 1) }
        weeks = zip(counts.periodStarts, counts.periodChecks).map { Week(start: $0, checks: $1) }
        let weekCount = weeks.count
        levels = model.levelCount < 2 ? [] : (2...model.levelCount).map { k in
            let distributions = (0..<weekCount).map { Array(counts.distribution(level: k, period: $0)) }
            let means = distributions.map { d in n == 0 ? 0 : Double(d.enumerated().reduce(0) { $0 + $1.offset * $1.element }) / Double(n) }
            let covariances = (0..<weekCount).map { p in
                ((p + 1)..<weekCount).map { q in n == 0 ? 0 : Double(counts.product(level: k, p, q)) / Double(n) - means[p] * means[q] }
            }
            return Level(level: k, distributions: distributions, covariances: covariances)
        }
    }

    public static let fileName = "counts.json"

    /// The document, keys sorted, as the run folder holds it.
    public var json: String { get throws { try encodeJSON(self) + "\n" } }

    /// Reads `counts.json` back; a problem is one line naming the file and the JSON path.
    public static func decode(_ text: String, source: String) throws(RunFileError) -> CountForecast {
        let counts: CountForecast
        do {
            counts = try JSONDecoder().decode(CountForecast.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw RunFileError(decoding: error, of: text, source: source)
        } catch {
            throw RunFileError.malformed("\(source): \(error)")
        }
        try counts.checkShape(source: source)
        return counts
    }

    /// What the backtest relies on beyond the types: one distribution per week summing to the
    /// trials, one covariance per later week.
    private func checkShape(source: String) throws(RunFileError) {
        for (i, level) in levels.enumerated() {
            guard level.distributions.count == weeks.count, level.covariances.count == weeks.count else {
                throw RunFileError.malformed("\(source): $.levels[\(i)]: expected a distribution and covariances for each of the \(weeks.count) weeks")
            }
            for (w, week) in weeks.enumerated() {
                let d = level.distributions[w]
                guard d.count == week.checks + 1, d.allSatisfy({ $0 >= 0 }), d.reduce(0, +) == trials else {
                    throw RunFileError.malformed("\(source): $.levels[\(i)].distributions[\(w)]: expected \(week.checks + 1) trial counts of at least 0 summing to \(trials)")
                }
                guard level.covariances[w].count == weeks.count - w - 1, level.covariances[w].allSatisfy(\.isFinite) else {
                    throw RunFileError.malformed("\(source): $.levels[\(i)].covariances[\(w)]: expected \(weeks.count - w - 1) finite numbers, one per later week")
                }
            }
        }
    }
}
