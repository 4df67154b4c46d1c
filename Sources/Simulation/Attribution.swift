import Calendars
import Scenarios

/// "Why this day": where a check's risk comes from. For each check, at its planning level k:
/// the level the schedule alone implies (the floor: the policy's level for the planned headcount
/// and no open case), P(level ≥ k) with the planned headcount (no sickness) and the backlog that
/// team builds, and the full P(level ≥ k). Read in order, the schedule accounts for the floor, the
/// backlog for the rise to the no-sickness figure, and sickness for the rest.
///
/// The no-sickness figure comes from one more run of the scenario with sickness turned off, on the
/// same seed (so its inflow and work draws are the main run's, common random numbers), of at most
/// `maximumTrials` trials: it adds at most a fifth of a default 100,000-trial run.
public struct Attribution: Sendable {
    public struct Check: Sendable, Equatable {
        public let date: CivilDate
        public let window: String
        /// The check's planning level k.
        public let level: Int
        public let floorLevel: Int
        /// P(level ≥ k) with the planned headcount (no sickness), and in full.
        public let withoutSickness: Double
        public let full: Double

        public init(date: CivilDate, window: String, level: Int, floorLevel: Int, withoutSickness: Double, full: Double) {
            self.date = date
            self.window = window
            self.level = level
            self.floorLevel = floorLevel
            self.withoutSickness = withoutSickness
            self.full = full
        }
    }

    /// Trials of the no-sickness run.
    public let trials: Int
    public let checks: [Check]

    /// The no-sickness run's trial count never exceeds this: its figure is read beside the full one
    /// to a point or so, which 20,000 trials give (95% half-width at most 0.7 points).
    public static let maximumTrials = 20_000

    /// - Complexity: one run of min(`estimates.trials`, `maximumTrials`) trials, plus O(checks + days × team).
    public init(estimates: Estimates, seed: UInt64, threads: Int) throws {
        let scenario = estimates.model.scenario
        var withoutSickness = scenario
        withoutSickness.sickness = .none
        let model = try SimulationModel(withoutSickness)
        let trials = min(estimates.trials, Self.maximumTrials)
        let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(trials), seed: seed, threads: threads)).run()
        let calm = Estimates(model: model, tally: tally)
        let floors = Dictionary(
            CalendarView(scenario: scenario, dates: scenario.horizon).days.compactMap { day in day.floorLevel.map { (day.date, $0) } },
            uniquingKeysWith: { first, _ in first })
        self.trials = trials
        self.checks = zip(estimates.checks, calm.checks).map { full, calm in
            let k = full.planningLevel
            return Check(
                date: full.date, window: full.window, level: k, floorLevel: floors[full.date] ?? 1,
                withoutSickness: calm.atLeast[k - 1].estimate, full: full.atLeast[k - 1].estimate)
        }
    }
}
