import Calendars
import CapacityPolicy
import Foundation
import Scenarios
import Testing
@testable import Simulation
@testable import WhatIf

/// A variant resumed from its base's checkpoints gives, bit for bit, what it gives from day one:
/// for every kind of edit, in a paired run (compare, whatif) and in a recorded run (approve).
@Suite struct CheckpointTests {
    static let trials = 1_500

    /// The edits, and the first simulated day each can change (December simulates 14 warm-up days
    /// from 2026-11-17, so 2026-12-01 is day 14).
    static let edits: [(name: String, edits: [ScenarioEdit], firstDay: Int)] = [
        ("time off", [December.us09Off], 34),
        ("two time offs", [December.us09Off, .timeOff(name: "emea-nl", dates: December.dates("2026-12-09", "2026-12-10"))], 22),
        ("added SE from Dec 14", [.addEngineer(name: "cover", group: "us", country: try! PublicHolidays(country: "US"), dates: December.dates("2026-12-14", "2026-12-31"))], 27),
        ("removed SE", [.removeEngineer(name: "us-11")], 0),
        ("removed SE in the middle", [.removeEngineer(name: "us-05")], 0),
        ("inflow", [.inflowFactor(1.05)], 0),
        ("nothing", [.timeOff(name: "us-09", dates: December.dates("2026-12-19", "2026-12-20"))], 45),
    ]

    static func policyEdit(_ base: Scenario) -> [ScenarioEdit] {
        var policy = base.policy
        policy.reading = policy.reading == .literal ? .firstLevel : .literal
        return [.policy(policy, source: "literal reading")]
    }

    static func models(_ edits: [ScenarioEdit]) throws -> (SimulationModel, SimulationModel) {
        let base = try December.scenario()
        return (try SimulationModel(base), try SimulationModel(try ScenarioEdit.apply(edits, to: base)))
    }

