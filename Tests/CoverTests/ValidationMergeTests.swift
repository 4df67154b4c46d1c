import Calendars
import Foundation
import RunArtifacts
import Scenarios
import Simulation
import Testing
import WhatIf

@testable import Cover

/// A merge of validation shards stands for the validation runs of the plans the shards validated:
/// the plan then reads the shards' tallies instead of simulating those plans again.
@Suite struct ValidationMergeTests {
    static let step = Scenario.Inflow.Period(dates: DateRange(HirePlanTests.date("2027-03-15")...HirePlanTests.date("2027-04-30")), factor: 1.5)
    static let scenario = HirePlanTests.scenario(basePerDay: 30, periods: [step])
    static let through = HirePlanTests.date("2027-04-30")
    static let hiring = HireProblem.Settings(leadWeeks: 2, ramp: Ramp(weeks: 4, startFraction: 0.5), maxPerMonth: 3)

    static func settings(validationSeed: UInt64) -> CoverPlan.Settings {
        CoverPlan.Settings(trials: 200, seed: 3, validationTrials: 2000, validationSeed: validationSeed, threads: 2)
    }

    /// The parts of `count` shards of the validation with `settings`.
    static func parts(count: Int, settings: CoverPlan.Settings) throws -> [(path: String, part: ValidationPart)] {
        let identity = try RunIdentity(
            toolVersion: "test", files: [("plain.json", Array("{}".utf8))], policy: scenario.policy, seed: settings.validationSeed,
            trials: settings.validationTrials, blockSize: RunSettings.defaultBlockSize)
        return try (1...count).map { index in
            let shard = try Shard(index: index, count: count)
            let plans = try HirePlan.validationShard(
                scenario: scenario, through: through, hiring: hiring, limits: HirePlanTests.limit, settings: settings, shard: shard)
            let blocks = try shard.blocks(of: 2)
            let part = ValidationPart(
                identity: identity, settings: ["plan hire"], shard: shard, blocks: blocks, plans: plans, threads: 2, started: Date(), elapsedSeconds: 0)
            // Through the file, as a merge reads it.
            return ("part-\(index).json", try ValidationPart(fileContents: Array(try part.fileContents.utf8), path: "part-\(index).json"))
        }
    }

    /// Parts validated with seed 11, given to a plan whose own validation seed is 12: the plan's
    /// validated risks are those of seed 11, count for count, not those it would simulate itself.
    @Test func thePlanReadsTheShardsTalliesInsteadOfSimulating() throws {
        let merge = try ValidationMerge(parts: try Self.parts(count: 2, settings: Self.settings(validationSeed: 11)))
        func plan(_ seed: UInt64, shards: ValidationMerge? = nil) throws -> HirePlan {
            try HirePlan(scenario: Self.scenario, through: Self.through, hiring: Self.hiring, limits: HirePlanTests.limit,
                         settings: Self.settings(validationSeed: seed), shards: shards)
        }
        let (seed11, seed12, merged) = (try plan(11), try plan(12), try plan(12, shards: merge))
        #expect(!seed11.hires.isEmpty && seed11.tightenings.isEmpty)
        #expect(merged.before[0].map(\.successes) == seed11.before[0].map(\.successes))
        #expect(merged.after[0].map(\.successes) == seed11.after[0].map(\.successes))
        #expect(seed12.before[0].map(\.successes) != seed11.before[0].map(\.successes), "another seed gives other counts")
        #expect(merged.counts == seed11.counts && merged.evaluations == seed11.evaluations)
    }

    /// The parts must be every shard of one run, each once, of the same settings and plans.
    @Test func partsOfAnotherRunOrSettingsAreRefused() throws {
        let parts = try Self.parts(count: 2, settings: Self.settings(validationSeed: 11))
        func refusal(_ parts: [(path: String, part: ValidationPart)]) -> String? {
            (#expect(throws: PartialResultError.self) { try ValidationMerge(parts: parts) })?.description
        }
        #expect(refusal([parts[0]]) == "shard 2 of 2 is missing; a merge needs every shard of the run")
        #expect(refusal([parts[0], parts[0], parts[1]]) == "part-1.json and part-1.json are both shard 1 of 2; give each shard once")
        let other = try Self.parts(count: 2, settings: Self.settings(validationSeed: 13))
        #expect(refusal([parts[0], other[1]]) == "part-2.json is not of the same run as part-1.json: seed: 11, 13")
        let renamed = ValidationPart(
            identity: parts[1].part.identity, settings: ["plan hire", "--tolerance 0.02"], shard: try Shard(index: 2, count: 2), blocks: 1..<2,
            plans: parts[1].part.plans.map { ($0.counts, $0.tally) }, threads: 1, started: Date(), elapsedSeconds: 0)
        #expect(refusal([parts[0], ("x.json", renamed)]) == "x.json is not of the same run as part-1.json: settings: none, --tolerance 0.02")
    }
}
