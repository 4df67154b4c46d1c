import ArgumentParser
import WhatIf

extension Plan {
    struct CompareCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare two scenarios check by check on the same random numbers.",
            discussion: """
                Both scenarios are simulated trial by trial with the same seeds and streams (common random \
                numbers), so the change in P(level ≥ k) at each check comes with a narrow 95% interval from \
                the paired trials. They must have the same horizon, windows and check days. Writes \
                compare.csv (and compare.html with --html) into --out.
                """
        )

        @Argument(help: "The base scenario (JSON).") var base: String
        @Argument(help: "The variant scenario (JSON).") var variant: String
        @OptionGroup var sampling: SamplingOptions<PairedTrials>
        @Option(help: "Folder for compare.csv (default: notebooks-output/compare-<base>-<variant>/).") var out: String?
        @Flag(help: "Also write compare.html, a table of the significant changes.") var html = false
        @Flag(name: .customLong("no-files"), help: ArgumentHelp(noFilesHelp)) var noFiles = false

        func validate() throws { try checkNoFiles(noFiles, out: out, html: html) }

        func run() throws {
            let baseFile = try ScenarioFile.load(base)
            let variantFile = try ScenarioFile.load(variant)
            ScenarioFile.report(baseFile.warnings + variantFile.warnings)
            let (baseName, variantName) = (ComparisonFiles.stem(base), ComparisonFiles.stem(variant))
            let prepared = try Comparison.prepare(base: baseFile.scenario, variant: variantFile.scenario, settings: sampling.comparison)
            let directory = noFiles ? nil : try ComparisonFiles.claim(out ?? "notebooks-output/compare-\(baseName)-\(variantName)", inputs: baseFile.files + variantFile.files)
            let comparison = try prepared.run()
            let written = try directory.map {
                "\n" + (try ComparisonFiles.write(comparison, to: $0, html: html, baseName: baseName, variantName: variantName, inputs: baseFile.files + variantFile.files))
            } ?? ""
            emit(comparison.terminalText(baseName: baseName, variantName: variantName) + written)
        }
    }
}
