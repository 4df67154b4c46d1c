import Calendars
import Foundation
import Scenarios
import Testing
@testable import Simulation
@testable import WhatIf

/// A recorded run that counts only its trials' levels (`RecordedRun.Counting.levels`, what `plan
/// approve` reads) keeps the very trials, states and level counts of one that counts everything,
/// and pairs to the very counts: from day one, resumed from a partner, with trials that rejoin it,
/// and as the next step resumed from such a run.
@Suite struct RecordedRunCountingTests {
    static let trials = 1_000

    /// Everything a paired reader of levels can see of a run.
    static func expectSameLevels(_ lean: RecordedRun, _ full: RecordedRun, _ what: String) {
        #expect(lean.levels == full.levels, "\(what)")
        #expect(lean.checkpoints == full.checkpoints && lean.open == full.open, "\(what)")
        #expect(lean.absence == full.absence && lean.absenceStarts == full.absenceStarts, "\(what)")
        #expect(lean.emptied == full.emptied, "\(what)")
        #expect(lean.startDay == full.startDay && lean.rejoinedTrials == full.rejoinedTrials && lean.followedTrials == full.followedTrials, "\(what)")
        #expect(lean.tally.trials == full.tally.trials && lean.tally.levels == full.tally.levels, "\(what)")
        // Nothing else is counted: the open cases, the horizon and the weekly counts stay empty.
        #expect(lean.tally.openSums.allSatisfy { $0.value == 0 } && lean.tally.openHistogram.isEmpty, "\(what)")
        #expect(lean.tally.reached.allSatisfy { $0 == 0 } && lean.tally.periodCounts.histograms.allSatisfy { $0 == 0 }, "\(what)")
    }

    static func expectSamePairs(_ a: PairedTally, _ b: PairedTally) {
        #expect(a.both == b.both && a.baseOnly == b.baseOnly && a.variantOnly == b.variantOnly)
        #expect(a.base.levels == b.base.levels && a.variant.levels == b.variant.levels)
    }

    @Test func aRunCountingLevelsKeepsWhatOneCountingEverythingKeeps() throws {
        let base = try SimulationModel(try December.scenario())
        // us-09 off Dec 21–24: the models are alike again from day 40, where some trials rejoin.
        let variant = try SimulationModel(try ScenarioEdit.apply([December.us09Off], to: base.scenario))
        let next = try SimulationModel(try ScenarioEdit.apply(
            [.timeOff(name: "us-10", dates: December.dates("2026-12-28", "2026-12-29"))], to: variant.scenario))
        let days = Array(1...base.dayCount)
        func run(_ model: SimulationModel, from partner: RecordedRun?, _ counting: RecordedRun.Counting, threads: Int) throws -> RecordedRun {
            try RecordedRun(model: model, trials: Self.trials, seed: 11, threads: threads, checkpointDays: days, resumingFrom: partner, counting: counting)
        }
        let (fullBase, leanBase) = (try run(base, from: nil, .everything, threads: 2), try run(base, from: nil, .levels, threads: 1))
        Self.expectSameLevels(leanBase, fullBase, "from day one")
        let (full, lean) = (try run(variant, from: fullBase, .everything, threads: 1), try run(variant, from: leanBase, .levels, threads: 2))
        #expect(lean.startDay == 34 && lean.rejoinedTrials > 0 && lean.replayedAbsence)
        Self.expectSameLevels(lean, full, "resumed")
        let (fullStep, leanStep) = (try run(next, from: full, .everything, threads: 2), try run(next, from: lean, .levels, threads: 2))
        #expect(leanStep.startDay == 41 && leanStep.rejoinedTrials > 0)
        Self.expectSameLevels(leanStep, fullStep, "the next step")
        Self.expectSamePairs(try PairedTally(base: leanBase, variant: lean), try PairedTally(base: fullBase, variant: full))
        Self.expectSamePairs(try PairedTally(base: lean, variant: leanStep), try PairedTally(base: full, variant: fullStep))
        // A run without checkpoints (a cover run) and one that draws its absence (another team) count alike too.
        let covered = try SimulationModel(try ScenarioEdit.apply(
            [.addEngineer(name: "cover", group: "us", country: try PublicHolidays(country: "US"), dates: December.dates("2026-12-21", "2026-12-24"))],
            to: variant.scenario))
        let coverFull = try RecordedRun(model: covered, trials: Self.trials, seed: 11, threads: 2, resumingFrom: full)
        let coverLean = try RecordedRun(model: covered, trials: Self.trials, seed: 11, threads: 1, resumingFrom: lean, counting: .levels)
        #expect(!coverLean.replayedAbsence && coverLean.startDay == 34)
        Self.expectSameLevels(coverLean, coverFull, "cover")
        Self.expectSamePairs(try PairedTally(base: lean, variant: coverLean), try PairedTally(base: full, variant: coverFull))
    }

    /// The level counts of a handful of trials, by hand: per check, how many trials were at each level.
    @Test func theLevelCountsAreTheTrialsAtEachLevelPerCheck() throws {
        let model = try SimulationModel(try December.scenario())
        let (checks, levelCount) = (model.checks.count, model.levelCount)
        var levels = [UInt8](repeating: 0, count: 3 * checks)
        levels[0] = 2                               // trial 0, check 0
        levels[checks + 0] = 2                      // trial 1, check 0
        levels[2 * checks + checks - 1] = UInt8(levelCount - 1)  // trial 2, the last check
        let tally = Tally(model: model, trials: 3, levelsOf: levels)
        var expected = [Int](repeating: 0, count: checks * levelCount)
        for c in 0..<checks { expected[c * levelCount] = 3 }
        expected[0] = 1
        expected[2] = 2
        expected[(checks - 1) * levelCount] = 2
        expected[(checks - 1) * levelCount + levelCount - 1] = 1
        #expect(tally.trials == 3 && tally.levels == expected)
        #expect(Tally(model: model, trials: 0, levelsOf: []).levels.allSatisfy { $0 == 0 })
    }
}
