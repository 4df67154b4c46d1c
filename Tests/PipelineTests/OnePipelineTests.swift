import Calendars
import Foundation
import RunArtifacts
import Pipeline
import Scenarios
import Simulation
import Statistics
import Testing

/// `plan simulate` and `plan merge` finish a run through the same tail of `RunPipeline`: the
/// forecast each records (the recorder is called only from the tail) and the files each writes are
/// the same bytes, run.json's `execution` aside, for a scenario whose levels are random.
struct OnePipelineTests {
    /// Two weeks of 3 EMEA and 5 US SEs with sickness, 30 cases a day and 3 resolved per SE-shift:
    /// every check's level is random, so equal files mean equal tallies, not equal constants.
    static func model() throws -> SimulationModel {
        let team = (0..<3).map { SupportEngineer(name: "e\($0)", group: "emea", holidays: .none) }
            + (0..<5).map { SupportEngineer(name: "u\($0)", group: "us", holidays: .none) }
        let scenario = Scenario(
            name: "two-weeks", horizon: try DateRange(first: CivilDate(iso: "2026-12-07")!, last: CivilDate(iso: "2026-12-18")!),
            team: team, sickness: Scenario.Sickness(sickDaysPerYear: 20, meanSpellDays: 3, severityCV: 0.3),
            inflow: Scenario.Inflow(basePerDay: 30), resolvePerShift: 3, initialOpenCases: .fixed(40))
        return try SimulationModel(scenario)
    }

    static let source = RunPipeline.Source(toolVersion: "9.9.9", path: "two-weeks.json", bytes: Array("{}".utf8))
    static let (trials, seed, blockSize) = (2_400, UInt64(11), 200)

    /// A pipeline writing into a new folder under `root`, recording what it is given into `recorded`.
    final class Recorded: @unchecked Sendable { var files: [[OutputFile]] = [] }
    func pipeline(_ root: URL, _ name: String, _ recorded: Recorded) throws -> RunPipeline {
        var pipeline = RunPipeline(directory: try OutputDirectory(path: root.appendingPathComponent(name).path, kind: .run))
        pipeline.html = true
        pipeline.recorder = RunPipeline.Recorder(storePath: "memory") { recorded.files.append($0) }
        return pipeline
    }

    func withoutExecution(_ files: [OutputFile]) throws -> [String: String] {
        var byName = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
        var run = try #require(try JSONSerialization.jsonObject(with: Data(byName["run.json"]!.utf8)) as? [String: Any])
        #expect(run.removeValue(forKey: "execution") != nil)
        byName["run.json"] = String(decoding: try JSONSerialization.data(withJSONObject: run, options: [.sortedKeys]), as: UTF8.self)
        return byName
    }

    @Test func aMergedRunGoesThroughTheSingleRunsTail() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-pipeline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let model = try Self.model()
        let (single, merged) = (Recorded(), Recorded())

        let settings = RunSettings(size: .trials(Self.trials), seed: Self.seed, threads: 2, blockSize: Self.blockSize)
        let one = try pipeline(root, "single", single).simulate(model, settings: settings, source: Self.source)

        let identity = try RunIdentity(
            toolVersion: Self.source.toolVersion, files: [(Self.source.path, Self.source.bytes)], policy: model.scenario.policy,
            seed: Self.seed, trials: Self.trials, blockSize: Self.blockSize)
        let parts = try (1...3).map { index in
            let shard = try Shard(index: index, count: 3)
            let settings = RunSettings(size: .trials(Self.trials), seed: Self.seed, threads: 1, blockSize: Self.blockSize, shard: shard)
            let (tally, started, elapsed) = try RunPipeline.trials(model, settings, path: Self.source.path, progress: .none, interruption: { nil })
            let result = PartialResult(
                identity: identity, shard: shard, blocks: try settings.blocks(trials: Self.trials), tally: tally, threads: 1,
                started: started, elapsedSeconds: elapsed)
            return (path: "part-\(index).json", result: try PartialResult(fileContents: Array(try result.fileContents.utf8), path: "part-\(index).json"))
        }
        let merge = try ShardMerge(parts: parts)
        let tally = try merge.tally(model: model, identity: identity)
        let two = try pipeline(root, "merged", merged).merge(merge, tally: tally, model: model, source: Self.source)

        // Each path reached the tail once, and recorded the same forecast.
        #expect(single.files.count == 1 && merged.files.count == 1)
        let (a, b) = (try withoutExecution(single.files[0]), try withoutExecution(merged.files[0]))
        #expect(a.keys.sorted() == ["checks.csv", "counts.json", "horizon.csv", "levels.csv", "longest_runs.csv", "recommendations.csv", "run.json", "why.csv"])
        #expect(a == b)
        // The levels are random: at some check some level is reached in neither all nor no trial.
        let uncertain = one.output.estimates.checks.flatMap { $0.atLeast.dropFirst().map(\.estimate) }.filter { $0 > 0.01 && $0 < 0.99 }
        #expect(uncertain.count >= 5, "\(one.output.estimates.checks.map { $0.atLeast.map(\.estimate) })")
        // The folders hold the same files, the report page included.
        for name in a.keys where name != "run.json" {
            let x = try String(contentsOf: root.appendingPathComponent("single/\(name)"), encoding: .utf8)
            let y = try String(contentsOf: root.appendingPathComponent("merged/\(name)"), encoding: .utf8)
            #expect(x == y, "\(name)")
        }
        #expect(try String(contentsOf: root.appendingPathComponent("single/report.html"), encoding: .utf8)
            == (try String(contentsOf: root.appendingPathComponent("merged/report.html"), encoding: .utf8)))
        #expect(one.text.hasSuffix("Wrote \(root.appendingPathComponent("single").path)/\n"))
        #expect(two.reportPath == root.appendingPathComponent("merged").path + "/report.html")
    }

    @Test func aSignalBeforeTheFilesStopsTheRunWithNothingWritten() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-pipeline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let recorded = Recorded()
        var stopped = try pipeline(root, "run", recorded)
        stopped.interruption = { SIGTERM }
        let settings = RunSettings(size: .trials(Self.trials), seed: Self.seed, threads: 1, blockSize: Self.blockSize)
        let error = try #require(throws: RunInterrupted.self) { try stopped.simulate(try Self.model(), settings: settings, source: Self.source) }
        #expect(error.signal == SIGTERM && error.recordedIn == nil)
        #expect(recorded.files.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("run").path))
    }
}
