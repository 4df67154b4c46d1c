import Foundation
import Reports
import RunArtifacts

/// The last step of `RunPipeline`, for every command that produces a whole run (`plan simulate`,
/// `plan outlook`, `plan merge`): the summary or the JSON document for standard output, the files
/// into the output folder, and with `--html` the report page. One path for all, so that a merged run
/// writes the very bytes a single run of the same scenario, seed and trials writes.
struct RunPublication {
    let output: RunOutput
    /// Nil with --no-files.
    let directory: OutputDirectory?
    let html: Bool
    let json: Bool
    /// With --record, the forecast also goes into the history store, before the files are written.
    let recorder: RunPipeline.Recorder?
    /// Printed after the text summary (not with --format json): what moved since a previous run.
    var textAfterSummary = ""

    /// Records the forecast (with a recorder), writes the files and returns what to print, and what
    /// writing the folder did beside its files (`OutputDirectory.replace`'s notices). A signal
    /// (`interruption`) that came before anything is stored stops the run with nothing written; one
    /// that came while the files are written stops it before they are put in place (the folder
    /// keeps its old files); once they are in place the run is complete.
    func publish(interruption: () -> Int32?) throws -> (text: String, notices: [String]) {
        var text = json ? try output.json : TerminalSummary(output).text + textAfterSummary
        if let signal = interruption() { throw RunInterrupted(signal: signal) }
        // The files are built once, and only when kept: for a long horizon they cost more than a
        // short run (a year of 200 SEs: a quarter of a second).
        guard recorder != nil || directory != nil else { return (text, []) }
        let files = try output.files
        if let signal = interruption() { throw RunInterrupted(signal: signal) }
        try recorder?.store(files)
        var notices: [String] = []
        if let directory {
            do {
                notices = try directory.replace(with: try withReport(files, reportDirectory: directory.path), isCancelled: { interruption() != nil })
            } catch let error as OutputError where error == .interrupted {
                throw RunInterrupted(signal: interruption() ?? SIGTERM, recordedIn: recorder?.storePath)
            }
            if !json { text += "\n" + wroteLines([folderPrefix(directory.path)]) }
        }
        return (text, notices)
    }

    /// `files`, with --html also report.html, rendered from the other files' text exactly as
    /// `plan report` renders it from a run directory, so the two pages are the same.
    private func withReport(_ files: [OutputFile], reportDirectory: String) throws(RunFileError) -> [OutputFile] {
        guard html else { return files }
        let report = HTMLReport(try StoredRun(files: files, directory: reportDirectory))
        return files + [OutputFile(name: "report.html", contents: report.html)]
    }
}
