import ArgumentParser
import Foundation
import Simulation
import WhatIf

/// How many trials a command runs when `--trials` is not given: each command states its own
/// default in its help, once and correctly.
protocol TrialsDefault {
    static var trials: Int { get }
}

/// A run of one scenario (`plan simulate`, `plan outlook`).
enum RunTrials: TrialsDefault { static let trials = 100_000 }
/// A paired comparison (`plan compare`, `whatif`, `approve`, `sensitivity`): each trial simulates two scenarios.
enum PairedTrials: TrialsDefault { static let trials = 20_000 }
/// The sample `plan cover` judges every candidate cover on: enough to rank them, few enough to try hundreds.
enum CoverSampleTrials: TrialsDefault { static let trials = 2000 }
/// The sample `plan hire` ranks plans on: enough to rank them over a year of checks, few enough to try hundreds.
enum HireSampleTrials: TrialsDefault { static let trials = 1000 }

/// `--trials`, `--seed` and `--threads`, shared by every command that simulates. The same seed and
/// trials give the same output whatever the thread count, so the thread count is not a sampling
/// choice, only a speed one.
struct SamplingOptions<Default: TrialsDefault>: ParsableArguments {
    @Option(parsing: .unconditional, help: "Number of trials, 1 to \(Tally.maximumTrials) (default: \(Default.trials)).")
    var trials: Int?

    @Option(parsing: .unconditional, help: "Master seed, a non-negative integer; the same seed gives the same output whatever the thread count.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Worker threads, 1 to four per processor (default: all cores); the output does not depend on it.")
    var threads: Int?

    func validate() throws {
        if let trials { try checkTrials(trials, flag: "--trials") }
        if let threads, !(1...maximumThreads).contains(threads) {
            throw CommandError("--threads must be from 1 to \(maximumThreads) (four per processor), got \(threads)")
        }
    }

    /// `--trials`, or the command's default.
    var trialCount: Int { trials ?? Default.trials }

    /// `--threads`, or one worker per processor.
    var workerThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The settings of `plan compare`, `plan whatif`, `plan approve` and `plan sensitivity`.
    var comparison: ComparisonSettings {
        ComparisonSettings(trials: trialCount, seed: seed, threads: workerThreads)
    }
}

/// The most trials a run may ask for (`--trials`, `--max-trials`): what a tally can count.
func checkTrials(_ trials: Int, flag: String) throws {
    guard (1...Tally.maximumTrials).contains(trials) else {
        throw CommandError("\(flag) must be from 1 to \(Tally.maximumTrials), got \(trials)")
    }
}

/// Worker threads beyond four per processor only add memory (a tally each), not speed.
var maximumThreads: Int { 4 * ProcessInfo.processInfo.activeProcessorCount }
