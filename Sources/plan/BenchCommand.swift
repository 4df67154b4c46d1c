import ArgumentParser
import CapacityPolicy
import Foundation
import OutputFormats
import Simulation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the level engine and the simulation on this machine.",
        discussion: """
        The level engine: evaluations per second of the compiled and the explained evaluator over \
        pre-generated random inputs (emea 0–6, us 0–15, open 0–200), one thread. The simulation: \
        trials per second of a scenario (default scenarios/december.json) on one thread and on all \
        cores. Each figure is the best of --repeats runs.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output: text or json.") var format: Format = .text
    @Option(help: "How many random inputs the level engine evaluates.") var inputs: Int = 10_000_000
    @Option(help: "Scenario the simulation benchmark runs.") var scenario: String = "scenarios/december.json"
    @Option(help: "Trials per simulation measurement.") var trials: Int = 200_000
    @Option(help: "Threads for the multi-threaded simulation measurement (default: all cores).") var threads: Int?
    @Option(help: "Repeat each measurement this many times and report the best.") var repeats: Int = 3

    func validate() throws {
        guard inputs > 0 else { throw ValidationError("--inputs must be at least 1") }
        guard trials > 0 else { throw ValidationError("--trials must be at least 1") }
        guard repeats > 0 else { throw ValidationError("--repeats must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let model = try SimulationModel(try ScenarioFile.load(scenario).scenario)
        var results = EngineBenchmark(inputs: inputs, repeats: repeats).run()
        results += try SimulationBenchmark(model: model, trials: trials, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, repeats: repeats).run()
        switch format {
        case .text:
            var lines = ["measurement                              count    seconds          per second"]
            for r in results {
                lines.append(r.name.padded(to: 36) + String(r.count).leftPadded(to: 10) + format3(r.seconds).leftPadded(to: 11) + formatRate(r.rate).leftPadded(to: 20))
            }
            emit(lines.joined(separator: "\n"))
        case .json:
            emit(encodeJSON(results))
        }
    }
}

private func format3(_ x: Double) -> String {
    let ms = Int((x * 1000).rounded())
    return "\(ms / 1000).\(String(ms % 1000).leftPadded(to: 3, with: "0"))"
}

private func formatRate(_ rate: Double) -> String {
    rate >= 1e6 ? "\(format3(rate / 1e6).dropLast(1)) million" : "\(Int(rate.rounded()))"
}

