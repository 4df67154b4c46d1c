import CapacityPolicy

extension KernelTwin {
    /// What the twin's trials saw at each reported check, as counts and sums.
    struct Sample {
        var trials = 0
        /// `atLeast[check][k]`: trials whose level at the check was ≥ k + 1.
        var atLeast: [[Int]]
        var openSum: [Double]
        var openSquares: [Double]

        init(checks: Int, levels: Int) {
            atLeast = Array(repeating: Array(repeating: 0, count: levels), count: checks)
            openSum = Array(repeating: 0, count: checks)
            openSquares = Array(repeating: 0, count: checks)
        }

        /// Mean and (population) variance of the open cases at check `c`.
        func openMoments(check c: Int) -> (mean: Double, variance: Double) {
            let n = Double(trials)
            let mean = openSum[c] / n
            return (mean, openSquares[c] / n - mean * mean)
        }
    }

    /// Runs `trials` trials one after another on one Mersenne Twister seeded with `seed`.
    func run(trials: Int, seed: UInt32) throws -> Sample {
        let rng = try MersenneTwister(seed: seed)
        var sample = Sample(checks: reportedChecks.count, levels: scenario.policy.levels.count)
        var levels: [Observation: Int] = [:]
        for _ in 0..<trials {
            for (c, outcome) in runTrial(rng.pointer, levels: &levels).enumerated() {
                for k in 0...outcome.level { sample.atLeast[c][k] += 1 }
                sample.openSum[c] += Double(outcome.open)
                sample.openSquares[c] += Double(outcome.open) * Double(outcome.open)
            }
            sample.trials += 1
        }
        return sample
    }
}
