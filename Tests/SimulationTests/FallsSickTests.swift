import Testing
@testable import Simulation
import Scenarios

/// `falls_sick: false` (docs/MODEL.md §3): sickness never takes the SE, and their spells are still
/// drawn, so every other SE's absences are the same draw for draw (common random numbers).
@Suite struct FallsSickTests {
    static let heavy = Scenario.Sickness(dailyStartProbability: 0.2, meanSpellDays: 3, severityCV: 0.5)

    static func tally(_ scenario: Scenario, trials: Int = 400) throws -> Tally {
        try MonteCarloRun(model: SimulationModel(scenario), settings: RunSettings(size: .trials(trials), seed: 11, threads: 2)).run()
    }

    /// Nobody can fall sick: the absence stream is drawn and ignored, and the inflow and work streams
    /// are their own, so every level and headcount equals the run without sickness.
    @Test func aTeamThatCannotFallSickRunsAsWithoutSickness() throws {
        var immune = TestScenarios.december()
        for i in immune.team.indices { immune.team[i].fallsSick = false }
        var calm = TestScenarios.december()
        calm.sickness = .none
        #expect(immune.sickness.dailyStartProbability > 0)
        let (a, b) = (try Self.tally(immune, trials: 100), try Self.tally(calm, trials: 100))
        #expect(a.levels == b.levels)
        #expect(a.headcountHistogram == b.headcountHistogram)
        #expect(a.levels != (try Self.tally(TestScenarios.december(), trials: 100)).levels, "sickness moves some level")
    }

    /// One EMEA SE (the first of the team, so every other SE draws after them) who cannot fall sick
    /// works at every check of every trial; the three US SEs' headcounts are bit-identical to the run
    /// where the EMEA SE can fall sick, and sickness still takes them.
    @Test func theOthersDrawExactlyWhatTheyWouldOtherwise() throws {
        let sickly = TestScenarios.plain(emea: 1, us: 3, days: 10, sickness: Self.heavy)
        var immune = sickly
        immune.team[0].fallsSick = false
        let (a, b) = (try Self.tally(immune), try Self.tally(sickly))
        let stride = a.headcountHistogram.count / (a.checkCount * 2)
        #expect(stride == 4, "the largest group has 3 SEs")
        for c in 0..<a.checkCount {
            let emea = c * 2 * stride, us = (c * 2 + 1) * stride
            #expect(a.headcountHistogram[emea + 1] == 400, "check \(c): the EMEA SE works in every trial")
            #expect(b.headcountHistogram[emea] > 0, "check \(c): without the flag sickness takes them in some trial")
            #expect(Array(a.headcountHistogram[us..<(us + stride)]) == Array(b.headcountHistogram[us..<(us + stride)]), "check \(c)")
            #expect(a.headcountHistogram[us + 3] < 400, "check \(c): sickness still takes US SEs")
        }
    }

    /// The paired-run shortcut sees the flag from the SE's first scheduled day, and no sooner than
    /// the schedule allows: here day 0.
    @Test func theFlagDivergesFromTheFirstScheduledDay() throws {
        let sickly = TestScenarios.plain(emea: 1, us: 3, days: 10, sickness: Self.heavy)
        var immune = sickly
        immune.team[0].fallsSick = false
        let (a, b) = (try SimulationModel(immune), try SimulationModel(sickly))
        #expect(b.firstDayDiffering(from: b) == b.dayCount)
        #expect(a.firstDayDiffering(from: b) == 0)
    }
}
