import ArgumentParser
import Reports
import RunArtifacts
import WhatIf

extension Plan {
    struct SensitivityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sensitivity",
            abstract: "What the risk hangs on: each uncertain input at both ends of its range, on common random numbers, as a tornado, and a stress run.",
            discussion: """
                plan sensitivity scenarios/december.json --intervals fit.json --html
                Each input (base inflow, weekday and holiday factors, demand CV, dispersion, spikes, arrival shares, \
                resolutions per shift, the starting backlog, sick days, spell length, season CV) is set to the low and \
                the high end of its interval from plan calibrate --format json (--intervals), or of its default range \
                (docs/WHATIF.md), and the run is paired trial by trial with the scenario's own: an input the scenario does \
                not use changes nothing at all. Sorted by the change in expected checks at level ≥ --level.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

        @Argument(help: "The scenario (JSON).") var scenario: String
        @Option(help: "plan calibrate --format json's output: its \"intervals\", keyed by scenario JSON path, give the ranges.") var intervals: String?
        @Option(help: "k of P(level ≥ k) and of the expected checks at ≥ k (2 to the policy's levels).") var level: Int = 4
        @OptionGroup var sampling: SamplingOptions<PairedTrials>
        @Option(help: "Output: text, csv or json.") var format: Format = .text
        @Flag(help: "Also write the tornado as a self-contained HTML page, sensitivity.html, into --out.") var html = false
        @Option(help: "With --html: the folder the page goes into (default: notebooks-output/sensitivity-<scenario>/).") var out: String?
        @Flag(help: "Replace a sensitivity.html in --out that is not a page plan wrote.") var force = false

        func validate() throws {
            if out != nil && !html { throw CommandError("--out is where --html writes its page; give --html too") }
        }

        func run() throws {
            let compiled = try CompiledScenario(path: scenario)
            let ranges = try intervals.map { path in
                try SensitivityIntervals.parse(try readTextFile(path), source: path, inputs: SensitivityInput.all(for: compiled.model))
            } ?? SensitivityIntervals()
            // Checked before the runs: never an input, never a file plan did not write.
            let page = html ? try pageTarget(
                "sensitivity.html", folder: out ?? "notebooks-output/sensitivity-\(ComparisonFiles.stem(scenario))", inputs: compiled.loaded.files + (intervals.map { [$0] } ?? []), force: force) : nil
            let result = try Sensitivity.run(model: compiled.model, intervals: ranges, level: level, settings: sampling.comparison)
            let output: String
            switch format {
            case .text: output = result.text
            case .csv: output = result.csv
            case .json: output = try result.json
            }
            try page?.write(result.html(scenarioPath: scenario, intervalsPath: intervals, toolVersion: PlanVersion.current))
            // Only the text says what was written: csv and json are the result alone.
            emit(output + (format == .text ? page.map { "\n" + wroteLines([$0.path]) } ?? "" : ""))
        }
    }
}
