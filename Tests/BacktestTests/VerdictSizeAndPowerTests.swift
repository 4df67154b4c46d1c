import Calendars
import Testing
@testable import Backtest

/// The verdict's false-alarm rate and power, measured on a synthetic forecast whose trials and
/// histories come from one small model of a level path: weeks of ten checks (Monday to Friday, two
/// windows), a period-wide demand factor, a factor per week, and a backlog that makes a check at
/// ≥ 2 more likely after one (so the checks of a week are correlated, as the simulation's are);
/// above 2, each level is reached from the one below with probability 0.3. With `certainFridays`,
/// both Friday checks are at 2 whatever happens: the schedule floor of those days.
@Suite struct VerdictSizeAndPowerTests {
    struct Model {
        var weeks: Int
        /// The chance of ≥ 2 of a check with no backlog, before the demand and week factors.
        var base = 0.15
        var certainFridays = false
        /// What a check at ≥ 2 adds to the next check's chance of ≥ 2: the backlog it leaves.
        var carry = 0.05

        var levelCount: Int { 4 }
        var checksPerWeek: Int { 10 }

        /// One path: the 1-based level of each check.
        func path(_ rng: inout SplitMix) -> [Int] {
            let demand = 0.9 + 0.2 * rng.uniform()
            var levels: [Int] = [], previous = 1
            for _ in 0..<weeks {
                let week = 0.85 + 0.3 * rng.uniform()
                for c in 0..<checksPerWeek {
                    var level = 1
                    if certainFridays && c >= 8 {
                        level = 2
                    } else if rng.uniform() < min(1, base * demand * week + (previous >= 2 ? carry : 0)) {
                        level = 2
                        while level < levelCount && rng.uniform() < 0.3 { level += 1 }
                    }
                    levels.append(level)
                    previous = level
                }
            }
            return levels
        }

        var dates: [(date: CivilDate, window: String, minute: Int)] {
            let first = CivilDate(iso: "2040-01-02")!  // a Monday
            return (0..<weeks).flatMap { w in
                (0..<checksPerWeek).map { c in
                    (first.adding(days: 7 * w + c / 2), c % 2 == 0 ? "EMEA" : "Americas", c % 2 == 0 ? 600 : 1050)
                }
            }
        }

        func floorLevel(_ check: Int) -> Int { certainFridays && check % checksPerWeek >= 8 ? 2 : 1 }

        /// The forecast of `trials` paths: per check P(level = l), and per level and week the
        /// count distributions and covariances, as `counts.json` holds them.
        func forecast(trials: Int, seed: UInt64) -> (levels: [LevelForecast], counts: WeeklyCounts) {
            var rng = SplitMix(seed)
            let checks = weeks * checksPerWeek
            var levelCounts = [[Int]](repeating: Array(repeating: 0, count: levelCount), count: checks)
            var histograms = [[[Int]]](repeating: [[Int]](repeating: Array(repeating: 0, count: checksPerWeek + 1), count: weeks), count: levelCount - 1)
            var sums = [[Double]](repeating: Array(repeating: 0, count: weeks), count: levelCount - 1)
            var products = [[[Double]]](repeating: [[Double]](repeating: Array(repeating: 0, count: weeks), count: weeks), count: levelCount - 1)
            for _ in 0..<trials {
                let path = path(&rng)
                for (c, level) in path.enumerated() { levelCounts[c][level - 1] += 1 }
                for k in 2...levelCount {
                    let counts = (0..<weeks).map { w in path[(w * checksPerWeek)..<((w + 1) * checksPerWeek)].count { $0 >= k } }
                    for w in 0..<weeks {
                        histograms[k - 2][w][counts[w]] += 1
                        sums[k - 2][w] += Double(counts[w])
                        for v in (w + 1)..<max(w + 1, weeks) { products[k - 2][w][v] += Double(counts[w] * counts[v]) }
                    }
                }
            }
            let n = Double(trials), madeAt = Moment(iso: "2039-12-01")!
            let covariances = (0..<(levelCount - 1)).map { k in
                (0..<weeks).map { w in ((w + 1)..<max(w + 1, weeks)).map { v in products[k][w][v] / n - sums[k][w] / n * sums[k][v] / n } }
            }
            let levels = zip(dates, levelCounts).enumerated().map { c, pair in
                LevelForecast(runID: "model", madeAt: madeAt, date: pair.0.date, window: pair.0.window, levels: pair.1.map { Double($0) / n },
                              p10Open: 0, p90Open: 0, floorLevel: floorLevel(c))
            }
            let counts = WeeklyCounts(runID: "model", trials: trials, weeks: (0..<weeks).map { dates[$0 * checksPerWeek].date },
                                      weekChecks: Array(repeating: checksPerWeek, count: weeks), distributions: histograms, covariances: covariances)
            return (levels, counts)
        }

