import ArgumentParser
import Reports
import RunArtifacts

extension Plan {
    struct DiffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What moved between two runs: the checks they share whose planning level changed or whose odds moved.",
            discussion: """
                plan diff notebooks-output/december-last-week notebooks-output/december
                Compares the checks (date and window) both runs cover, whatever their horizons, and names the inputs \
                recorded in run.json that differ. The runs must use the same policy.
                """
        )

        @Argument(help: "The earlier run's folder.") var earlier: String
        @Argument(help: "The later run's folder.") var later: String
        @Option(parsing: .unconditional, help: "Report a check whose P(level ≥ k) moved by at least this (0–1; 0.05 is 5 points).")
        var threshold: Double = 0.05

        func validate() throws {
            guard threshold > 0, threshold <= 1 else { throw CommandError("--threshold must be above 0 and at most 1, got \(threshold)") }
        }

        func run() throws {
            let diff = try RunDiff(
                earlier: try StoredRun(directory: earlier), later: try StoredRun(directory: later),
                earlierName: earlier, laterName: later, threshold: threshold)
            emit(diff.terminalText(earlierName: earlier, laterName: later))
        }
    }
}
