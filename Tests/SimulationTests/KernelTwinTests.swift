import Calendars
import Foundation
import Scenarios
import Testing
import Simulation

/// The trial kernel against its plain twin (`KernelTwin`), scenario by scenario.
///
/// Each comparison is a z statistic (see `TwinComparison`); a scenario passes when none exceeds
/// the Bonferroni threshold for its number of comparisons, at a family-wise false-alarm risk of
/// 1%. With checks × (levels − 1) proportions and one mean per check, the scenarios make at most
/// December 44 × 8 = 352 comparisons (threshold 4.19), the flu wave 20 × 8 = 160 (4.00), the
/// every-feature fixture 33 × 8 = 264 (4.12), and the December outlook from a 07:00 count with two
/// SEs out until further notice 18 × 8 = 144 (3.97). Those where both sides are exactly 0 or 1 drop out
/// (P(level ≥ 2) is 1 wherever at most 8 US SEs are scheduled; the top levels are never reached),
/// which lowers the threshold: with the seeds below, 190 comparisons remain for December (4.04),
/// 68 for the flu wave (3.80) and 129 for the fixture (3.95). The twin is slow, so it runs fewer
/// trials than the engine; the two-sample statistics allow for that. The flu wave is run again with
/// every other SE unable to fall sick (`falls_sick: false`), the checks of the flu wave.
@Suite struct KernelTwinTests {
    enum Case: String, CaseIterable, CustomTestStringConvertible {
        case december, fluWave = "flu-wave", everyFeature = "every-feature", outlook = "december-outlook"
        /// The flu wave with every other SE unable to fall sick (`falls_sick: false`).
        case halfImmune = "flu-wave, every other SE falls_sick false"
        /// December with leave not yet booked on 20 November (`KernelTwinTests.withUnbookedLeave`).
        case unbookedLeave = "december, unbooked leave as of 2026-11-20"
        /// December with heavy attrition (90% and 95% a year, 3 days' notice in EMEA) and four
        /// hires joining on 7 December ramping over 2 weeks from 25%, two of them counted only
        /// once ramped: a tenth of the team leaves within the month.
        case attrition = "december, attrition and ramping hires"

        var testDescription: String { rawValue }

        func scenario() throws -> Scenario {
            let path = switch self {
            case .december, .fluWave, .outlook, .halfImmune, .unbookedLeave, .attrition:
                Self.repository.appendingPathComponent("scenarios/\(self == .outlook || self == .unbookedLeave || self == .attrition ? "december" : self == .halfImmune ? "flu-wave" : rawValue).json").path
            case .everyFeature: Bundle.module.path(forResource: rawValue, ofType: "json", inDirectory: "Fixtures")!
            }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var scenario = try Scenario.load(text: text, path: path, readFile: { try String(contentsOfFile: $0, encoding: .utf8) }).scenario
            if self == .halfImmune { for i in scenario.team.indices where i % 2 == 0 { scenario.team[i].fallsSick = false } }
            if self == .unbookedLeave { KernelTwinTests.addUnbookedLeave(to: &scenario) }
            if self == .attrition { Self.addAttrition(to: &scenario) }
            guard self == .outlook else { return scenario }
            // Monday 14 December from 60 cases counted at 07:00, us-01 and us-02 out until further notice.
            return try scenario.outlook(from: CivilDate(year: 2026, month: 12, day: 14)!, days: 12, openCases: 60, openCasesAt: 7 * 60,
                                    absences: [KnownAbsence(name: "us-01", until: nil), KnownAbsence(name: "us-02", until: nil)]).scenario
        }

        static func addAttrition(to scenario: inout Scenario) {
            scenario.attrition = ["emea": .init(ratePerYear: 0.9, noticeDays: 3), "us": .init(ratePerYear: 0.95)]
            for (i, group) in ["emea", "us", "emea", "us"].enumerated() {
                var hire = scenario.team.first { $0.group == group }!
                hire.name = "hire \(i)"
                hire.joins = CivilDate(year: 2026, month: 12, day: 7)
                hire.ramp = Ramp(weeks: 2, startFraction: 0.25, countsInHeadcount: i < 2)
                scenario.team.append(hire)
            }
        }