        func declared(_ path: [Int]) -> [DeclaredLevel] {
            zip(dates, path).map { DeclaredLevel(date: $0.date, window: $0.window, checkMinute: $0.minute, level: $1, openCases: nil) }
        }
    }

    /// The verdicts alone, levels 2 … L, as the report computes them (without its scores, which cost more).
    static func verdicts(_ history: [DeclaredLevel], _ forecast: (levels: [LevelForecast], counts: WeeklyCounts), to: CivilDate? = nil) -> [CountCalibration] {
        let declared = history.filter { check in to.map { check.date <= $0 } ?? true }
        let weeks = JudgedWeek.select(declared: declared, forecasts: forecast.levels, counts: ["model": forecast.counts], lead: 0...400)
        return (2...4).map { CountCalibration(level: $0, weeks: weeks, bins: [], reason: "") }
    }

    static func report(_ history: [DeclaredLevel], _ forecast: (levels: [LevelForecast], counts: WeeklyCounts), to: CivilDate? = nil) throws -> BacktestReport {
        let declared = history.filter { check in to.map { check.date <= $0 } ?? true }
        return try BacktestReport(declared: declared, history: history, forecasts: forecast.levels, counts: ["model": forecast.counts],
                                  from: nil, to: to, lead: 0...400, pairing: .latest)
    }

    /// Size: 400 quarters drawn from the forecast's own model, judged at levels 2–4 (1,200
    /// verdicts): the threshold of 2 flagged 2.9% of them (35 of 1,200 with these seeds); at most 5% is required.
    @Test func aRightForecastIsRarelyFlagged() throws {
        let model = Model(weeks: 13, certainFridays: true)
        let forecast = model.forecast(trials: 4000, seed: 1)
        var rng = SplitMix(2)
        var flagged = 0, judged = 0
        for _ in 0..<400 {
            for verdict in Self.verdicts(model.declared(model.path(&rng)), forecast) {
                judged += 1
                if [.underForecasts, .overForecasts].contains(verdict.verdict) { flagged += 1 }
            }
        }
        #expect(judged == 1200)
        #expect(Double(flagged) / Double(judged) <= 0.05, "flagged \(flagged) of \(judged)")

    }

    /// Power: a quarter of 130 checks whose chance of ≥ 2 is twice the forecast's (about 41
    /// checks at ≥ 2 against 20.6 expected, predictive sd 4.6): 400 such histories, level 2 flagged
    /// "under-forecasts" in at least 95% of them (382 of 400, 95.5%, with these seeds).
    @Test func aDoubledCountIsFlagged() throws {
        let model = Model(weeks: 13)
        let forecast = model.forecast(trials: 4000, seed: 3)
        var probe = SplitMix(4)
        let expected = Self.verdicts(model.declared(model.path(&probe)), forecast)[0].expected
        let sd = Self.verdicts(model.declared(model.path(&probe)), forecast)[0].predicted!.variance.squareRoot()
        #expect(abs(expected - 20.5) < 2, "expected \(expected) sd \(sd)")
        // Doubling the base rate doubles less than the count (the backlog adds a fixed share), so
        // the doubled history is the forecast's model at the rate whose count is twice the forecast's.
        var doubled = model
        doubled.base = Self.rate(doubling: expected, model: model)
        var rng = SplitMix(5)
        var flagged = 0, declared = 0
        for _ in 0..<400 {
            let verdict = Self.verdicts(model.declared(doubled.path(&rng)), forecast)[0]
            declared += verdict.observed
            if verdict.verdict == .underForecasts { flagged += 1 }
        }
        #expect(abs(Double(declared) / 400 - 2 * expected) < 2.5, "mean declared \(Double(declared) / 400)")
        #expect(flagged >= 380, "flagged \(flagged) of 400; sd \(sd)")

    }

