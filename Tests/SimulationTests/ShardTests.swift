import Calendars
import Foundation
import Testing
@testable import Simulation

@Suite struct ShardTests {
    /// Shards are contiguous ranges of blocks, in order, whose sizes differ by at most one, and
    /// together they hold every block once: 100 blocks in 7 shards are 14, 14, 14, 15, 14, 14, 15.
    @Test func shardsSplitTheBlocksExactly() throws {
        let ranges = try (1...7).map { try Shard(index: $0, count: 7).blocks(of: 100) }
        #expect(ranges.map(\.lowerBound) == [0, 14, 28, 42, 57, 71, 85])
        #expect(ranges.map(\.count) == [14, 14, 14, 15, 14, 14, 15])
        for blocks in [1, 2, 3, 7, 10, 99, 4_000_000] {
            for count in [1, 2, 3, 4, 7] where count <= blocks {
                let ranges = try (1...count).map { try Shard(index: $0, count: count).blocks(of: blocks) }
                #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == blocks)
                #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(ranges.map(\.count).max()! - ranges.map(\.count).min()! <= 1 && ranges.allSatisfy { !$0.isEmpty })
            }
        }
    }

    @Test(arguments: [(0, 0), (5, 4), (0, 4), (-1, 3), (1, 0), (2, -2)])
    func invalidShardsAreRefused(index: Int, count: Int) {
        #expect(throws: SimulationError.self) { try Shard(index: index, count: count) }
    }

    /// More shards than blocks would leave a shard with nothing to do: refused, with the numbers.
    @Test func moreShardsThanBlocksAreRefused() throws {
        let error = #expect(throws: SimulationError.self) { try Shard(index: 1, count: 4).blocks(of: 3) }
        #expect(error?.description.contains("4 shards are more than the run's 3 blocks") == true)
        let model = try SimulationModel(TestScenarios.december())
        let settings = RunSettings(size: .trials(2_500), seed: 1, threads: 1, shard: try Shard(index: 4, count: 4))
        #expect(throws: SimulationError.self) { try MonteCarloRun(model: model, settings: settings).run() }
        let precision = RunSettings(size: .precision(0.1, maximumTrials: 2_000), seed: 1, threads: 1, shard: try Shard(index: 1, count: 2))
        #expect(throws: SimulationError.self) { try MonteCarloRun(model: model, settings: precision).run() }
    }

    /// The sum of the shards' tallies is the whole run's, count for count, for 1, 2, 4 and 7
    /// shards, with a last block that is not full (2,550 trials in blocks of 100).
    @Test(arguments: [1, 2, 4, 7])
    func shardTalliesAddUpToTheWholeRun(count: Int) throws {
        let model = try SimulationModel(TestScenarios.december())
        let settings = RunSettings(size: .trials(2_550), seed: 11, threads: 2, blockSize: 100)
        let whole = try MonteCarloRun(model: model, settings: settings).run()
        var sum = Tally(model: model)
        for index in 1...count {
            var shardSettings = settings
            shardSettings.shard = try Shard(index: index, count: count)
            shardSettings.threads = 1
            let part = try MonteCarloRun(model: model, settings: shardSettings).run()
            let blocks = try shardSettings.blocks(trials: 2_550)
            #expect(part.trials == min(2_550, blocks.upperBound * 100) - blocks.lowerBound * 100)
            sum.merge(part)
        }
        #expect(try encoded(sum) == encoded(whole))
        #expect(sum.trials == 2_550)
    }

    /// A tally survives encoding and decoding unchanged, and `fits` tells a tally of the model
    /// from one of another model or one whose table was cut short.
    @Test func tallyRoundTripsAndFitsOnlyItsModel() throws {
        let model = try SimulationModel(TestScenarios.december())
        let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(300), seed: 2, threads: 1, blockSize: 100)).run()
        let decoded = try JSONDecoder().decode(Tally.self, from: encoded(tally))
        #expect(try encoded(decoded) == encoded(tally))
        #expect(decoded.fits(model))

        var shorter = TestScenarios.december()
        shorter.horizon = TestScenarios.range("2026-12-01", "2026-12-20")
        #expect(!decoded.fits(try SimulationModel(shorter)))

        var object = try #require(JSONSerialization.jsonObject(with: encoded(tally)) as? [String: Any])
        var histogram = try #require(object["loadHistogram"] as? [Int])
        histogram.removeLast()
        object["loadHistogram"] = histogram
        let cut = try JSONDecoder().decode(Tally.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(!cut.fits(model))

        // The weeks' layout is compared by value: a week claiming more checks (tables of the same
        // lengths) would make a week's distribution read past its table.
        var weeks = try #require(JSONSerialization.jsonObject(with: encoded(tally)) as? [String: Any])
        var periods = try #require(weeks["periodCounts"] as? [String: Any])
        var sizes = try #require(periods["periodChecks"] as? [Int])
        (sizes[0], sizes[1]) = (sizes[0] + 1, sizes[1] - 1)
        periods["periodChecks"] = sizes
        weeks["periodCounts"] = periods
        let moved = try JSONDecoder().decode(Tally.self, from: JSONSerialization.data(withJSONObject: weeks))
        #expect(!moved.fits(model))
    }

    /// Per ISO week, the distribution over trials of the checks at ≥ k and the cross-products,
    /// worked out by hand for three trials of five checks over two weeks (Fri, Mon–Thu).
    @Test func periodCountsTallyTheWeeksOfEachTrial() {
        let dates = ["2026-12-04", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"].map { CivilDate(iso: $0)! }
        var counts = PeriodCounts(checkDates: dates, levelCount: 3)
        #expect(counts.periodStarts == [CivilDate(iso: "2026-11-30")!, CivilDate(iso: "2026-12-07")!] && counts.periodChecks == [1, 4])
        // 0-based levels: trial 1 has ≥ 2 (level index ≥ 1) at 1 + 2 checks and ≥ 3 at 0 + 1; trial 2 nothing; trial 3 at 1 + 4, 1 + 0.
        for levels: [UInt8] in [[1, 2, 1, 0, 0], [0, 0, 0, 0, 0], [2, 1, 1, 1, 1]] {
            counts.record(levelsOfChecks: levels)
        }
        #expect(Array(counts.distribution(level: 2, period: 0)) == [1, 2])
        #expect(Array(counts.distribution(level: 2, period: 1)) == [1, 0, 1, 0, 1])
        #expect(Array(counts.distribution(level: 3, period: 1)) == [2, 1, 0, 0, 0])
        // Σ count(week 1) · count(week 2): 1 · 2 + 0 + 1 · 4 = 6 at ≥ 2; 0 · 1 + 0 + 1 · 0 = 0 at ≥ 3.
        #expect(counts.product(level: 2, 0, 1) == 6 && counts.product(level: 3, 0, 1) == 0)
        var twice = counts
        twice.merge(counts)
        #expect(twice.product(level: 2, 0, 1) == 12 && Array(twice.distribution(level: 2, period: 1)) == [2, 0, 2, 0, 2])
    }

    private func encoded(_ tally: Tally) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(tally)
    }
}