    static func encoded(_ tally: Tally) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(tally)
    }

    @Test(arguments: edits.indices)
    func theFirstDifferingDayIsWhereTheEditBegins(index: Int) throws {
        let (base, variant) = try Self.models(Self.edits[index].edits)
        #expect(variant.firstDayDiffering(from: base) == Self.edits[index].firstDay, "\(Self.edits[index].name)")
        #expect(base.firstDayDiffering(from: base) == base.dayCount)
        let policy = try SimulationModel(try ScenarioEdit.apply(Self.policyEdit(base.scenario), to: base.scenario))
        #expect(policy.firstDayDiffering(from: base) == 0)
    }

    /// A paired run resumes the variant at its first differing day; its counts equal two runs recorded from day one.
    @Test(arguments: edits.indices)
    func aPairedRunResumedEqualsOneFromDayOne(index: Int) throws {
        let (base, variant) = try Self.models(Self.edits[index].edits)
        let paired = try PairedRun(base: base, variant: variant, trials: Self.trials, seed: 3, threads: 2).run()
        let fromDayOne = try PairedTally(
            base: try RecordedRun(model: base, trials: Self.trials, seed: 3, threads: 1),
            variant: try RecordedRun(model: variant, trials: Self.trials, seed: 3, threads: 2))
        #expect(paired.both == fromDayOne.both && paired.baseOnly == fromDayOne.baseOnly && paired.variantOnly == fromDayOne.variantOnly)
        #expect(try Self.encoded(paired.variant) == Self.encoded(fromDayOne.variant))
        #expect(try Self.encoded(paired.base) == Self.encoded(fromDayOne.base))
    }

    /// An SE who cannot fall sick (`falls_sick: false`), added from Dec 14 as cover is: the variant
    /// first differs on day 27, and the paired run resumed there equals two runs from day one.
    @Test func aPairedRunWithCoverThatCannotFallSickEqualsOneFromDayOne() throws {
        let added = ScenarioEdit.addEngineer(name: "cover", group: "us", country: try PublicHolidays(country: "US"), dates: December.dates("2026-12-14", "2026-12-31"))
        let base = try SimulationModel(try December.scenario())
        var scenario = try ScenarioEdit.apply([added], to: base.scenario)
        scenario.team[scenario.team.count - 1].fallsSick = false
        let variant = try SimulationModel(scenario)
        #expect(variant.firstDayDiffering(from: base) == 27)
        let paired = try PairedRun(base: base, variant: variant, trials: 600, seed: 3, threads: 2).run()
        let plain = try MonteCarloRun(model: variant, settings: RunSettings(size: .trials(600), seed: 3, threads: 1)).run()
        #expect(try Self.encoded(paired.variant) == Self.encoded(plain))
    }

    @Test func aPairedRunWithAPolicyEditEqualsOneFromDayOne() throws {
        let base = try SimulationModel(try December.scenario())
        let variant = try SimulationModel(try ScenarioEdit.apply(Self.policyEdit(base.scenario), to: base.scenario))
        let paired = try PairedRun(base: base, variant: variant, trials: 600, seed: 3, threads: 2).run()
        let plain = try MonteCarloRun(model: variant, settings: RunSettings(size: .trials(600), seed: 3, threads: 1)).run()
        #expect(try Self.encoded(paired.variant) == Self.encoded(plain))
    }

    /// A recorded run resumed from a partner's checkpoints keeps the same levels, tally and
    /// checkpoints as one from day one, whichever checkpoint it starts from; the checkpoints
    /// before its start are copied from the partner's.
    @Test(arguments: edits.indices)
    func aRecordedRunResumedEqualsOneFromDayOne(index: Int) throws {
        let (base, variant) = try Self.models(Self.edits[index].edits)
        let days = [1, 20, 27, 34, 40, base.dayCount]
        let partner = try RecordedRun(model: base, trials: Self.trials, seed: 9, threads: 2, checkpointDays: days)
        let resumed = try RecordedRun(model: variant, trials: Self.trials, seed: 9, threads: 2, checkpointDays: days, resumingFrom: partner)
        let fromDayOne = try RecordedRun(model: variant, trials: Self.trials, seed: 9, threads: 1, checkpointDays: days)
        let first = Self.edits[index].firstDay
        #expect(resumed.startDay == (days.last { $0 <= first } ?? 0), "\(Self.edits[index].name)")
        #expect(fromDayOne.startDay == 0)
        #expect(resumed.levels == fromDayOne.levels)
        #expect(resumed.checkpoints == fromDayOne.checkpoints)
        #expect(try Self.encoded(resumed.tally) == Self.encoded(fromDayOne.tally))
        // The variant does change something when it should.
        if first < base.dayCount { #expect(resumed.levels != partner.levels) }
    }

    /// A partner that lacks one of the run's own checkpoint days before its start cannot lend the
    /// states there: the run starts at the latest day it can, or from day one.
    @Test func aRunStartsOnlyWhereThePartnerHoldsItsEarlierCheckpoints() throws {
        let (base, variant) = try Self.models([December.us09Off])
        let partner = try RecordedRun(model: base, trials: 200, seed: 9, threads: 1, checkpointDays: [20, 34])
        let resumed = try RecordedRun(model: variant, trials: 200, seed: 9, threads: 1, checkpointDays: [25], resumingFrom: partner)
        #expect(resumed.startDay == 20)
        let noPartnerDays = try RecordedRun(model: variant, trials: 200, seed: 9, threads: 1, checkpointDays: [10], resumingFrom: partner)
        #expect(noPartnerDays.startDay == 0)
        let otherSeed = try RecordedRun(model: variant, trials: 200, seed: 8, threads: 1, resumingFrom: partner)
        #expect(otherSeed.startDay == 0)
        let plain = try RecordedRun(model: variant, trials: 200, seed: 9, threads: 1, checkpointDays: [25])
        #expect(resumed.levels == plain.levels && resumed.checkpoints == plain.checkpoints)
        #expect(try Self.encoded(resumed.tally) == Self.encoded(plain.tally))
    }

    /// The day from which each edit's model does what the base does (`rejoinDay`): the day after
    /// the shifts of its last changed day reach (us-09's time off ends on Dec 24, day 37, whose
    /// shifts reach day 39), never for a change that lasts to the end, from day one for none.
    static let alike: [(name: String, edits: [ScenarioEdit], day: Int)] = [
        ("time off", [December.us09Off], 40),
        ("two time offs", [December.us09Off, .timeOff(name: "emea-nl", dates: December.dates("2026-12-09", "2026-12-10"))], 40),
        ("cover Dec 21–24", [.addEngineer(name: "cover", group: "us", country: try! PublicHolidays(country: "US"), dates: December.dates("2026-12-21", "2026-12-24"))], 40),
        ("added SE to the end", [.addEngineer(name: "cover", group: "us", country: try! PublicHolidays(country: "US"), dates: December.dates("2026-12-14", "2026-12-31"))], 45),
        ("removed SE", [.removeEngineer(name: "us-11")], 45),
        ("inflow", [.inflowFactor(1.05)], 45),
        ("nothing", [.timeOff(name: "us-09", dates: December.dates("2026-12-19", "2026-12-20"))], 0),
    ]

    @Test(arguments: alike.indices)
    func theModelsAreAlikeFromTheDayAfterTheEditReaches(index: Int) throws {
        let (base, variant) = try Self.models(Self.alike[index].edits)
        #expect(variant.rejoinDay(with: base) == Self.alike[index].day, "\(Self.alike[index].name)")
        #expect(base.rejoinDay(with: base) == 0)
        let policy = try SimulationModel(try ScenarioEdit.apply(Self.policyEdit(base.scenario), to: base.scenario))
        #expect(policy.rejoinDay(with: base) == base.dayCount)
    }

    /// A resumed trial that stands where its partner's stood at a checkpoint day from which the
    /// models are alike stops there and takes the partner's later checks and states: levels, open
    /// cases, checkpoints and tally equal a run from day one, and so do those of a run resumed in
    /// turn from it (as `plan approve`'s next step is). Some trials rejoin and some do not.
    @Test(arguments: [0, 2])
    func trialsThatRejoinTheirPartnersEqualOnesFromDayOne(index: Int) throws {
        let (base, variant) = try Self.models(Self.alike[index].edits)
        let days = Array(1...base.dayCount)
        let partner = try RecordedRun(model: base, trials: Self.trials, seed: 9, threads: 2, checkpointDays: days)
        let resumed = try RecordedRun(model: variant, trials: Self.trials, seed: 9, threads: 2, checkpointDays: days, resumingFrom: partner)
        let fromDayOne = try RecordedRun(model: variant, trials: Self.trials, seed: 9, threads: 1, checkpointDays: days)
        #expect(resumed.rejoinedTrials > 0 && resumed.rejoinedTrials < Self.trials, "\(resumed.rejoinedTrials) rejoined")
        #expect(resumed.levels == fromDayOne.levels)
        #expect(resumed.open == fromDayOne.open)
        #expect(resumed.checkpoints == fromDayOne.checkpoints)
        #expect(try Self.encoded(resumed.tally) == Self.encoded(fromDayOne.tally))

        let next = try SimulationModel(try ScenarioEdit.apply([.timeOff(name: "us-10", dates: December.dates("2026-12-28", "2026-12-29"))], to: variant.scenario))
        let step = try RecordedRun(model: next, trials: Self.trials, seed: 9, threads: 2, checkpointDays: days, resumingFrom: resumed)
        let stepFromDayOne = try RecordedRun(model: next, trials: Self.trials, seed: 9, threads: 1, checkpointDays: days)
        #expect(step.startDay == 41 && step.rejoinedTrials > 0)
        #expect(step.levels == stepFromDayOne.levels && step.open == stepFromDayOne.open && step.checkpoints == stepFromDayOne.checkpoints)
        #expect(try Self.encoded(step.tally) == Self.encoded(stepFromDayOne.tally))
    }

    /// A resumed trial that stands a few cases above its partner's at a checkpoint day from which
    /// the models are alike, at the same level and generator states, follows the partner's days
    /// with those cases added until the partner's queue empties or the policy gives it another
    /// level, and goes on from the partner's checkpoint before: levels, open cases, checkpoints,
    /// emptied days and tally equal a run from day one, at `plan approve`'s sparse checkpoint
    /// days, and so do those of a run resumed in turn from it. Some trials follow and some rejoin.
    @Test func trialsThatFollowTheirPartnersAboveThemEqualOnesFromDayOne() throws {
        let (base, variant) = try Self.models([.timeOff(name: "us-10", dates: December.dates("2026-12-02", "2026-12-04"))])
        let days = [15, 20, 22, 23, 27, 30, 35, 41, 42, base.dayCount]
        for counting in [RecordedRun.Counting.everything, .levels] {
            let partner = try RecordedRun(model: base, trials: Self.trials, seed: 9, threads: 2, checkpointDays: days, counting: counting)
            let resumed = try RecordedRun(model: variant, trials: Self.trials, seed: 9, threads: 2, checkpointDays: days, resumingFrom: partner, counting: counting)
            let fromDayOne = try RecordedRun(model: variant, trials: Self.trials, seed: 9, threads: 1, checkpointDays: days, counting: counting)
            #expect(resumed.startDay == 15 && resumed.followedTrials > 0 && resumed.rejoinedTrials > 0, "\(resumed.followedTrials) followed")
            #expect(resumed.levels == fromDayOne.levels && resumed.open == fromDayOne.open && resumed.checkpoints == fromDayOne.checkpoints)
            #expect(resumed.emptied == fromDayOne.emptied && resumed.emptied.contains { $0 != 0 })
            #expect(try Self.encoded(resumed.tally) == Self.encoded(fromDayOne.tally))

            let next = try SimulationModel(try ScenarioEdit.apply([.timeOff(name: "us-11", dates: December.dates("2026-12-07", "2026-12-09"))], to: variant.scenario))
            let step = try RecordedRun(model: next, trials: Self.trials, seed: 9, threads: 2, checkpointDays: days, resumingFrom: resumed, counting: counting)
            let stepFromDayOne = try RecordedRun(model: next, trials: Self.trials, seed: 9, threads: 1, checkpointDays: days, counting: counting)
            #expect(step.startDay == 20 && step.followedTrials > 0)
            #expect(step.levels == stepFromDayOne.levels && step.open == stepFromDayOne.open && step.checkpoints == stepFromDayOne.checkpoints)
            #expect(step.emptied == stepFromDayOne.emptied)
            #expect(try Self.encoded(step.tally) == Self.encoded(stepFromDayOne.tally))
        }
    }

    /// The checkpoint carries the trial's demand shock, so that a resumed trial draws neither it
    /// nor the starting backlog again: with a Poisson starting backlog and a dispersed inflow as
    /// well as December's demand CV and spikes, a run resumed from two days equals one from day
    /// one, and each trial's checkpoints hold the one shock the trial drew.
    @Test func theCheckpointCarriesTheDemandShock() throws {
        var scenario = try December.scenario()
        scenario.initialOpenCases = .poissonMean(45)
        scenario.inflow.dispersion = 20
        let base = try SimulationModel(scenario)
        let variant = try SimulationModel(try ScenarioEdit.apply([December.us09Off], to: scenario))
        let days = [20, 34]
        let partner = try RecordedRun(model: base, trials: 400, seed: 4, threads: 2, checkpointDays: days)
        let resumed = try RecordedRun(model: variant, trials: 400, seed: 4, threads: 2, checkpointDays: days, resumingFrom: partner)
        let fromDayOne = try RecordedRun(model: variant, trials: 400, seed: 4, threads: 1, checkpointDays: days)
        #expect(resumed.startDay == 34)
        #expect(resumed.levels == fromDayOne.levels && resumed.checkpoints == fromDayOne.checkpoints)
        #expect(try Self.encoded(resumed.tally) == Self.encoded(fromDayOne.tally))
        let shocks = stride(from: 0, to: partner.checkpoints.count, by: 2).map { partner.checkpoints[$0].demand }
        #expect((0..<400).allSatisfy { partner.checkpoints[2 * $0 + 1].demand == shocks[$0] })
        #expect(Set(shocks).count == 400)
        // Gamma with mean 1 and CV 0.15 (December's): the mean of 400 shocks within 4 standard errors.
        let mean: Double = shocks.reduce(0, +) / 400
        let standardError: Double = 0.15 / 20
        #expect(abs(mean - 1) < 4 * standardError)
    }

    /// December with unbooked leave booked after 20 November (30 days a year in spells of 4,
    /// us-09 60) and heavy attrition (90% and 95% a year, 3 days' notice in EMEA), so that every
    /// kind of absence event occurs: the twin's scenarios (`KernelTwinTests`).
    static func leaveAndAttrition() throws -> Scenario {
        var scenario = try December.scenario()
        scenario.asOf = December.date("2026-11-20")
        scenario.unbookedLeave = Scenario.UnbookedLeave(
            daysPerYear: 30, meanSpellDays: 4, monthFactors: [12: 2],
            leadTime: [.init(upTo: 6, share: 0.3), .init(upTo: 30, share: 0.4), .init(upTo: 120, share: 0.3)])
        scenario.team[scenario.team.firstIndex { $0.name == "us-09" }!].leaveDaysPerYear = 60
        scenario.attrition = ["emea": .init(ratePerYear: 0.9, noticeDays: 3), "us": .init(ratePerYear: 0.95)]
        return scenario
    }

    /// A resumed trial replays the absence events its partner's trial drew instead of drawing
    /// them, with unbooked leave and attrition as well as sickness: the events recorded are the
    /// ones the variant draws from day one, and its levels, open cases, checkpoints and tally
    /// (and those of a paired run) equal a run from day one, for time off, for time off of an SE
    /// out sick at the start, and for a step resumed from the resumed run. Every kind of event
    /// occurs; a change to the leave rates is drawn again, not replayed, with the same result.
    @Test func aResumedTrialReplaysItsPartnersAbsence() throws {
        var scenario = try Self.leaveAndAttrition()
        let base = try SimulationModel(scenario)
        let variant = try SimulationModel(try ScenarioEdit.apply([December.us09Off], to: scenario))
        #expect(variant.drawsAbsenceAlike(base))
        let days = [1, 20, 34, 40]
        let partner = try RecordedRun(model: base, trials: 500, seed: 5, threads: 2, checkpointDays: days)
        let kinds = Set(partner.absence.map(\.kind))
        #expect(kinds == [.departure, .leave, .sickness])
        #expect(partner.absenceStarts.count == 501 && partner.absenceStarts.last == partner.absence.count)
        let resumed = try RecordedRun(model: variant, trials: 500, seed: 5, threads: 2, checkpointDays: days, resumingFrom: partner)
        let fromDayOne = try RecordedRun(model: variant, trials: 500, seed: 5, threads: 1, checkpointDays: days)
        #expect(resumed.startDay == 34 && resumed.replayedAbsence && !fromDayOne.replayedAbsence)
        #expect(fromDayOne.absence == resumed.absence && fromDayOne.absenceStarts == resumed.absenceStarts)
        #expect(resumed.levels == fromDayOne.levels && resumed.open == fromDayOne.open && resumed.checkpoints == fromDayOne.checkpoints)
        #expect(try Self.encoded(resumed.tally) == Self.encoded(fromDayOne.tally))
        #expect(resumed.levels != partner.levels)

        let paired = try PairedRun(base: base, variant: variant, trials: 500, seed: 5, threads: 2).run()
        let pairedFromDayOne = try PairedTally(base: partner, variant: fromDayOne)
        #expect(paired.both == pairedFromDayOne.both && paired.baseOnly == pairedFromDayOne.baseOnly && paired.variantOnly == pairedFromDayOne.variantOnly)
        #expect(try Self.encoded(paired.variant) == Self.encoded(fromDayOne.tally))

        let next = try SimulationModel(try ScenarioEdit.apply([.timeOff(name: "us-10", dates: December.dates("2026-12-22", "2026-12-29"))], to: variant.scenario))
        let step = try RecordedRun(model: next, trials: 500, seed: 5, threads: 2, checkpointDays: days, resumingFrom: resumed)
        let stepFromDayOne = try RecordedRun(model: next, trials: 500, seed: 5, threads: 1, checkpointDays: days)
        #expect(step.startDay == 34 && step.replayedAbsence)
        #expect(step.levels == stepFromDayOne.levels && step.checkpoints == stepFromDayOne.checkpoints)
        #expect(try Self.encoded(step.tally) == Self.encoded(stepFromDayOne.tally))

        // us-09 out sick from the start: their time off meets a spell the draws began on the first reported day.
        scenario.sickAtStart = [scenario.team.firstIndex { $0.name == "us-09" }!]
        let sickBase = try SimulationModel(scenario)
        let sickVariant = try SimulationModel(try ScenarioEdit.apply([December.us09Off], to: scenario))
        #expect(sickVariant.drawsAbsenceAlike(sickBase) && !sickVariant.drawsAbsenceAlike(base))
        let sickPartner = try RecordedRun(model: sickBase, trials: 300, seed: 5, threads: 2, checkpointDays: days)
        let sickResumed = try RecordedRun(model: sickVariant, trials: 300, seed: 5, threads: 2, checkpointDays: days, resumingFrom: sickPartner)
        let sickFromDayOne = try RecordedRun(model: sickVariant, trials: 300, seed: 5, threads: 1, checkpointDays: days)
        #expect(sickResumed.replayedAbsence && sickResumed.levels == sickFromDayOne.levels && sickResumed.checkpoints == sickFromDayOne.checkpoints)
        #expect(try Self.encoded(sickResumed.tally) == Self.encoded(sickFromDayOne.tally))

        // Other leave rates draw other spells: the run draws them anew.
        var moreLeave = try Self.leaveAndAttrition()
        moreLeave.team[moreLeave.team.firstIndex { $0.name == "us-11" }!].leaveDaysPerYear = 90
        let rated = try SimulationModel(moreLeave)
        #expect(!rated.drawsAbsenceAlike(base))
        let drawn = try RecordedRun(model: rated, trials: 500, seed: 5, threads: 2, checkpointDays: days, resumingFrom: partner)
        let drawnFromDayOne = try RecordedRun(model: rated, trials: 500, seed: 5, threads: 1, checkpointDays: days)
        #expect(drawn.startDay == 1 && !drawn.replayedAbsence && drawn.levels == drawnFromDayOne.levels && drawn.absence == drawnFromDayOne.absence)
    }
}
