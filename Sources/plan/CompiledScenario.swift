import Foundation
import Reports
import RunArtifacts
import Scenarios
import Simulation

/// A scenario file read for a run: its bytes (run.json names their SHA-256), the scenario with
/// the files it read, and the model compiled from it. Problems are reported as `ScenarioFile` does.
struct CompiledScenario {
    let path: String
    let bytes: Data
    let loaded: LoadedScenario
    let model: SimulationModel

    init(path: String) throws {
        self.path = path
        bytes = try readFile(path)
        loaded = try ScenarioFile.load(path, text: try text(of: bytes, path: path))
        ScenarioFile.report(loaded.warnings)
        model = try Self.model(of: loaded.scenario, path: path)
    }

    /// `scenario` (read from `path`, or derived from it as an outlook is) compiled for a run.
    static func model(of scenario: Scenario, path: String) throws -> SimulationModel {
        do {
            return try SimulationModel(scenario)
        } catch {
            throw CommandError("\(path): \(error.description)")
        }
    }

    /// What a shard of this scenario records and a merge checks: every file read is read again
    /// for its digest, so that a file changed since it was loaded is not passed off as the same.
    func identity(seed: UInt64, trials: Int, blockSize: Int, outlook: OutlookStart? = nil) throws -> RunIdentity {
        try RunIdentity(
            toolVersion: PlanVersion.current, files: try loaded.files.map { ($0, Array(try readFile($0))) },
            policy: loaded.scenario.policy, seed: seed, trials: trials, blockSize: blockSize, outlook: outlook)
    }
}
