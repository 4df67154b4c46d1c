import Calendars
import CapacityPolicy
import Foundation
import Scenarios
import Simulation

/// `run.json`: how a run was computed, with enough of the scenario and the policy that a report
/// can be rebuilt from the run's files alone (issue 5) and a reader can tell exactly which input,
/// tool and settings produced the numbers.
///
/// Everything but `execution` follows from the scenario file, the tool version and the sampling
/// settings, so two runs of the same inputs agree byte for byte there; `execution` holds what
/// changes with the machine and the moment (threads, start time, elapsed time, speed), which the
/// estimates do not depend on.
public struct RunRecord: Sendable, Encodable {
    public let tool: Tool
    public let scenario: ScenarioFacts
    public let policy: PolicyFacts
    public let assumptions: Assumptions
    public let sampling: Sampling
    public let execution: Execution

    /// What produced the numbers.
    public struct Tool: Sendable, Encodable {
        public let name: String
        public let version: String
    }

    /// The scenario file and what a report shows of it: horizon, calendar, windows, team.
    public struct ScenarioFacts: Sendable, Encodable {
        public let name: String
        public let description: String
        public let path: String
        /// SHA-256 of the scenario file's bytes (the files it refers to are not included).
        public let sha256: String
        public let horizon: Horizon
        public let warmupDays: Int
        /// Weekdays with checks, Monday first ("Mon" … "Sun").
        public let checkDays: [String]
        public let closures: [Closure]
        /// Windows in order of check time, as the CSV files name them.
        public let windows: [Window]
        public let groups: [Group]
        public let checks: Int

        enum CodingKeys: String, CodingKey {
            case name, description, path, sha256, horizon, closures, windows, groups, checks
            case warmupDays = "warmup_days", checkDays = "check_days"
        }
    }

    public struct Horizon: Sendable, Encodable {
        public let start: String
        public let end: String
        public let days: Int
    }

    /// A company closure: no checks and nobody scheduled.
    public struct Closure: Sendable, Encodable {
        public let start: String
        public let end: String
        public let name: String
    }

    public struct Window: Sendable, Encodable {
        public let name: String
        /// "10:00" UTC.
        public let check: String
    }

    public struct Group: Sendable, Encodable {
        public let name: String
        /// "14:00-01:00" UTC; an end before the start is on the next day.
        public let shift: String
        public let members: [String]
    }

    /// The policy that declared the levels, and the two numbers that turn probabilities into advice.
    public struct PolicyFacts: Sendable, Encodable {
        public let name: String
        /// "built-in" or the policy file's path.
        public let source: String
        public let reading: String
        public let levels: [LevelFacts]
        /// The planning level is the lowest k with P(level > k) ≤ this.
        public let planningRisk: Double
        /// A channel is recommended where P(its alert is needed) ≥ this.
        public let recommendationThreshold: Double

        enum CodingKeys: String, CodingKey {
            case name, source, reading, levels
            case planningRisk = "planning_risk", recommendationThreshold = "recommendation_threshold"
        }
    }

    public struct LevelFacts: Sendable, Encodable {
        public let level: Int
        public let name: String
        /// Channels first alerted at this level.
        public let alerts: [String]
    }

    /// The model's assumptions that matter to a reader, as numbers and as sentences.
    public struct Assumptions: Sendable, Encodable {
        /// "closed" when declaring a level changes the work (contingency effects), else "open".
        public let loop: String
        public let effects: [Effect]
        public let sickness: Sickness
        public let inflow: Inflow
        public let resolvePerShift: Double
        public let initialOpenCases: Double
        /// "fixed" or "poisson" (the number above is then the mean).
        public let initialOpenDistribution: String
        /// The same, in plain words, one sentence per topic.
        public let summary: [String]

        enum CodingKeys: String, CodingKey {
            case loop, effects, sickness, inflow, summary
            case resolvePerShift = "resolve_per_shift", initialOpenCases = "initial_open_cases"
            case initialOpenDistribution = "initial_open_distribution"
        }
    }

    /// What declaring a level changes until the next check (cumulative with lower levels).
    public struct Effect: Sendable, Encodable {
        public let level: Int
        public let capacityMultiplier: Double
        public let extraResolutionsPerDay: Double
        public let divertedShare: Double

        enum CodingKeys: String, CodingKey {
            case level
            case capacityMultiplier = "capacity_multiplier", extraResolutionsPerDay = "extra_resolutions_per_day"
            case divertedShare = "diverted_share"
        }
    }

    public struct Sickness: Sendable, Encodable {
        public let dailyStartProbability: Double
        public let meanSpellDays: Double
        public let severityCV: Double

        enum CodingKeys: String, CodingKey {
            case dailyStartProbability = "daily_start_probability", meanSpellDays = "mean_spell_days", severityCV = "severity_cv"
        }
    }

    public struct Inflow: Sendable, Encodable {
        public let basePerDay: Double
        /// Weekday abbreviation → factor, for every weekday.
        public let weekdayFactors: [String: Double]
        public let holidayFactor: Double
        public let holidayCalendars: [String]
        public let demandCV: Double
        /// "poisson" or "negative_binomial".
        public let distribution: String
        public let dispersion: Double?
        public let spikeProbability: Double
        public let spikeMean: Double
        /// Window name → share of a day's cases arriving in the segment that ends at its check.
        public let arrivalShares: [String: Double]

        enum CodingKeys: String, CodingKey {
            case distribution, dispersion
            case basePerDay = "base_per_day", weekdayFactors = "weekday_factors", holidayFactor = "holiday_factor"
            case holidayCalendars = "holiday_calendars", demandCV = "demand_cv", spikeProbability = "spike_probability"
            case spikeMean = "spike_mean", arrivalShares = "arrival_shares"
        }
    }

