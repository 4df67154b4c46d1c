import Testing
@testable import Simulation

@Suite struct ReproducibilityTests {
    /// The same seed gives the same counts on one thread and on two (blocks are seeded by index,
    /// tallies are integers).
    @Test func sameSeedSameTallyWhateverTheThreads() throws {
        let model = try SimulationModel(TestScenarios.december())
        let one = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(5_500), seed: 7, threads: 1)).run()
        let two = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(5_500), seed: 7, threads: 2)).run()
        #expect(one.trials == 5_500)
        #expect(one.levels == two.levels)
        #expect(one.openHistogram == two.openHistogram)
        #expect(one.loadFixedSums == two.loadFixedSums)
        #expect(one.longestRuns == two.longestRuns)
        let other = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(5_500), seed: 8, threads: 2)).run()
        #expect(one.levels != other.levels)
    }

    /// Precision mode stops after whole rounds, at the same trial count for any thread count.
    @Test func precisionModeIsDeterministic() throws {
        let model = try SimulationModel(TestScenarios.december())
        let settings = { (threads: Int) in RunSettings(size: .precision(0.02, maximumTrials: 200_000), seed: 3, threads: threads, blockSize: 250) }
        let one = try MonteCarloRun(model: model, settings: settings(1)).run()
        let two = try MonteCarloRun(model: model, settings: settings(2)).run()
        #expect(one.trials == two.trials)
        #expect(one.levels == two.levels)
        #expect(Estimates.widestAtLeastHalfWidth(one) <= 0.02)
        #expect(one.trials % (RunSettings.blocksPerRound * 250) == 0)
    }
}
