import ArgumentParser
import CapacityPolicy
import WhatIf

extension Plan {
    struct WhatIfCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whatif",
            abstract: "Compare a scenario with an edited copy: more time off, a contractor, one SE fewer, more cases, another policy.",
            discussion: """
                plan whatif scenarios/december.json --time-off us-09:2026-12-21..2026-12-24
                plan whatif scenarios/december.json --add-se contractor-1:us:US:2026-12-14..2026-12-31
                The comparison is the one plan compare prints, on paired trials with common random numbers, and
                writes compare.csv (and compare.html with --html) into --out, as plan compare does.
                """
        )

        @Argument(help: "The scenario (JSON).") var scenario: String
        @Option(name: .customLong("time-off"), help: "NAME:FIRST..LAST or NAME:DATE: more time off for an SE (repeatable).")
        var timeOff: [String] = []
        @Option(name: .customLong("add-se"), help: "NAME:GROUP:COUNTRY[:FIRST..LAST]: a contractor or loan, working only FIRST..LAST if given (repeatable).")
        var addSE: [String] = []
        @Option(name: .customLong("remove-se"), help: "NAME: an SE not available at all (repeatable).")
        var removeSE: [String] = []
        @Option(name: .customLong("inflow-factor"), parsing: .unconditional, help: "Multiply every expected case count by this (> 0), e.g. 1.2.")
        var inflowFactor: String?
        @Option(help: "Decide the variant's levels with this policy file (JSON).") var policy: String?
        @OptionGroup var sampling: SamplingOptions<PairedTrials>
        @Option(help: "Folder for compare.csv (default: notebooks-output/whatif-<scenario>/).") var out: String?
        @Flag(help: "Also write compare.html, a table of the significant changes.") var html = false
        @Flag(name: .customLong("no-files"), help: ArgumentHelp(noFilesHelp)) var noFiles = false

        func validate() throws { try checkNoFiles(noFiles, out: out, html: html) }

        func run() throws {
            // Added SEs first, so that the other edits may name them.
            var edits = try addSE.map { text in try optionValue("--add-se") { try ScenarioEdit.addEngineer(parsing: text) } }
            edits += try removeSE.map { text in try optionValue("--remove-se") { try ScenarioEdit.removeEngineer(parsing: text) } }
            edits += try timeOff.map { text in try optionValue("--time-off") { try ScenarioEdit.timeOff(parsing: text) } }
            if let inflowFactor { edits.append(try optionValue("--inflow-factor") { try ScenarioEdit.inflowFactor(parsing: inflowFactor) }) }
            if let policy { edits.append(.policy(try Policy.decode(json: try readTextFile(policy), source: policy), source: policy)) }
            guard !edits.isEmpty else {
                throw CommandError("nothing to compare: give at least one edit (--time-off, --add-se, --remove-se, --inflow-factor or --policy)")
            }
            let loaded = try ScenarioFile.load(scenario)
            let variant = try ScenarioEdit.apply(edits, to: loaded.scenario)
            ScenarioFile.report(loaded.warnings)
            let prepared = try Comparison.prepare(base: loaded.scenario, variant: variant, settings: sampling.comparison)
            let directory = !noFiles
                ? try ComparisonFiles.claim(out ?? "notebooks-output/whatif-\(ComparisonFiles.stem(scenario))", inputs: loaded.files + [policy].compactMap { $0 })
                : nil
            let comparison = try prepared.run()
            let baseName = loaded.scenario.name
            let variantName = baseName + " + " + edits.map(\.summary).joined(separator: ", ")
            var text = comparison.terminalText(baseName: baseName, variantName: variantName)
            if let directory {
                text += "\n" + (try ComparisonFiles.write(comparison, to: directory, html: html, baseName: baseName, variantName: variantName, inputs: loaded.files + [policy].compactMap { $0 }))
            }
            emit(text)
        }
    }
}
