import Scenarios
import Simulation

/// libFuzzer's entry point for a scenario file: decode and validate it as `plan validate` does, and
/// when it is valid, run 100 trials on one thread as `plan simulate` would. Whatever validation
/// accepts must simulate without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let loaded = try? Scenario.load(text: text, path: "fuzz/scenario.json", readFile: referencedFile) else { return 0 }
    guard let model = try? SimulationModel(loaded.scenario) else { return 0 }
    let settings = RunSettings(size: .trials(100), seed: 1, threads: 1)
    guard let tally = try? MonteCarloRun(model: model, settings: settings).run() else { return 0 }
    _ = Estimates(model: model, tally: tally)
    return 0
}

/// The harness reads no files, so that a run depends on its input alone. Time-off exports and
/// calendars it names read as valid but empty (the readers have their own harnesses), which lets such
/// scenarios go on to the simulation; any other file (a policy file) is missing.
private func referencedFile(_ path: String) throws -> String {
    if path.hasSuffix(".csv") { return "name,start,end\n" }
    if path.hasSuffix(".ics") { return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n" }
    throw MissingFile(path: path)
}

private struct MissingFile: Error, CustomStringConvertible {
    let path: String
    var description: String { "\(path): the fuzz harness reads no files" }
}
