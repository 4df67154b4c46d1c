import Calendars
import CapacityPolicy
import Statistics

/// What a run estimates for one check (docs/MODEL.md §8).
public struct CheckEstimate: Sendable {
    public let date: CivilDate
    public let window: String
    /// P(level = l), l = 1 … L (index 0 is level 1).
    public let levels: [Proportion]
    /// P(level ≥ k), k = 1 … L (index 0 is level ≥ 1, always 1).
    public let atLeast: [Proportion]
    /// The lowest k with P(level > k) ≤ the scenario's planning risk (1-based).
    public let planningLevel: Int
    /// The planning levels the 95% intervals allow (`PlanningLevel.range`): more than one when the
    /// check is at the line.
    public let planningRange: ClosedRange<Int>
    /// Per group: scheduled headcount (from the calendar), and the working headcount's mean, 50th and 90th percentile.
    public let planned: [Int]
    public let headcounts: [Summary]
    public let open: Summary
    public let load: Summary
    /// P(nobody of any group works at the check while cases are open): the trials whose load is
    /// +infinity.
    public let nobodyWorking: Double
    /// P(the channel's alert is active) for each of the policy's alert channels, in order.
    public let alerts: [Double]
}

/// Mean and percentiles of a quantity at a check.
public struct Summary: Sendable, Hashable {
    public let mean: Double
    /// With p90, the 80% range a backtest checks the declared open cases against.
    public let p10: Double
    public let p50: Double
    public let p90: Double
}

/// Over the whole horizon, for level ≥ k.
public struct HorizonEstimate: Sendable {
    public let level: Int
    /// P(level ≥ k at least once).
    public let reached: Proportion
    public let expectedChecks: Double
    /// Longest run of consecutive checks at ≥ k: mean, median, 90th percentile, and its distribution (index = run length).
    public let longestRun: Summary
    public let longestRunDistribution: [Double]
}

/// A channel to brief ahead of time: consecutive check days of one window where P(needed) ≥ threshold.
public struct Recommendation: Sendable, Hashable {
    public let channel: String
    /// 1-based level whose alert this is.
    public let level: Int
    public let window: String
    public let first: CivilDate
    public let last: CivilDate
    public let checks: Int
    public let maximumProbability: Double
    public let meanProbability: Double

    public init(channel: String, level: Int, window: String, first: CivilDate, last: CivilDate, checks: Int,
                maximumProbability: Double, meanProbability: Double) {
        self.channel = channel
        self.level = level
        self.window = window
        self.first = first
        self.last = last
        self.checks = checks
        self.maximumProbability = maximumProbability
        self.meanProbability = meanProbability
    }
}

/// Turns a tally into the estimates of docs/MODEL.md §8.
public struct Estimates: Sendable {
    public let model: SimulationModel
    public let trials: Int
    public let checks: [CheckEstimate]
    public let horizon: [HorizonEstimate]
    public let recommendations: [Recommendation]
    /// The widest 95% half-width among the reported P(level ≥ k), k ≥ 2: the run's Monte Carlo precision.
    public let precision: Double
    /// Per trial and calendar week, the checks at ≥ k, as counted (`counts.json`).
    public let periodCounts: PeriodCounts

