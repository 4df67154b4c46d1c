import ArgumentParser
import Foundation
import WhatIf

/// `--trials`, `--seed` and `--threads`, shared by every command that simulates. The same seed and
/// trials give the same output whatever the thread count, so the thread count is not a sampling
/// choice, only a speed one.
struct SamplingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Number of trials (default: 100000; 20000 paired trials for compare, whatif and approve).")
    var trials: Int?

    @Option(parsing: .unconditional, help: "Master seed, a non-negative integer; the same seed gives the same output whatever the thread count.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Worker threads (default: all cores).")
    var threads: Int?

    /// Trials of a paired comparison when `--trials` is not given: each simulates two scenarios.
    static let defaultPairedTrials = 20_000

    func validate() throws {
        if let trials, trials < 1 { throw CommandError("--trials must be at least 1, got \(trials)") }
        if let threads, threads < 1 { throw CommandError("--threads must be at least 1, got \(threads)") }
    }

    /// `--threads`, or one worker per processor.
    var workerThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The settings of `plan compare`, `plan whatif` and `plan approve`.
    var comparison: ComparisonSettings {
        ComparisonSettings(trials: trials ?? Self.defaultPairedTrials, seed: seed, threads: workerThreads)
    }
}
