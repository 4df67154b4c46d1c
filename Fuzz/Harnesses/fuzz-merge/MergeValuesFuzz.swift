import RunArtifacts
import Scenarios
import Simulation
import Statistics

/// libFuzzer's entry point for the values `plan merge` adds up. The input is the `content` of one
/// or two partial results (two when a NUL byte separates them), each wrapped in the header with its
/// true SHA-256, as a part edited and re-hashed would be, so that every input reaches the decoding;
/// they are merged as the shards of a run of the minimal scenario, whatever identity they claim.
/// What passes the merge's checks (identity, blocks, shape, and the counts' invariants) must give
/// estimates that are probabilities: every P(level = k), P(level ≥ k) and P(reached) within 0…1,
/// every interval around its estimate. A merge that passes and gives anything else is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMergeValues(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let contents = input.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).prefix(2)
    var parts: [(path: String, result: PartialResult)] = []
    for (i, content) in contents.enumerated() {
        let file = Array("{\"format\": \"\(PartialResult.format)\", \"version\": \(PartialResult.version), \"sha256\": \"\(SHA256.hex(of: Array(content)))\", \"content\": ".utf8)
            + content + Array("}\n".utf8)
        guard let part = try? PartialResult(fileContents: file, path: "part-\(i + 1).json") else { return 0 }
        parts.append(("part-\(i + 1).json", part))
    }
    guard let merge = try? ShardMerge(parts: parts),
          let tally = try? merge.tally(model: minimalModel, identity: merge.identity) else { return 0 }
    let estimates = Estimates(model: minimalModel, tally: tally)
    func check(_ p: Proportion, _ what: String) {
        precondition(p.estimate >= 0 && p.estimate <= 1 && p.low <= p.estimate && p.estimate <= p.high && p.low >= 0 && p.high <= 1,
                     "\(what) is \(p.estimate) (\(p.low)…\(p.high)) after a merge that passed its checks")
    }
    for check_ in estimates.checks {
        for p in check_.levels { check(p, "P(level = k)") }
        for p in check_.atLeast { check(p, "P(level ≥ k)") }
    }
    for horizon in estimates.horizon { check(horizon.reached, "P(reached)") }
    return 0
}

/// Two SEs, one day: the model every decoded tally is checked against and estimated with.
private let minimalModel: SimulationModel = {
    let text = """
        {"name": "minimal", "horizon": {"start": "2026-12-07", "end": "2026-12-07"},
         "team": [{"name": "a", "group": "emea", "country": "GB"}, {"name": "b", "group": "us", "country": "US"}],
         "inflow": {"base_per_day": 5}}
        """
    let loaded = try! Scenario.load(text: text, path: "minimal.json", readFile: { path in throw MissingFile(path: path) })
    return try! SimulationModel(loaded.scenario)
}()

private struct MissingFile: Error {
    let path: String
}
