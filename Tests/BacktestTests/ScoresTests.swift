import Testing
@testable import Backtest

/// The scores on forecasts small enough to work out by hand.
@Suite struct ScoresTests {
    /// Three levels, forecast (0.5, 0.3, 0.2): P(≥2) = 0.5, P(≥3) = 0.2.
    let forecast = [0.5, 0.3, 0.2]

    @Test func brierOfAtLeastK() {
        #expect(Scores.atLeast(2, forecast) == 0.5)
        #expect(abs(Scores.brier(2, forecast: forecast, declared: 1) - 0.25) < 1e-12)   // (0.5 − 0)²
        #expect(abs(Scores.brier(3, forecast: forecast, declared: 3) - 0.64) < 1e-12)   // (0.2 − 1)²
        #expect(abs(Scores.brier(3, forecast: forecast, declared: 2) - 0.04) < 1e-12)   // (0.2 − 0)²
    }

    @Test func rankedProbabilityAveragesTheBrierScoresOfTheThresholds() {
        // Declared 2: ((0.5 − 1)² + (0.2 − 0)²) / 2 = (0.25 + 0.04) / 2.
        #expect(abs(Scores.rankedProbability(forecast: forecast, declared: 2) - 0.145) < 1e-12)
        // A certain, right forecast scores 0; a certain forecast two levels off scores 1.
        #expect(Scores.rankedProbability(forecast: [0, 0, 1], declared: 3) == 0)
        #expect(Scores.rankedProbability(forecast: [1, 0, 0], declared: 3) == 1)
        // Missing by one level costs less than missing by two.
        #expect(Scores.rankedProbability(forecast: [0, 1, 0], declared: 3) == 0.5)
    }

    @Test func skillIsOneMinusTheRatioAndUndefinedAgainstAPerfectReference() {
        #expect(Scores.skill(0.05, against: 0.1) == 0.5)
        #expect(Scores.skill(0.2, against: 0.1) == -1)
        #expect(Scores.skill(0, against: 0) == nil)
    }
}
