import Foundation
import RunFixtures
import Testing
import Simulation
@testable import RunArtifacts

@Suite struct RunRecordTests {
    func runJSON() throws -> [String: Any] {
        let text = try TwoDayRun.output().record.json
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func namesTheInputsAndTheSettings() throws {
        let run = try runJSON()
        let tool = try #require(run["tool"] as? [String: Any])
        #expect(tool["version"] as? String == "9.9.9")
        let scenario = try #require(run["scenario"] as? [String: Any])
        #expect(scenario["name"] as? String == "two-days")
        #expect(scenario["path"] as? String == "two-days.json")
        #expect(scenario["sha256"] as? String == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(scenario["checks"] as? Int == 4)
        #expect(scenario["check_days"] as? [String] == ["Mon", "Tue", "Wed", "Thu", "Fri"])
        let sampling = try #require(run["sampling"] as? [String: Any])
        #expect(sampling["seed"] as? Int == 5)
        #expect(sampling["trials"] as? Int == 3)
        #expect(sampling["block_size"] as? Int == 1000)
        #expect(sampling["generator"] as? String == "taus2")
        #expect(sampling["precision_target"] == nil)
        let policy = try #require(run["policy"] as? [String: Any])
        #expect(policy["source"] as? String == "built-in")
        #expect(policy["reading"] as? String == "first-level")
        #expect(policy["planning_risk"] as? Double == 0.1)
        #expect(policy["recommendation_threshold"] as? Double == 0.25)
        let assumptions = try #require(run["assumptions"] as? [String: Any])
        #expect(assumptions["loop"] as? String == "open")
        #expect(assumptions["summary"] as? [String] == [
            "Sickness: none.",
            "Inflow: 0 cases a day; Poisson.",
            "Work: each SE resolves 0 cases a shift on average; 40 open cases at the start of the horizon.",
            "Effects: none; levels are declared but change nothing (open loop).",
        ])
    }

    /// Threads, start time, elapsed time and speed are kept apart, in `execution`: nothing else
    /// in the output depends on them.
    @Test func machineDependentFactsAreOnlyInExecution() throws {
        let run = try runJSON()
        #expect(Set(run.keys) == ["tool", "scenario", "policy", "assumptions", "sampling", "execution"])
        let execution = try #require(run["execution"] as? [String: Any])
        #expect(execution["threads"] as? Int == 1)
        #expect(execution["started"] as? String == "2027-01-15T08:00:00Z")
        #expect(execution["elapsed_seconds"] as? Double == 0.5)
        #expect(execution["trials_per_second"] as? Double == 6)
    }

    @Test func precisionRunsRecordTheirTarget() throws {
        let estimates = try TwoDayRun.estimates()
        let record = RunRecord(
            toolVersion: "1", scenarioPath: "s.json", scenarioBytes: [], estimates: estimates,
            settings: .init(size: .precision(0.01, maximumTrials: 5000), seed: 1, threads: 2), started: Date(), elapsedSeconds: 1)
        #expect(record.sampling.precisionTarget == 0.01)
        #expect(record.sampling.maximumTrials == 5000)
    }

    @Test func closedLoopScenariosListTheirEffects() throws {
        var scenario = TwoDayRun.scenario()
        scenario.effects = [4: .init(extraResolutionsPerDay: 3), 3: .init(capacityMultiplier: 1.1)]
        let model = try SimulationModel(scenario)
        let summary = AssumptionSummary(model).sentences
        #expect(summary.last == "Effects (closed loop): level 3 capacity ×1.1; level 4 +3 resolutions a day.")
    }
}