    public init(model: SimulationModel, tally: Tally) {
        self.model = model
        self.trials = tally.trials
        let n = tally.trials
        let levelCount = model.levelCount
        let risk = model.scenario.planningRisk
        var checks: [CheckEstimate] = []
        for (c, check) in model.checks.enumerated() {
            let counts = (0..<levelCount).map { tally.levels[c * levelCount + $0] }
            let levels = counts.map { Proportion(successes: $0, trials: n) }
            var tail = 0
            var atLeast = [Proportion](repeating: Proportion(successes: 0, trials: n), count: levelCount)
            for l in stride(from: levelCount - 1, through: 0, by: -1) {
                tail += counts[l]
                atLeast[l] = Proportion(successes: tail, trials: n)
            }
            // Lowest k with P(level > k) = P(level ≥ k + 1) ≤ risk.
            let planning = PlanningLevel.level(atLeast: atLeast.map(\.estimate), risk: risk)
            let groups = model.groups.count
            let headcounts = (0..<groups).map { g -> Summary in
                let size = tally.maxGroupSize + 1
                let histogram = (0..<size).map { Int(tally.headcountHistogram[(c * groups + g) * size + $0]) }
                return Estimates.summary(histogram: histogram, value: { Double($0) }, trials: n)
            }
            let openHistogram = LogBuckets.counts(check: c, in: tally.openHistogram, checks: tally.checkCount)
            var open = Estimates.summary(histogram: openHistogram, value: { Double(LogBuckets.value(ofBucket: $0)) }, trials: n)
            open = Summary(mean: n > 0 ? tally.openSums[c].value / Double(n) : 0, p10: open.p10, p50: open.p50, p90: open.p90)
            // Infinite loads count as one more bucket, past every finite one.
            let loadHistogram = LogBuckets.counts(check: c, in: tally.loadHistogram, checks: tally.checkCount) + [tally.infiniteLoads[c]]
            let loadPercentiles = Estimates.summary(histogram: loadHistogram, value: { bucket in
                bucket == loadHistogram.count - 1 ? .infinity : Double(LogBuckets.value(ofBucket: bucket)) / Tally.loadUnitsPerCase
            }, trials: n)
            let loadMean = tally.infiniteLoads[c] > 0 ? Double.infinity : (n > 0 ? tally.loadFixedSums[c].value / Tally.loadScale / Double(n) : 0)
            let alerts = model.alertChannels.map { atLeast[$0.level].estimate }
            checks.append(CheckEstimate(
                date: check.date, window: model.windows[check.window].name, levels: levels, atLeast: atLeast,
                planningLevel: planning, planningRange: PlanningLevel.range(atLeast: atLeast, risk: risk), planned: (0..<groups).map { model.scheduled(group: $0, day: check.day) },
                headcounts: headcounts, open: open, load: Summary(mean: loadMean, p10: loadPercentiles.p10, p50: loadPercentiles.p50, p90: loadPercentiles.p90),
                nobodyWorking: n > 0 ? Double(tally.infiniteLoads[c]) / Double(n) : 0, alerts: alerts))
        }
        self.checks = checks

        self.horizon = (0..<levelCount).map { k in
            let runs = (0...model.checks.count).map { tally.longestRuns[k * (model.checks.count + 1) + $0] }
            return HorizonEstimate(
                level: k + 1, reached: Proportion(successes: tally.reached[k], trials: n),
                expectedChecks: n > 0 ? Double(tally.checksAtOrAbove[k]) / Double(n) : 0,
                longestRun: Estimates.summary(histogram: runs, value: { Double($0) }, trials: n),
                longestRunDistribution: runs.map { n > 0 ? Double($0) / Double(n) : 0 })
        }
        self.recommendations = Estimates.recommendations(model: model, checks: checks)
        self.precision = Estimates.widestAtLeastHalfWidth(tally)
        self.periodCounts = tally.periodCounts
    }

    /// Mean and the 10th, 50th and 90th percentiles (the smallest value with at least that share of trials at or below it).
    static func summary(histogram: [Int], value: (Int) -> Double, trials: Int) -> Summary {
        guard trials > 0 else { return Summary(mean: 0, p10: 0, p50: 0, p90: 0) }
        var mean = 0.0
        for (i, count) in histogram.enumerated() where count > 0 { mean += value(i) * Double(count) }
        func percentile(_ q: Double) -> Double {
            let needed = Int((q * Double(trials)).rounded(.up))
            var cumulative = 0
            for (i, count) in histogram.enumerated() {
                cumulative += count
                if cumulative >= max(1, needed) { return value(i) }
            }
            return value(histogram.count - 1)
        }
        return Summary(mean: mean / Double(trials), p10: percentile(0.1), p50: percentile(0.5), p90: percentile(0.9))
    }

    /// For each alert channel and window: runs of consecutive check days on which P(needed) reaches the threshold.
    static func recommendations(model: SimulationModel, checks: [CheckEstimate]) -> [Recommendation] {
        let threshold = model.scenario.recommendationThreshold
        var result: [Recommendation] = []
        for (a, channel) in model.alertChannels.enumerated() {
            for window in model.windows.map(\.name) {
                let series = checks.filter { $0.window == window }
                var run: [CheckEstimate] = []
                func close() {
                    guard let first = run.first, let last = run.last else { return }
                    let probabilities = run.map { $0.alerts[a] }
                    result.append(Recommendation(
                        channel: channel.channel, level: channel.level + 1, window: window, first: first.date, last: last.date,
                        checks: run.count, maximumProbability: probabilities.max()!,
                        meanProbability: probabilities.reduce(0, +) / Double(probabilities.count)))
                    run = []
                }
                for check in series {
                    if check.alerts[a] >= threshold { run.append(check) } else { close() }
                }
                close()
            }
        }
        return result.sorted { ($0.first, $0.level, $0.window) < ($1.first, $1.level, $1.window) }
    }

    static func widestAtLeastHalfWidth(_ tally: Tally) -> Double {
        var widest = 0.0
        let levelCount = tally.levelCount
        for c in 0..<tally.checkCount {
            var tail = 0
            for l in stride(from: levelCount - 1, through: 1, by: -1) {
                tail += tally.levels[c * levelCount + l]
                widest = max(widest, Proportion(successes: tail, trials: tally.trials).halfWidth)
            }
        }
        return widest
    }
}
