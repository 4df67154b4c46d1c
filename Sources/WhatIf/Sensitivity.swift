import Calendars
import OutputFormats
import Scenarios
import Simulation

/// What the risk hangs on: the forecast with each uncertain input at the low and at the high end of
/// its range, every run on the same random numbers as the scenario's own, sorted by how much the
/// input moves the expected number of checks at level ≥ k (a tornado), and a stress run with every
/// input at its adverse end.
///
/// The scenario is run once and its trials kept (`RecordedRun`); each end is one more run, paired
/// with it trial by trial. An end equal to the input's value is the scenario itself and is not run.
/// An input the model does not use (the holiday factor with no holiday in the simulated days,
/// sickness inputs with sickness off) changes no trial at all, so its change is exactly zero and
/// `isUnused` says so.
public struct Sensitivity: Sendable {
    public let scenarioName: String
    /// k of P(level ≥ k) and of the expected checks at ≥ k.
    public let level: Int
    public let levelName: String
    public let trials: Int
    public let seed: UInt64
    public let checkCount: Int
    /// The scenario's own expected number of checks at level ≥ k.
    public let baseExpectedChecks: Double
    /// The check with the highest P(level ≥ k) below 100% in the scenario's run (a check at ≥ k in
    /// every trial is one no input in range moves); nil when no check has such a probability.
    public let worstCheck: WorstCheck?
    /// Sorted: the largest swing first, then in table order.
    public let rows: [Row]
    /// Inputs the scenario has no use for at all (a Poisson inflow's dispersion), with why; not run.
    public let notApplicable: [(input: SensitivityInput, reason: String)]
    /// Every stressed input at its adverse end at once; nil when no input moves anything.
    public let stress: Stress?

    public struct WorstCheck: Sendable, Hashable {
        public let date: CivilDate
        public let window: String
        public let index: Int
        public let probability: Double
    }

    /// One input at both ends of its range.
    public struct Row: Sendable {
        public let input: SensitivityInput
        public let value: Double
        public let range: ClosedRange<Double>
        /// True when the range comes from the intervals file, false for the input's default range.
        public let fromFit: Bool
        public let low: End
        public let high: End

        /// The larger change in expected checks of the two ends, in absolute value: the bar's length.
        public var swing: Double { max(abs(low.change), abs(high.change)) }
        /// Neither end changed any trial at any check.
        public var isUnused: Bool { low.isUnchanged && high.isUnchanged }
        /// The end that raises the expected checks more (nil when neither raises them).
        public var adverse: End? {
            let worse = high.change >= low.change ? high : low
            return worse.change > 0 ? worse : nil
        }
    }

    /// The forecast with one input at one end (or, in the stress run, every input at its adverse end).
    public struct End: Sendable {
        /// The input's value at this end (0 in the stress run, which sets many).
        public let value: Double
        /// Expected checks at ≥ k, and its change from the scenario's run.
        public let expectedChecks: Double
        public let change: Double
        /// The change in P(level ≥ k) at the worst check, with its paired 95% interval.
        public let worst: LevelChange?
        /// No trial reached another level at any check.
        public let isUnchanged: Bool
    }

    public struct Stress: Sendable {
        /// The inputs moved and the value each took, in table order.
        public let settings: [(input: SensitivityInput, value: Double)]
        public let outcome: End
    }

