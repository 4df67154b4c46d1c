import ArgumentParser
import Reports
import WhatIf

extension Plan {
    struct SensitivityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sensitivity",
            abstract: "What the risk hangs on: each uncertain input at both ends of its range, on common random numbers, as a tornado, and a stress run.",
            discussion: """
                plan sensitivity scenarios/december.json --intervals fit.json --html sensitivity.html
                Each input (base inflow, weekday and holiday factors, demand CV, dispersion, spikes, arrival shares, \
                resolutions per shift, the starting backlog, sick days, spell length, season CV) is set to the low and \
                the high end of its interval from plan calibrate --format json (--intervals), or of its default range \
                (README), and the run is paired trial by trial with the scenario's own: an input the scenario does \
                not use changes nothing at all. Sorted by the change in expected checks at level ≥ --level.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

        @Argument(help: "The scenario (JSON).") var scenario: String
        @Option(help: "plan calibrate --format json's output: its \"intervals\", keyed by scenario JSON path, give the ranges.") var intervals: String?
        @Option(help: "k of P(level ≥ k) and of the expected checks at ≥ k (2 to the policy's levels).") var level: Int = 4
        @OptionGroup var sampling: SamplingOptions<PairedTrials>
        @Option(help: "Output: text, csv or json.") var format: Format = .text
        @Option(help: "Also write the tornado as a self-contained HTML page to this file.") var html: String?
        @Flag(help: "Replace an --html file that is not a page plan wrote.") var force = false

        func run() throws {
            let compiled = try CompiledScenario(path: scenario)
            let ranges = try intervals.map { path in
                try SensitivityIntervals.parse(try readTextFile(path), source: path, inputs: SensitivityInput.all(for: compiled.model))
            } ?? SensitivityIntervals()
            // Checked before the runs: never an input, never a file plan did not write.
            let page = try html.map {
                try OutputTarget(path: $0, option: "--html", kind: .page, inputs: compiled.loaded.files + (intervals.map { [$0] } ?? []), force: force)
            }
            let result = try Sensitivity.run(model: compiled.model, intervals: ranges, level: level, settings: sampling.comparison)
            let output: String
            switch format {
            case .text: output = result.text
            case .csv: output = result.csv
            case .json: output = try result.json
            }
            try page?.write(result.html(scenarioPath: scenario, intervalsPath: intervals, toolVersion: PlanVersion.current))
            emit(output)
        }
    }
}
