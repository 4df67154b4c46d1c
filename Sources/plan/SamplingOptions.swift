import ArgumentParser
import Foundation
import Simulation
import WhatIf

/// `--trials`, `--seed` and `--threads`, shared by every command that simulates. The same seed and
/// trials give the same output whatever the thread count, so the thread count is not a sampling
/// choice, only a speed one.
struct SamplingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Number of trials, 1 to 4000000000 (default: 100000; 20000 paired trials for compare, whatif and approve).")
    var trials: Int?

    @Option(parsing: .unconditional, help: "Master seed, a non-negative integer; the same seed gives the same output whatever the thread count.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Worker threads, 1 to four per processor (default: all cores); the output does not depend on it.")
    var threads: Int?

    /// Trials of a paired comparison when `--trials` is not given: each simulates two scenarios.
    static let defaultPairedTrials = 20_000
    /// The most trials a run may ask for (`--trials`, `--max-trials`): what a tally can count.
    static let maximumTrials = Tally.maximumTrials
    /// Worker threads beyond four per processor only add memory (a tally each), not speed.
    static var maximumThreads: Int { 4 * ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let trials { try Self.checkTrials(trials, flag: "--trials") }
        if let threads, !(1...Self.maximumThreads).contains(threads) {
            throw CommandError("--threads must be from 1 to \(Self.maximumThreads) (four per processor), got \(threads)")
        }
    }

    static func checkTrials(_ trials: Int, flag: String) throws {
        guard (1...maximumTrials).contains(trials) else {
            throw CommandError("\(flag) must be from 1 to \(maximumTrials), got \(trials)")
        }
    }

    /// `--threads`, or one worker per processor.
    var workerThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The settings of `plan compare`, `plan whatif` and `plan approve`.
    var comparison: ComparisonSettings {
        ComparisonSettings(trials: trials ?? Self.defaultPairedTrials, seed: seed, threads: workerThreads)
    }
}
