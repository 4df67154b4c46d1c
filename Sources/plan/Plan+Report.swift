import ArgumentParser
import Reports
import RunArtifacts

extension Plan {
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Rebuild report.html from the files of a run.",
            discussion: """
                Reads run.json, checks.csv, horizon.csv and recommendations.csv from a folder that \
                plan simulate wrote and writes report.html beside them: the same page plan simulate --html \
                writes, byte for byte. A missing or damaged file is reported with its name and line, and \
                no page is written.
                """
        )

        @Argument(help: "The run's folder (for example notebooks-output/december).")
        var runDirectory: String
        @Flag(help: "Replace a report.html in the folder that is not a page plan wrote.") var force = false

        func run() throws {
            let path = (runDirectory.hasSuffix("/") ? runDirectory : runDirectory + "/") + "report.html"
            let page = try OutputTarget(path: path, option: "report.html", kind: .page, inputs: [], force: force)
            let report = HTMLReport(try StoredRun(directory: runDirectory))
            try page.write(report.html)
            emit(wroteLines([path]))
        }
    }
}
