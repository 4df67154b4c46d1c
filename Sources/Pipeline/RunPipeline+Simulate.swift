import Foundation
import RunArtifacts
import Simulation

extension RunPipeline {
    /// How the trials report their progress: `update` with (trials done, trials planned or nil)
    /// from worker threads, `clear` once they are done, before anything else is printed.
    public struct Progress: Sendable {
        public let update: @Sendable (Int, Int?) -> Void
        public let clear: @Sendable () -> Void
        public init(update: @escaping @Sendable (Int, Int?) -> Void, clear: @escaping @Sendable () -> Void) {
            (self.update, self.clear) = (update, clear)
        }
        public static let none = Progress(update: { _, _ in }, clear: {})
    }

    /// Simulates `model` (of `source`) with `settings` and finishes the run.
    public func simulate(_ model: SimulationModel, settings: RunSettings, source: Source, progress: Progress = .none) throws -> Result {
        let (tally, started, elapsed) = try Self.trials(model, settings, path: source.path, progress: progress, interruption: interruption)
        let execution = RunRecord.Execution(threads: settings.threads, started: started, elapsedSeconds: elapsed, trials: tally.trials)
        return try finish(model: model, tally: tally, settings: settings, execution: execution, source: source)
    }

    /// Runs the trials (a shard's only, with `settings.shard`); a signal stops the run between
    /// blocks. Errors name the scenario file `path`.
    public static func trials(
        _ model: SimulationModel, _ settings: RunSettings, path: String, progress: Progress, interruption: @escaping @Sendable () -> Int32?
    ) throws -> (Tally, started: Date, elapsedSeconds: Double) {
        let started = Date()
        let clock = ContinuousClock.now
        do {
            let tally = try MonteCarloRun(model: model, settings: settings).run(progress: progress.update, isCancelled: { interruption() != nil })
            progress.clear()
            return (tally, started, (ContinuousClock.now - clock) / .seconds(1))
        } catch {
            progress.clear()
            if let signal = interruption() { throw RunInterrupted(signal: signal) }
            throw RunError("\(path): \(error)")
        }
    }
}