    /// The base rate at which the model's mean count at ≥ 2 over a quarter is twice `expected`, by bisection on 4,000 paths.
    static func rate(doubling expected: Double, model: Model) -> Double {
        var low = model.base, high = 1.0
        for _ in 0..<20 {
            var m = model
            m.base = (low + high) / 2
            var rng = SplitMix(9)
            let mean = Double((0..<4000).reduce(0) { total, _ in total + m.path(&rng).count { $0 >= 2 } }) / 4000
            if mean < 2 * expected { low = m.base } else { high = m.base }
        }
        return (low + high) / 2
    }

    /// A persistent 1.4× rate over a year: the mean z of 100 histories grows with the history's
    /// length (about as √weeks), not capped at √weeks: +1.5, +2.2, +3.3 after 13, 26, 52 weeks.
    @Test func zGrowsWithTheLengthOfTheHistory() throws {
        let model = Model(weeks: 52)
        let forecast = model.forecast(trials: 2000, seed: 6)
        var inflated = model
        inflated.base *= 1.4
        var rng = SplitMix(7)
        var sums = [0.0, 0.0, 0.0]
        let ends = [13, 26, 52].map { CivilDate(iso: "2040-01-02")!.adding(days: 7 * $0 - 1) }
        for _ in 0..<100 {
            let history = model.declared(inflated.path(&rng))
            for (i, end) in ends.enumerated() { sums[i] += Self.verdicts(history, forecast, to: end)[0].z }
        }
        let means = sums.map { $0 / 100 }
        #expect(means[0] < means[1] && means[1] < means[2], "\(means)")
        // √4 = 2 if the mean z grew exactly as √weeks.
        #expect(means[2] / means[0] > 1.6, "\(means)")
        #expect(means[2] > CountCalibration.threshold, "\(means)")
    }

    /// Against the schedule floor, a right forecast of the model shows positive skill on the
    /// uncertain checks; the certain Fridays are left out of them.
    @Test func aRightForecastBeatsTheScheduleFloorOnUncertainChecks() throws {
        let model = Model(weeks: 13, certainFridays: true)
        let forecast = model.forecast(trials: 4000, seed: 8)
        var rng = SplitMix(10)
        // One quarter's skill is noisy (a right forecast beats a certain level 1 by about the
        // chance of ≥ 2); 50 quarters' scores are pooled.
        var forecastScore = 0.0, floorScore = 0.0
        for _ in 0..<50 {
            let report = try Self.report(model.declared(model.path(&rng)), forecast)
            #expect(report.uncertainChecks == 104)
            let uncertain = try #require(report.rankedProbabilityUncertain)
            #expect(uncertain.floorChecks == 104)
            forecastScore += uncertain.forecastOnFloorChecks
            floorScore += uncertain.floor
        }
        #expect(1 - forecastScore / floorScore > 0.05, "forecast \(forecastScore / 50), floor \(floorScore / 50)")
        var one = SplitMix(10)
        let report = try Self.report(model.declared(model.path(&one)), forecast)

        // On the certain checks forecast and floor agree, so all checks show the same gap, diluted.
        #expect(report.rankedProbability.floorChecks == 130)
    }
}

/// SplitMix64: a small, fully specified generator, so the tests' draws are the same on every platform.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
