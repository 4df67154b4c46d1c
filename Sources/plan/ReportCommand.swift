import ArgumentParser
import Reports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func run() throws {
        let report: HTMLReport
        do {
            report = try HTMLReport(directory: runDirectory)
        } catch {
            throw CommandError(error.description)
        }
        let path = (runDirectory.hasSuffix("/") ? runDirectory : runDirectory + "/") + "report.html"
        do {
            try AtomicFile.write(report.html, to: path)
        } catch {
            throw CommandError(error.description)
        }
        emit("Report written to \(path)")
    }
}
