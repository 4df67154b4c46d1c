import CapacityPolicy
import Scenarios
import Simulation
import WhatIf

/// The fixed trials every candidate cover is judged on: the same seed, trial count and block size
/// for all, so two covers' risks differ only by what they buy (common random numbers). Each cover
/// is simulated once; its risks are kept.
struct CoverSample {
    let problem: CoverProblem
    /// The levels k whose P(level ≥ k) the limits constrain, one per limit.
    let levels: [Int]
    let trials: Int
    let seed: UInt64
    let threads: Int
    private var cache: [[Int]: Risks] = [:]
    /// Covers simulated so far (each once).
    private(set) var evaluations = 0

    /// Blocks of 250 trials, so that a sample of a few thousand trials still spreads over the threads.
    static let blockSize = 250

    init(problem: CoverProblem, levels: [Int], trials: Int, seed: UInt64, threads: Int) {
        self.problem = problem
        self.levels = levels
        self.trials = trials
        self.seed = seed
        self.threads = threads
    }

    /// P(level ≥ k) on the sample per limit and check, and E[(level − k + 1)⁺], how far above k − 1 a
    /// check's level is on average: it moves when a cover lowers a level without yet crossing k, so
    /// the search can tell progress from none.
    struct Risks {
        let atLeast: [[Double]]
        let depth: [[Double]]
    }

    mutating func risks(_ counts: [Int]) throws -> Risks {
        if let known = cache[counts] { return known }
        let risks = try Self.risks(of: problem.scenario(with: counts), sharingPolicyWith: problem.baseModel, levels: levels, trials: trials, seed: seed, threads: threads)
        cache[counts] = risks
        evaluations += 1
        return risks
    }

    static func risks(of scenario: Scenario, sharingPolicyWith base: SimulationModel, levels: [Int], trials: Int, seed: UInt64, threads: Int) throws -> Risks {
        let model = try SimulationModel(scenario, sharingPolicyWith: base)
        let settings = RunSettings(size: .trials(trials), seed: seed, threads: threads, blockSize: blockSize)
        let tally = try MonteCarloRun(model: model, settings: settings).run()
        let n = Double(tally.trials), count = tally.levelCount
        var atLeast: [[Double]] = [], depth: [[Double]] = []
        for k in levels {
            var p = [Double](repeating: 0, count: tally.checkCount), e = p
            for c in 0..<tally.checkCount {
                for l in (k - 1)..<count {
                    let trials = Double(tally.levels[c * count + l])
                    p[c] += trials / n
                    e[c] += trials * Double(l - k + 2) / n
                }
            }
            atLeast.append(p)
            depth.append(e)
        }
        return Risks(atLeast: atLeast, depth: depth)
    }
}
