import RunArtifacts
import Scenarios
import Simulation

/// libFuzzer's entry point for `plan merge`'s reader of partial results. The input is the file's
/// `content`; the harness wraps it in the header with its true SHA-256, as a file written by a
/// shard (or forged with care) would carry, so that every input reaches the JSON decoding rather
/// than stopping at the digest. What decodes is merged as the single shard of a run of the minimal
/// scenario, whatever identity it claims, and estimated: whatever passes the merge's checks
/// (`ShardMerge`, `Tally.fits`) must estimate without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartialResult(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let content = Array(UnsafeBufferPointer(start: data, count: size))
    let file = Array("{\"format\": \"\(PartialResult.format)\", \"version\": \(PartialResult.version), \"sha256\": \"\(SHA256.hex(of: content))\", \"content\": ".utf8)
        + content + Array("}\n".utf8)
    guard let part = try? PartialResult(fileContents: file, path: "fuzz.json"),
          let merge = try? ShardMerge(parts: [("fuzz.json", part)]),
          let tally = try? merge.tally(model: minimalModel, identity: merge.identity) else { return 0 }
    _ = Estimates(model: minimalModel, tally: tally)
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
