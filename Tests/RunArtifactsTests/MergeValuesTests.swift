import Foundation
import RunFixtures
import Simulation
import Testing
@testable import RunArtifacts

/// `plan merge` checks a part's values, not only its digest and shapes: a part edited and then
/// re-hashed gave P(level = 1) = −11.84, and two counts of Int.max wrapped to 0.4361 (issue 25).
/// Each part here is shard 1 of 3 of the two-day run (one trial); its tally is edited in the JSON
/// and the file re-hashed, as an attacker (or a careless script) would.
@Suite struct MergeValuesTests {
    /// The part with `edit` applied to its tally's JSON object, re-hashed.
    static func edited(_ edit: (inout [String: Any]) -> Void) throws -> PartialResult {
        let text = try shards.first.fileContents
        let start = text.range(of: "\"content\": ")!.upperBound
        let contentText = String(text[start...].dropLast(2))
        var content = try JSONSerialization.jsonObject(with: Data(contentText.utf8)) as! [String: Any]
        var tally = content["tally"] as! [String: Any]
        edit(&tally)
        content["tally"] = tally
        let bytes = Array(try JSONSerialization.data(withJSONObject: content, options: [.sortedKeys]))
        let file = Array("{\"format\": \"\(PartialResult.format)\", \"version\": \(PartialResult.version), \"sha256\": \"\(SHA256.hex(of: bytes))\", \"content\": ".utf8)
            + bytes + Array("}\n".utf8)
        return try PartialResult(fileContents: file, path: "p1.json")
    }

    /// The three shards and the model, simulated once for every test of the suite.
    static let shards = (
        first: try! PartialResultTests.part(1, of: 3), second: try! PartialResultTests.part(2, of: 3),
        third: try! PartialResultTests.part(3, of: 3), model: try! SimulationModel(TwoDayRun.scenario()))

    /// The merge's error for the three shards with shard 1 replaced by `part`; nil when it merges.
    static func mergeError(_ part: PartialResult) throws -> String? {
        let parts = [("p1.json", part), ("p2.json", shards.second), ("p3.json", shards.third)]
        let model = shards.model
        do {
            _ = try ShardMerge(parts: parts).tally(model: model, identity: PartialResultTests.identity())
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Re-hashing without a change merges: the checks hold for every count a run writes.
    @Test func anUneditedPartMerges() throws {
        #expect(try Self.mergeError(try Self.edited { _ in }) == nil)
        let tally = Self.shards.first.tally
        #expect(tally.invariantViolation() == nil)
    }

    /// One edit of a count table, and the invariant it breaks.
    enum Edit: String, CaseIterable, Sendable {
        /// A negative count, with another raised so that the check's levels still add up.
        case negativeLevel
        /// Two counts of Int.max: their sum would wrap.
        case twoIntMax
        /// One trial counted twice at a check.
        case levelCountedTwice
        case checksAtOrAbove, reached, longestRuns, infiniteLoads, headcounts, openCases

        var key: String {
            switch self {
            case .negativeLevel, .twoIntMax, .levelCountedTwice: "levels"
            case .checksAtOrAbove: "checksAtOrAbove"
            case .reached: "reached"
            case .longestRuns: "longestRuns"
            case .infiniteLoads: "infiniteLoads"
            case .headcounts: "headcountHistogram"
            case .openCases: "openHistogram"
            }
        }

        func apply(_ counts: [Int]) -> [Int] {
            var c = counts
            switch self {
            case .negativeLevel:
                let i = c.firstIndex(of: 1)!
                c[i] = -11
                c[(i + 1) % c.count] += 12
            case .twoIntMax: (c[0], c[1]) = (Int.max, Int.max)
            case .levelCountedTwice: c[c.firstIndex(of: 0)!] = 1
            case .checksAtOrAbove: c[1] += 1
            case .reached: c[0] = 0
            case .longestRuns, .headcounts: c = c.map { _ in 0 }
            case .infiniteLoads: c = c.map { $0 + 1 }
            case .openCases: c[c[..<128].firstIndex(of: 0)!] = 1  // an empty bucket of check 1 (its 128 exact buckets come first)
            }
            return c
        }

        var problem: String {
            switch self {
            case .negativeLevel, .twoIntMax: "levels at check 1 holds a count below 0 or above the 1 trials"
            case .levelCountedTwice: "levels at check 1 adds up to 2, not to the 1 it must"
            case .checksAtOrAbove: "checks at level 2 or above are"
            case .reached: "trials reaching level 1 are 0, but the longest runs give 1"
            case .longestRuns: "longest runs at level 1 or above adds up to 0, not to the 1 it must"
            case .infiniteLoads: "loads at check 1 adds up to 2, not to the 1 it must"
            case .headcounts: "headcounts of group 1 at check 1 adds up to 0, not to the 1 it must"
            case .openCases: "open cases at check 1 adds up to 2, not to the 1 it must"
            }
        }
    }

    @Test(arguments: Edit.allCases)
    func anEditedCountIsRefusedNamingThePart(edit: Edit) throws {
        let part = try Self.edited { tally in tally[edit.key] = edit.apply((tally[edit.key] as! [NSNumber]).map(\.intValue)) }
        let error = try Self.mergeError(part)
        #expect(error?.hasPrefix("p1.json: the counts cannot come from a run (\(edit.problem)") == true, "\(error ?? "merged")")
        #expect(error?.hasSuffix("); the file was changed after the shard wrote it") == true)
    }

    /// The sums of open cases and loads are 128-bit integers; a negative one cannot come from a run.
    @Test func aNegativeSumIsRefused() throws {
        let part = try Self.edited { tally in
            var sums = tally["openSums"] as! [[String: Any]]
            sums[0]["high"] = -1
            tally["openSums"] = sums
        }
        #expect(try Self.mergeError(part) == "p1.json: the counts cannot come from a run (the sum of open cases at check 1 is negative); the file was changed after the shard wrote it")
    }
}
