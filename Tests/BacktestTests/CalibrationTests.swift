import Calendars
import Testing
@testable import Backtest

@Suite struct CalibrationTests {
    /// `n` checks a week for `weeks` weeks, forecast `p`, of which the first `hits` of each week reached k.
    static func outcomes(weeks: Int, perWeek n: Int, forecast p: Double, hits: Int) -> [Outcome] {
        (0..<weeks).flatMap { week in (0..<n).map { Outcome(forecast: p, reached: $0 < hits, week: week) } }
    }

    @Test func binsHoldTheWilsonIntervalOfTheObservedFrequency() {
        let outcomes = Self.outcomes(weeks: 10, perWeek: 10, forecast: 0.25, hits: 2) + Self.outcomes(weeks: 1, perWeek: 4, forecast: 0.95, hits: 4)
        let bins = ReliabilityBin.bins(outcomes)
        #expect(bins.map(\.low) == [0.2, 0.9])
        #expect(bins[0].checks == 100 && bins[0].observed.successes == 20)
        // Wilson 95% for 20 of 100: 0.1334–0.2888 (closed form), which holds 0.25.
        #expect(abs(bins[0].observed.low - 0.1334) < 1e-4 && abs(bins[0].observed.high - 0.2888) < 1e-4)
        #expect(bins[0].consistent)
        #expect(bins[1].checks == 4 && bins[1].meanForecast == 0.95)
        // P = 1 belongs in the top bin.
        #expect(ReliabilityBin.bins([Outcome(forecast: 1, reached: true, week: 0)]).map(\.low) == [0.9])
    }

    @Test func verdicts() {
        // Forecast 0.2, observed 2 of 10 every week: right on average.
        #expect(Calibration(level: 2, outcomes: Self.outcomes(weeks: 20, perWeek: 10, forecast: 0.2, hits: 2), bins: []).verdict == .wellCalibrated)
        // Forecast 0.2, observed 4 of 10 every week: O − E = 40 and each week's residual is 2, so z = 40 / √80 = 4.47.
        let under = Calibration(level: 3, outcomes: Self.outcomes(weeks: 20, perWeek: 10, forecast: 0.2, hits: 4), bins: [])
        #expect(under.verdict == .underForecasts)
        #expect(abs(under.z - 40 / 80.0.squareRoot()) < 1e-9)
        #expect(Calibration(level: 3, outcomes: Self.outcomes(weeks: 20, perWeek: 10, forecast: 0.5, hits: 2), bins: []).verdict == .overForecasts)
        // Rare on both sides: 2 observed, 2 expected.
        #expect(Calibration(level: 7, outcomes: Self.outcomes(weeks: 20, perWeek: 10, forecast: 0.01, hits: 0)
            + [Outcome(forecast: 0.01, reached: true, week: 0)], bins: []).verdict == .tooLittleData)
        // Too few checks.
        #expect(Calibration(level: 2, outcomes: Self.outcomes(weeks: 1, perWeek: 10, forecast: 0.5, hits: 10), bins: []).verdict == .tooLittleData)
        // A week whose misses cancel within it does not add to the spread.
        let cancelled = Calibration(level: 2, outcomes: Self.outcomes(weeks: 20, perWeek: 10, forecast: 0.5, hits: 5), bins: [])
        #expect(cancelled.z == 0 && cancelled.verdict == .wellCalibrated)
    }
}
