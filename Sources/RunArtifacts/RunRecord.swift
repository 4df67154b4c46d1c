import Calendars
import OutputFormats

/// `run.json`: how a run was computed, with enough of the scenario and the policy that a report
/// can be rebuilt from the run's files alone and a reader can tell exactly which input, tool and
/// settings produced the numbers. It is the one description of a run: `plan simulate` encodes it,
/// and `plan report` decodes it back into this same type.
///
/// Everything but `execution` follows from the scenario file, the tool version and the sampling
/// settings, so two runs of the same inputs agree byte for byte there; `execution` holds what
/// changes with the machine and the moment (threads, start time, elapsed time, speed), which the
/// estimates do not depend on.
public struct RunRecord: Sendable, Codable {
    public let tool: Tool
    public let scenario: ScenarioFacts
    public let policy: PolicyFacts
    public let assumptions: Assumptions
    public let sampling: Sampling
    public let execution: Execution
    /// What moved since the run given as `--previous`; absent without one.
    public var sinceLastRun: SinceLastRun?
    /// For `plan outlook`: the state it started from (the scenario facts are the derived
    /// scenario's); absent for `plan simulate`.
    public var outlook: OutlookStart?
    /// The cheapest cover from a pool (`plan simulate --pool --max-risk`); absent without a pool.
    public var cover: CoverArrangement?

    enum CodingKeys: String, CodingKey {
        case tool, scenario, policy, assumptions, sampling, execution, outlook, cover
        case sinceLastRun = "since_last_run"
    }

    /// What produced the numbers.
    public struct Tool: Sendable, Codable {
        public let name: String
        public let version: String
    }

    /// The scenario file and what a report shows of it: horizon, calendar, windows, team.
    public struct ScenarioFacts: Sendable, Codable {
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
        /// The public holidays some SE of the team takes within the horizon, by date then name.
        public let holidays: [PublicHoliday]
        /// Windows in order of check time, as the CSV files name them.
        public let windows: [Window]
        public let groups: [Group]
        public let checks: Int

        enum CodingKeys: String, CodingKey {
            case name, description, path, sha256, horizon, closures, holidays, windows, groups, checks
            case warmupDays = "warmup_days", checkDays = "check_days"
        }
    }

    /// A public holiday in the horizon and the calendars (countries, or listed calendars) that have it.
    public struct PublicHoliday: Sendable, Codable, Equatable {
        public let date: CivilDate
        public let name: String
        public let calendars: [String]
    }

    public struct Horizon: Sendable, Codable {
        public let start: CivilDate
        public let end: CivilDate
        public let days: Int
    }

    /// A company closure: no checks and nobody scheduled.
    public struct Closure: Sendable, Codable {
        public let start: CivilDate
        public let end: CivilDate
        /// Empty when the scenario gives none.
        public let name: String
    }

    public struct Window: Sendable, Codable {
        public let name: String
        /// "10:00" UTC.
        public let check: String
    }

    public struct Group: Sendable, Codable {
        public let name: String
        /// "14:00-01:00" UTC; an end before the start is on the next day.
        public let shift: String
        public let members: [String]
    }

    /// The policy that declared the levels, and the two numbers that turn probabilities into advice.
    public struct PolicyFacts: Sendable, Codable {
        public let name: String
        /// "built-in" or the policy file's path.
        public let source: String
        public let reading: String
        /// Level k at index k − 1.
        public let levels: [LevelFacts]
        /// The planning level is the lowest k with P(level > k) ≤ this.
        public let planningRisk: Double
        /// A channel is recommended where P(its alert is needed) ≥ this.
        public let recommendationThreshold: Double
        /// Working days between briefing a recommended channel and the first day it is needed.
        public let leadDays: Int

        enum CodingKeys: String, CodingKey {
            case name, source, reading, levels
            case planningRisk = "planning_risk", recommendationThreshold = "recommendation_threshold", leadDays = "lead_days"
        }
    }

    public struct LevelFacts: Sendable, Codable {
        public let level: Int
        public let name: String
        /// Channels first alerted at this level.
        public let alerts: [String]
    }

    /// The model's assumptions that matter to a reader, as numbers and as sentences.
    public struct Assumptions: Sendable, Codable {
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
    public struct Effect: Sendable, Codable {
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

    public struct Sickness: Sendable, Codable {
        public let dailyStartProbability: Double
        public let meanSpellDays: Double
        public let severityCV: Double

        enum CodingKeys: String, CodingKey {
            case dailyStartProbability = "daily_start_probability", meanSpellDays = "mean_spell_days", severityCV = "severity_cv"
        }
    }

    public struct Inflow: Sendable, Codable {
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
    public struct Sampling: Sendable, Codable {
        public let seed: UInt64
        public let trials: Int
        public let blockSize: Int
        /// The GSL generator behind every stream (docs/MODEL.md §7).
        public let generator: String
        /// The requested widest 95% half-width, for a run sized by precision; absent otherwise.
        public let precisionTarget: Double?
        /// The trial cap of a run sized by precision; absent otherwise.
        public let maximumTrials: Int?
        /// The widest 95% half-width among the reported P(level ≥ k).
        public let precision: Double

        /// Whether a run sized by precision stopped at its trial cap before reaching the target.
        public var missedTarget: Bool { precisionTarget.map { precision > $0 } ?? false }

        enum CodingKeys: String, CodingKey {
            case seed, trials, generator, precision
            case blockSize = "block_size", precisionTarget = "precision_target", maximumTrials = "maximum_trials"
        }
    }

    /// What changes from run to run of the same inputs; nothing else in the output depends on it.
    public struct Execution: Sendable, Codable {
        public let threads: Int
        /// ISO 8601 UTC, to the second.
        public let started: String
        public let elapsedSeconds: Double
        public let trialsPerSecond: Double
        /// The number of shards of a run put together by `plan merge` (threads and elapsed time
        /// are then their sums, and `started` the earliest start); absent for a single run.
        public let shards: Int?

        enum CodingKeys: String, CodingKey {
            case threads, started, shards
            case elapsedSeconds = "elapsed_seconds", trialsPerSecond = "trials_per_second"
        }
    }

    /// Pretty JSON with sorted keys, ending in a newline.
    public var json: String { get throws { try encodeJSON(self) + "\n" } }
}
