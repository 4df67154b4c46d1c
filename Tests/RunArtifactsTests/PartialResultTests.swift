import CapacityPolicy
import Foundation
import RunFixtures
import Simulation
import Testing
@testable import RunArtifacts

/// The partial result file and the checks of `ShardMerge`, on the two-day run of `TwoDayRun` in
/// three blocks of one trial.
@Suite struct PartialResultTests {
    static let trials = 3

    static func identity(seed: UInt64 = 5, scenario: String = "abc") throws -> RunIdentity {
        try RunIdentity(toolVersion: "9.9.9", files: [("two-days.json", Array(scenario.utf8))], policy: .handbook, seed: seed, trials: trials, blockSize: 1)
    }

    static func part(_ index: Int, of count: Int, identity: RunIdentity? = nil) throws -> PartialResult {
        let identity = try identity ?? Self.identity()
        let model = try SimulationModel(TwoDayRun.scenario())
        let shard = try Shard(index: index, count: count)
        let settings = RunSettings(size: .trials(trials), seed: identity.seed, threads: 1, blockSize: 1, shard: shard)
        let tally = try MonteCarloRun(model: model, settings: settings).run()
        return PartialResult(
            identity: identity, shard: shard, blocks: try settings.blocks(trials: trials), tally: tally, threads: 1,
            started: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)), elapsedSeconds: 0.25)
    }

    static func read(_ text: String, path: String = "p.json") throws(PartialResultError) -> PartialResult {
        try PartialResult(fileContents: Array(text.utf8), path: path)
    }

    /// One line: the fixed header, the digest of the content, the content.
    @Test func fileStartsWithTheHeaderAndReadsBack() throws {
        let part = try Self.part(2, of: 3)
        let text = try part.fileContents
        #expect(text.hasPrefix("{\"format\": \"plan-partial-result\", \"version\": 2, \"sha256\": \""))
        #expect(text.hasSuffix("}}\n") && text.filter { $0 == "\n" }.count == 1)
        let back = try Self.read(text)
        #expect(back.identity == part.identity && back.shard == part.shard)
        #expect(back.shard.firstBlock == 1 && back.shard.endBlock == 2 && back.shard.trials == 1)
        #expect(try back.fileContents == text)
    }

    @Test func truncatedEditedForeignAndOtherFilesAreRefusedNamingTheFile() throws {
        let text = try Self.part(1, of: 3).fileContents
        let bytes = Array(text.utf8)
        for length in [0, 10, 50, 60, 100, bytes.count / 2, bytes.count - 1] {
            let error = #expect(throws: PartialResultError.self) {
                try PartialResult(fileContents: Array(bytes.prefix(length)), path: "parts/1.json")
            }
            #expect(error?.description.hasPrefix("parts/1.json: the file is truncated") == true, "\(length): \(error?.description ?? "")")
        }
        let edited = text.replacingOccurrences(of: "\"seed\":5", with: "\"seed\":6")
        #expect(edited != text)
        #expect((#expect(throws: PartialResultError.self) { try Self.read(edited) })?.description == "p.json: the file was edited or damaged: its content does not match the SHA-256 it was written with")
        let newer = text.replacingOccurrences(of: "\"version\": 2,", with: "\"version\": 3,")
        #expect((#expect(throws: PartialResultError.self) { try Self.read(newer) })?.description.hasPrefix("p.json: a partial result of format version 3; this plan reads version 2 only") == true)
        #expect((#expect(throws: PartialResultError.self) { try Self.read("{\"checks\": []}\n") })?.description.contains("not a partial result of plan") == true)
    }

    /// Any order of the parts gives the same sum, equal to the whole run's tally.
    @Test func mergeAddsEveryShardOnce() throws {
        let model = try SimulationModel(TwoDayRun.scenario())
        let parts = try [3, 1, 2].map { ("p\($0).json", try Self.part($0, of: 3)) }
        let merge = try ShardMerge(parts: parts)
        let tally = try merge.tally(model: model, identity: try Self.identity())
        let whole = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(Self.trials), seed: 5, threads: 1, blockSize: 1)).run()
        #expect(tally.trials == 3 && tally.levels == whole.levels && tally.openHistogram == whole.openHistogram)
        #expect(merge.execution.shards == 3 && merge.execution.threads == 3 && merge.execution.elapsedSeconds == 0.75)
        #expect(merge.execution.started == "2027-01-15T08:00:01Z")
    }

    @Test func mergeRefusesPartsThatDoNotMakeOneRun() throws {
        func refusal(_ parts: [(String, PartialResult)]) -> String? {
            (#expect(throws: PartialResultError.self) { try ShardMerge(parts: parts) })?.description
        }
        let (one, two, three) = (try Self.part(1, of: 3), try Self.part(2, of: 3), try Self.part(3, of: 3))
        #expect(refusal([("a", one), ("b", two), ("c", two)]) == "b and c are both shard 2 of 3; give each shard once")
        #expect(refusal([("a", one), ("c", three)]) == "shard 2 of 3 is missing; a merge needs every shard of the run")
        #expect(refusal([("a", one)]) == "shards 2, 3 of 3 are missing; a merge needs every shard of the run")
        #expect(refusal([("a", one), ("b", try Self.part(2, of: 3, identity: try Self.identity(seed: 6))), ("c", three)])
            == "b is not of the same run as a: seed: 5, 6")
        #expect(refusal([("a", one), ("b", try Self.part(2, of: 3, identity: try Self.identity(scenario: "abd"))), ("c", three)])?
            .hasPrefix("b is not of the same run as a: SHA-256 of two-days.json: ") == true)
        #expect(refusal([("a", one), ("b", try Self.part(2, of: 2))]) == "b is shard 2 of 2, but a is one of 3")
        let misplaced = PartialResult(
            identity: try Self.identity(), shard: try Shard(index: 2, count: 3), blocks: 0..<1, tally: one.tally, threads: 1, started: Date(), elapsedSeconds: 0)
        #expect(refusal([("a", one), ("b", misplaced), ("c", three)]) == "b does not hold the blocks of shard 2 of 3 of a run of 3 trials")
    }

    /// The merge reads the scenario again: it must be the one the shards ran.
    @Test func mergeRefusesAChangedScenario() throws {
        let model = try SimulationModel(TwoDayRun.scenario())
        let merge = try ShardMerge(parts: try (1...3).map { ("p\($0).json", try Self.part($0, of: 3)) })
        let error = #expect(throws: PartialResultError.self) { try merge.tally(model: model, identity: try Self.identity(scenario: "abd")) }
        #expect(error?.description.hasPrefix("the shards were run on other inputs or with another plan than this merge: SHA-256 of two-days.json") == true)
    }
}
