/// The "since the last run" facts of a run made with `--previous`: kept in `run.json`, so that the
/// report's box is rebuilt from the run's files alone, like the rest of the page.
public struct SinceLastRun: Sendable, Codable, Equatable {
    /// The previous run's folder as given, and the day it ran.
    public let previous: String
    public let previousStarted: String
    public let sharedChecks: Int
    /// Checks are listed when P(level ≥ k) moved by at least this, or the planning level changed.
    public let threshold: Double
    public let changedInputs: [String]
    public let moves: [RunDiff.Move]

    public init(_ diff: RunDiff, previous: String) {
        self.previous = previous
        self.previousStarted = String(diff.earlier.record.execution.started.prefix(10))
        self.sharedChecks = diff.shared
        self.threshold = diff.threshold
        self.changedInputs = diff.changedInputs
        self.moves = diff.moves
    }

    enum CodingKeys: String, CodingKey {
        case previous, threshold, moves
        case previousStarted = "previous_started", sharedChecks = "shared_checks", changedInputs = "changed_inputs"
    }
}