        static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// December (simulated from 17 November) with leave booked after 20 November: 30 days a year
    /// in spells of 4 days on average, twice as likely in December, booked 0–6 days ahead (30%),
    /// 7–30 (40%) or 31–120 (30%); us-01 takes 60 days a year. Enough leave to move the levels.
    static func addUnbookedLeave(to scenario: inout Scenario) {
        scenario.asOf = CivilDate(year: 2026, month: 11, day: 20)!
        scenario.unbookedLeave = Scenario.UnbookedLeave(
            daysPerYear: 30, meanSpellDays: 4, monthFactors: [12: 2],
            leadTime: [.init(upTo: 6, share: 0.3), .init(upTo: 30, share: 0.4), .init(upTo: 120, share: 0.3)])
        scenario.team[scenario.team.firstIndex { $0.name == "us-01" }!].leaveDaysPerYear = 60
    }

    static let engineTrials = 40_000
    static let twinTrials = 8_000

    /// Runs the engine on `scenario` and the twin on `twinScenario` (the same unless a test perturbs it).
    static func compare(_ scenario: Scenario, twin twinScenario: Scenario) throws -> TwinComparison {
        let model = try SimulationModel(scenario)
        let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(engineTrials), seed: 2027, threads: 2)).run()
        let estimates = Estimates(model: model, tally: tally)
        let twin = KernelTwin(twinScenario)
        let windows = twinScenario.windows.sorted { $0.checkMinute < $1.checkMinute }.map(\.name)
        #expect(twin.reportedChecks.map { "\(twin.dates[$0.day]) \(windows[$0.window])" } == estimates.checks.map { "\($0.date) \($0.window)" })
        let sample = try twin.run(trials: twinTrials, seed: 15)
        return TwinComparison(engine: estimates, tally: tally, twin: sample)
    }

    /// Small mistakes a twin (or a kernel) could make, each tried against the engine on the scenario as written.
    enum Perturbation: String, CaseIterable, CustomTestStringConvertible {
        case slowerResolution = "december, resolve_per_shift × 0.97"
        case noDiversion = "every-feature, diverted shares 0"
        case nightCountedTwice = "december-outlook, the count taken as at 17:30 the day before"
        case backAtOnce = "december-outlook, nobody out until further notice"
        case leaveAllUnbooked = "december with unbooked leave, every lead time 0 (all of it unbooked)"
        case noAttrition = "december with attrition, the twin without it"

        var testDescription: String { rawValue }

        var base: Case {
            switch self {
            case .slowerResolution: .december
            case .noDiversion: .everyFeature
            case .nightCountedTwice, .backAtOnce: .outlook
            case .leaveAllUnbooked: .unbookedLeave
            case .noAttrition: .attrition
            }
        }

        func apply(to scenario: inout Scenario) {
            switch self {
            case .slowerResolution: scenario.resolvePerShift *= 0.97
            case .noDiversion: for level in scenario.effects.keys { scenario.effects[level]!.divertedShare = 0 }
            case .nightCountedTwice: scenario.openCasesAt = nil
            case .backAtOnce: scenario.sickAtStart = []
            case .leaveAllUnbooked: scenario.unbookedLeave!.leadTime = [.init(upTo: 0, share: 1)]
            case .noAttrition: scenario.attrition = [:]
            }
        }
    }

    @Test(arguments: Case.allCases)
    func twinAgreesWithTheEngine(_ testCase: Case) throws {
        let scenario = try testCase.scenario()
        let comparison = try Self.compare(scenario, twin: scenario)
        #expect(comparison.statistics.count >= 50, "too few comparisons to mean anything")
        #expect(comparison.beyondThreshold.isEmpty,
                "beyond |z| \(comparison.threshold): \(comparison.beyondThreshold.map { "\($0.label): z = \($0.z)" })")
    }

    /// The comparison has teeth: a twin that resolves 3% slower, or ignores diversion (which only
    /// levels 5–7 of the fixture invoke), is caught.
    @Test(arguments: Perturbation.allCases)
    func perturbedTwinIsCaught(_ perturbation: Perturbation) throws {
        let scenario = try perturbation.base.scenario()
        var perturbed = scenario
        perturbation.apply(to: &perturbed)
        let comparison = try Self.compare(scenario, twin: perturbed)
        #expect(!comparison.beyondThreshold.isEmpty, "largest |z| \(abs(comparison.largest.z)) at \(comparison.largest.label), threshold \(comparison.threshold)")
    }
}