    /// How the run was sized and seeded; the estimates are a function of these and the scenario.
    public struct Sampling: Sendable, Encodable {
        public let seed: UInt64
        public let trials: Int
        public let blockSize: Int
        /// The GSL generator behind every stream (MODEL.md §7).
        public let generator: String
        /// The requested widest 95% half-width, for a run sized by precision; absent otherwise.
        public let precisionTarget: Double?
        /// The trial cap of a run sized by precision; absent otherwise.
        public let maximumTrials: Int?
        /// The widest 95% half-width among the reported P(level ≥ k).
        public let precision: Double

        enum CodingKeys: String, CodingKey {
            case seed, trials, generator, precision
            case blockSize = "block_size", precisionTarget = "precision_target", maximumTrials = "maximum_trials"
        }
    }

    /// What changes from run to run of the same inputs; nothing else in the output depends on it.
    public struct Execution: Sendable, Encodable {
        public let threads: Int
        /// ISO 8601 UTC, to the second.
        public let started: String
        public let elapsedSeconds: Double
        public let trialsPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case threads, started
            case elapsedSeconds = "elapsed_seconds", trialsPerSecond = "trials_per_second"
        }
    }

    /// The record of a finished run. `scenarioBytes` are the scenario file's exact bytes;
    /// `elapsedSeconds` is the time spent simulating.
    public init(
        toolVersion: String, scenarioPath: String, scenarioBytes: [UInt8], estimates: Estimates,
        settings: RunSettings, started: Date, elapsedSeconds: Double
    ) {
        let model = estimates.model
        let s = model.scenario
        tool = Tool(name: "plan", version: toolVersion)
        scenario = ScenarioFacts(
            name: s.name, description: s.description, path: scenarioPath, sha256: SHA256.hex(of: scenarioBytes),
            horizon: Horizon(start: s.horizon.first.description, end: s.horizon.last.description, days: s.horizon.dayCount),
            warmupDays: s.warmupDays, checkDays: s.checkDays.sorted().map(\.abbreviation),
            closures: s.company.closures.map {
                Closure(start: $0.dates.first.description, end: $0.dates.last.description, name: $0.name ?? "")
            },
            windows: model.windows.map { Window(name: $0.name, check: CheckWindow.clock($0.checkMinute)) },
            groups: s.groups.map { group in
                Group(name: group.name, shift: "\(CheckWindow.clock(group.shiftStart))-\(CheckWindow.clock(group.shiftEnd))",
                      members: s.team.filter { $0.group == group.name }.map(\.name))
            },
            checks: model.checks.count)
        policy = PolicyFacts(
            name: s.policy.name, source: s.policySource, reading: s.policy.reading.rawValue,
            levels: s.policy.levels.enumerated().map { l, level in
                LevelFacts(level: l + 1, name: level.name,
                           alerts: model.alertChannels.filter { $0.level == l }.map(\.channel))
            },
            planningRisk: s.planningRisk, recommendationThreshold: s.recommendationThreshold)
        assumptions = RunRecord.assumptions(model)
        let target: Double?, cap: Int?
        switch settings.size {
        case .trials: (target, cap) = (nil, nil)
        case .precision(let halfWidth, let maximumTrials): (target, cap) = (halfWidth, maximumTrials)
        }
        sampling = Sampling(
            seed: settings.seed, trials: estimates.trials, blockSize: settings.blockSize, generator: TrialKernel.generatorName,
            precisionTarget: target, maximumTrials: cap, precision: estimates.precision)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        execution = Execution(
            threads: settings.threads, started: formatter.string(from: started),
            elapsedSeconds: (elapsedSeconds * 1000).rounded() / 1000,
            trialsPerSecond: elapsedSeconds > 0 ? (Double(estimates.trials) / elapsedSeconds).rounded() : 0)
    }

    private static func assumptions(_ model: SimulationModel) -> Assumptions {
        let s = model.scenario
        let effects = s.effects.keys.sorted().map { level in
            let e = s.effects[level]!
            return Effect(level: level, capacityMultiplier: e.capacityMultiplier,
                          extraResolutionsPerDay: e.extraResolutionsPerDay, divertedShare: e.divertedShare)
        }
        let shares = s.inflow.arrivalShares ?? model.segmentHours.map { $0 / 24 }
        let initial: (Double, String)
        switch s.initialOpenCases {
        case .fixed(let n): initial = (Double(n), "fixed")
        case .poissonMean(let mean): initial = (mean, "poisson")
        }
        return Assumptions(
            loop: effects.isEmpty ? "open" : "closed", effects: effects,
            sickness: Sickness(dailyStartProbability: s.sickness.dailyStartProbability,
                               meanSpellDays: s.sickness.meanSpellDays, severityCV: s.sickness.severityCV),
            inflow: Inflow(
                basePerDay: s.inflow.basePerDay,
                weekdayFactors: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.abbreviation, s.inflow.weekdayFactors[$0] ?? 1) }),
                holidayFactor: s.inflow.holidayFactor, holidayCalendars: s.inflow.holidayCalendars.map(\.source),
                demandCV: s.inflow.demandCV, distribution: s.inflow.dispersion == nil ? "poisson" : "negative_binomial",
                dispersion: s.inflow.dispersion, spikeProbability: s.inflow.spikeProbability, spikeMean: s.inflow.spikeMean,
                arrivalShares: Dictionary(uniqueKeysWithValues: zip(model.windows.map(\.name), shares))),
            resolvePerShift: s.resolvePerShift, initialOpenCases: initial.0, initialOpenDistribution: initial.1,
            summary: AssumptionSummary(model).sentences)
    }

    /// Pretty JSON with sorted keys, ending in a newline.
    public var json: String { encodeJSON(self) + "\n" }
}
