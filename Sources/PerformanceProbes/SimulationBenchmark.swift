import Simulation

/// The measurement behind `plan bench` for the simulation: trials per second of a scenario on
/// one thread and on `threads` threads, best of `repeats`.
public struct SimulationBenchmark: Sendable {
    public let model: SimulationModel
    public let trials: Int
    public let threads: Int
    public let repeats: Int

    public init(model: SimulationModel, trials: Int, threads: Int, repeats: Int) {
        self.model = model
        self.trials = trials
        self.threads = threads
        self.repeats = repeats
    }

    public func run() throws -> [BenchmarkMeasurement] {
        var results: [BenchmarkMeasurement] = []
        for t in Set([1, threads]).sorted() {
            let run = MonteCarloRun(model: model, settings: RunSettings(size: .trials(trials), seed: 1, threads: t))
            let seconds = try BenchmarkMeasurement.best(of: repeats) { _ = try run.run() }
            results.append(BenchmarkMeasurement(name: "simulation, \(model.scenario.name), \(t) thread\(t == 1 ? "" : "s")", count: trials, seconds: seconds))
        }
        return results
    }
}
