import Foundation
import Scenarios
import Testing
@testable import Simulation

/// The trial kernel against its plain twin (`KernelTwin`), scenario by scenario.
///
/// Each comparison is a z statistic (see `TwinComparison`); a scenario passes when none exceeds
/// the Bonferroni threshold for its number of comparisons, at a family-wise false-alarm risk of
/// 1%. With checks × (levels − 1) proportions and one mean per check, the scenarios make at most
/// December 44 × 8 = 352 comparisons (threshold 4.24), the flu wave 20 × 8 = 160 (4.03), and the
/// every-feature fixture 33 × 8 = 264 (4.17); those where both sides are exactly 0 or 1 drop out,
/// which lowers the threshold a little. The twin is slow, so it runs fewer trials than the engine.
@Suite struct KernelTwinTests {
    enum Case: String, CaseIterable, CustomTestStringConvertible {
        case december, fluWave = "flu-wave", everyFeature = "every-feature"

        var testDescription: String { rawValue }

        func scenario() throws -> Scenario {
            let path = switch self {
            case .december, .fluWave: Self.repository.appendingPathComponent("scenarios/\(rawValue).json").path
            case .everyFeature: Bundle.module.path(forResource: rawValue, ofType: "json", inDirectory: "Fixtures")!
            }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try Scenario.load(text: text, path: path, readFile: { try String(contentsOfFile: $0, encoding: .utf8) }).scenario
        }

        static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static let engineTrials = 40_000
    static let twinTrials = 8_000

    /// Runs the engine on `scenario` and the twin on `twinScenario` (the same unless a test perturbs it).
    static func compare(_ scenario: Scenario, twin twinScenario: Scenario) throws -> TwinComparison {
        let model = try SimulationModel(scenario)
        let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(engineTrials), seed: 2027, threads: 2)).run()
        let estimates = Estimates(model: model, tally: tally)
        let twin = KernelTwin(twinScenario)
        #expect(twin.reportedChecks.map { twin.dates[$0.day] } == estimates.checks.map(\.date))
        let sample = try twin.run(trials: twinTrials, seed: 15)
        return TwinComparison(engine: estimates, tally: tally, twin: sample)
    }

    /// The perturbed twins of `perturbedTwinIsCaught`, each against the engine on the unperturbed scenario.
    enum Perturbation: String, CaseIterable, CustomTestStringConvertible {
        case slowerResolution = "december, resolve_per_shift × 0.9"
        case noEffects = "every-feature, no level effects"

        var testDescription: String { rawValue }
    }

    @Test(arguments: Case.allCases)
    func twinAgreesWithTheEngine(_ testCase: Case) throws {
        let scenario = try testCase.scenario()
        let comparison = try Self.compare(scenario, twin: scenario)
        let largest = comparison.largest
        #expect(comparison.beyondThreshold.isEmpty, "\(comparison.beyondThreshold.map { "\($0.label): z = \($0.z)" })")
    }

    /// The comparison has teeth: a twin that resolves 10% slower, or ignores the contingency
    /// effects, is caught.
    @Test(arguments: Perturbation.allCases)
    func perturbedTwinIsCaught(_ perturbation: Perturbation) throws {
        let scenario: Scenario, perturbed: Scenario
        switch perturbation {
        case .slowerResolution:
            scenario = try Case.december.scenario()
            var slower = scenario
            slower.resolvePerShift *= 0.9
            perturbed = slower
        case .noEffects:
            scenario = try Case.everyFeature.scenario()
            var open = scenario
            open.effects = [:]
            perturbed = open
        }
        let comparison = try Self.compare(scenario, twin: perturbed)
        #expect(!comparison.beyondThreshold.isEmpty, "largest |z| \(abs(comparison.largest.z)) at \(comparison.largest.label), threshold \(comparison.threshold)")
    }
}
