import ArgumentParser
import Cover
import Foundation
import OutputFormats
import PerformanceProbes
import Simulation
import WhatIf

extension Plan {
    struct BenchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Measure the level engine and the simulation on this machine.",
            discussion: """
            The level engine: evaluations per second of the compiled and the explained evaluator over \
            pre-generated random inputs (emea 0–6, us 0–15, open 0–200), one thread. The simulation: \
            trials per second of a scenario (scenarios/december.json unless given) on one thread and on all \
            cores. With --calibration-rows N, also plan calibrate on a synthetic two-year export of N \
            cases against scenarios/history/team.json (the export is written to a temporary folder \
            first). With --cover-pool FILE, also plan cover on the scenario with that pool and the limit \
            --cover-limit, at its defaults; the count is the covers simulated. With \
            --hire-through DATE, also plan hire on the scenario through that date with the limit --hire-limit, at its defaults; the count is the plans simulated. Each \
            figure is the best of --repeats runs.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "Output: text or json.") var format: Format = .text
        @Option(parsing: .unconditional, help: "How many random inputs the level engine evaluates.") var inputs: Int = 10_000_000
        @Argument(help: "The scenario the simulation benchmark runs (JSON).") var scenario: String = "scenarios/december.json"
        @Option(parsing: .unconditional, help: "Trials per simulation measurement.") var trials: Int = 200_000
        @Option(parsing: .unconditional, help: "Threads for the multi-threaded simulation measurement (default: all cores).") var threads: Int?
        @Option(parsing: .unconditional, help: "Repeat each measurement this many times and report the best.") var repeats: Int = 3
        @Option(name: .customLong("calibration-rows"), parsing: .unconditional, help: "Also measure plan calibrate on a synthetic export of this many cases.") var calibrationRows: Int?
        @Option(name: .customLong("calibration-team"), help: "The team scenario of the calibration measurement.") var calibrationTeam = "scenarios/history/team.json"

        @Option(name: .customLong("cover-pool"), help: "Also measure plan cover on the scenario with this pool.") var coverPool: String?
        @Option(name: .customLong("cover-limit"), help: "The limit of the cover measurement.") var coverLimit = "ge4<=0.20"
        @Option(name: .customLong("hire-through"), help: "Also measure plan hire on the scenario through this date (YYYY-MM-DD).") var hireThrough: String?
        @Option(name: .customLong("hire-limit"), help: "The limit of the hire measurement.") var hireLimit = "ge4<=0.10"

        func validate() throws {
            guard inputs > 0 else { throw CommandError("--inputs must be at least 1") }
            guard trials > 0 else { throw CommandError("--trials must be at least 1") }
            guard repeats > 0 else { throw CommandError("--repeats must be at least 1") }
            if let threads, threads < 1 { throw CommandError("--threads must be at least 1") }
            if let calibrationRows, calibrationRows < 1 { throw CommandError("--calibration-rows must be at least 1") }
        }

        func run() throws {
            let loaded = try ScenarioFile.load(scenario).scenario
            let model = try SimulationModel(loaded)
            var results = EngineBenchmark(inputs: inputs, repeats: repeats).run()
            results += try SimulationBenchmark(model: model, trials: trials, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, repeats: repeats).run()
            if let calibrationRows {
                let team = try ScenarioFile.load(calibrationTeam).scenario
                results += try CalibrationBenchmark(team: team, rows: calibrationRows, repeats: repeats).run()
            }
            if let coverPool {
                let pool = try CoverPool.read(csv: try readTextFile(coverPool), source: coverPool, scenario: loaded)
                results += try CoverBenchmark(
                    scenario: loaded, pool: pool, limit: try optionValue("--cover-limit") { try RiskLimit(parsing: coverLimit) },
                    threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, repeats: repeats).run()
            }
            if let hireThrough {
                results += try HireBenchmark(
                    scenario: loaded, through: try parseDate(hireThrough, flag: "--hire-through"), limit: try RiskLimit(parsing: hireLimit),
                    threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, repeats: repeats).run()
            }
            switch format {
            case .text:
                emit(BenchmarkMeasurement.table(results))
            case .json:
                emit(try encodeJSON(results))
            }
        }
    }
}