    /// Runs the model's scenario and every end of every input's range. Throws a `WhatIfError` for a
    /// level the policy does not have or an end the scenario cannot be simulated with, naming the
    /// input.
    ///
    /// - Complexity: O((2 × inputs + 2) × trials × cost of a trial); memory O(trials × checks) bytes
    ///   for the scenario's kept levels and one end's.
    public static func run(
        model: SimulationModel, intervals: SensitivityIntervals, level: Int, settings: ComparisonSettings
    ) throws -> Sensitivity {
        let scenario = model.scenario
        guard model.levelCount >= 2, (2...model.levelCount).contains(level) else {
            throw WhatIfError("\(term: .level) \(level): the policy has levels 1 to \(model.levelCount); expected 2 to \(model.levelCount)")
        }
        let base = try RecordedRun(model: model, trials: settings.trials, seed: settings.seed, threads: settings.threads)
        let baseEstimates = Estimates(model: model, tally: base.tally)
        let k = level
        let baseExpected = baseEstimates.horizon[k - 1].expectedChecks
        let worst = baseEstimates.checks.enumerated()
            .filter { $0.element.atLeast[k - 1].estimate < 1 && $0.element.atLeast[k - 1].estimate > 0 }
            .max { $0.element.atLeast[k - 1].estimate < $1.element.atLeast[k - 1].estimate
                || ($0.element.atLeast[k - 1].estimate == $1.element.atLeast[k - 1].estimate && $0.offset > $1.offset) }
            .map { WorstCheck(date: $0.element.date, window: $0.element.window, index: $0.offset, probability: $0.element.atLeast[k - 1].estimate) }

        func outcome(of variant: Scenario, value: Double, naming: String) throws -> End {
            let variantModel: SimulationModel
            do { variantModel = try SimulationModel(variant) } catch {
                throw WhatIfError("\(naming): the scenario cannot be simulated with it: \(error)")
            }
            let run = try RecordedRun(model: variantModel, trials: settings.trials, seed: settings.seed, threads: settings.threads)
            let comparison = Comparison(tally: try PairedTally(base: base, variant: run), base: model, variant: variantModel, seed: settings.seed)
            let expected = comparison.variant.horizon[k - 1].expectedChecks
            return End(
                value: value, expectedChecks: expected, change: expected - baseExpected,
                worst: worst.map { comparison.checks[$0.index].change(atLeast: k) },
                isUnchanged: comparison.checks.allSatisfy(\.isUnchanged))
        }
        func end(_ input: SensitivityInput, at value: Double) throws -> End {
            guard value != input.value(in: scenario) else {
                return End(
                    value: value, expectedChecks: baseExpected, change: 0,
                    worst: worst.map { LevelChange(level: k, base: $0.probability, variant: $0.probability,
                                                   difference: PairedDifference(baseOnly: 0, variantOnly: 0, trials: base.trials)) },
                    isUnchanged: true)
            }
            return try outcome(of: input.applied(value, to: scenario), value: value, naming: "\(input.path) = \(NumberFormat.plain(value))")
        }

        var rows: [Row] = []
        var notApplicable: [(input: SensitivityInput, reason: String)] = []
        for input in SensitivityInput.all(for: model) {
            if let reason = input.unusedBecause {
                notApplicable.append((input, reason))
                continue
            }
            let given = intervals.ranges[input.path]
            let range = given.map(input.rounded) ?? input.defaultRange(in: scenario)
            rows.append(Row(
                input: input, value: input.value(in: scenario), range: range, fromFit: given != nil,
                low: try end(input, at: range.lowerBound), high: try end(input, at: range.upperBound)))
        }

        let moved = rows.filter { $0.input.stressed }.compactMap { row in row.adverse.map { (input: row.input, value: $0.value) } }
        var stress: Stress?
        if !moved.isEmpty {
            let stressed = moved.reduce(scenario) { $1.input.applied($1.value, to: $0) }
            stress = Stress(settings: moved, outcome: try outcome(of: stressed, value: 0, naming: "the stress run"))
        }
        let order = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.input.path, $0) })
        return Sensitivity(
            scenarioName: scenario.name, level: k, levelName: scenario.policy.levels[k - 1].name,
            trials: base.trials, seed: settings.seed, checkCount: model.checks.count, baseExpectedChecks: baseExpected,
            worstCheck: worst,
            rows: rows.sorted { ($0.swing, order[$1.input.path]!) > ($1.swing, order[$0.input.path]!) },
            notApplicable: notApplicable, stress: stress)
    }
}
