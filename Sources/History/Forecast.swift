import Calendars
import CapacityPolicy
import RunArtifacts

/// A run's forecast as the store keeps it: which run (scenario, seed, trials), when it was made,
/// and per check the level probabilities and the open-case percentiles.
public struct Forecast: Sendable, Equatable {
    /// Stable for the same run files (`RunForecast.runID`): recording a run twice stores it once.
    public var runID: String
    public var scenarioName: String
    public var scenarioSHA256: String
    public var seed: UInt64
    public var trials: Int
    /// ISO 8601 UTC: when the forecast was made (the run's start unless told otherwise).
    public var madeAt: String
    /// `simulate` or `outlook`; nil for a run recorded before the store kept it.
    public var kind: Kind?
    public var checks: [RunForecast.Check]
    /// What the trials said about counts of checks per week (`counts.json`); nil for a run written
    /// or recorded before `plan` kept them.
    public var counts: CountForecast?

    public enum Kind: String, Sendable, CaseIterable {
        case simulate, outlook
    }

    public init(runID: String, scenarioName: String, scenarioSHA256: String, seed: UInt64, trials: Int, madeAt: String,
                kind: Kind?, checks: [RunForecast.Check], counts: CountForecast?) {
        self.kind = kind
        self.counts = counts
        self.runID = runID
        self.scenarioName = scenarioName
        self.scenarioSHA256 = scenarioSHA256
        self.seed = seed
        self.trials = trials
        self.madeAt = madeAt
        self.checks = checks
    }

    /// The forecast of a run's files, made at `madeAt` or, by default, when the run started.
    public init(_ run: RunForecast, madeAt: String? = nil) {
        self.init(
            runID: run.runID, scenarioName: run.record.scenario.name, scenarioSHA256: run.record.scenario.sha256,
            seed: run.record.sampling.seed, trials: run.record.sampling.trials,
            madeAt: madeAt ?? run.record.execution.started, kind: run.record.outlook == nil ? .simulate : .outlook,
            checks: run.checks, counts: run.counts)
    }
}

extension Forecast {
    /// The first check and when it was made (minutes after 00:00 UTC), at the check time of the
    /// run's own windows; for a forecast stored before the store kept check times, the time of the
    /// handbook's window of that name (nil for another name: its time is not known).
    public var firstCheckTime: (check: RunForecast.Check, minute: Int)? {
        guard let first = checks.first,
              let minute = first.checkMinute ?? CheckWindow.named(first.window, in: CheckWindow.handbook)?.checkMinute else { return nil }
        return (first, minute)
    }
}
