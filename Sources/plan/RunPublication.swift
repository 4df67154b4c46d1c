import Foundation
import Reports

/// The end of every command that produces a whole run (`plan simulate`, `plan outlook`, `plan
/// merge`): the summary or the JSON document for standard output, the files into the output folder,
/// and with `--html` the report page. One path for all, so that a merged run writes the very bytes a
/// single run of the same scenario, seed and trials writes.
struct RunPublication {
    let output: RunOutput
    /// Nil with --no-files.
    let directory: OutputDirectory?
    let html: Bool
    let json: Bool
    /// With --record, the forecast also goes into the history store, before the files are written.
    let recording: RecordOptions
    /// Printed after the text summary (not with --format json): what moved since a previous run.
    var textAfterSummary = ""

    /// Records the forecast (with --record), writes the files and returns what to print. A signal
    /// `interrupt` caught before anything is stored stops the run with nothing written; one caught
    /// while the files are written stops it before they are put in place (the folder keeps its
    /// old files); once they are in place the run is complete.
    func publish(interrupt: Interrupt? = nil) throws -> String {
        var text = json ? try output.json : TerminalSummary(output).text + textAfterSummary
        if let signal = interrupt?.received { throw RunOptions.interrupted(by: signal) }
        // The files are built once, and only when kept: for a long horizon they cost more than a
        // short run (a year of 200 SEs: a quarter of a second).
        guard recording.record || directory != nil else { return text }
        let files = try output.files
        if let signal = interrupt?.received { throw RunOptions.interrupted(by: signal) }
        try recording.forecast(files)
        if let directory {
            do {
                OutputNotice.print(try directory.replace(with: try withReport(files, reportDirectory: directory.path), isCancelled: { interrupt?.received != nil }))
            } catch let error as OutputError where error == .interrupted {
                throw RunOptions.interrupted(by: interrupt?.received ?? SIGTERM, recordedIn: recording.record ? recording.store.path : nil)
            }
            if !json { text += "\n" + wroteLines([folderPrefix(directory.path)]) }
        }
        return text
    }

    /// `files`, with --html also report.html, rendered from the other files' text exactly as
    /// `plan report` renders it from a run directory, so the two pages are the same.
    private func withReport(_ files: [OutputFile], reportDirectory: String) throws(RunFileError) -> [OutputFile] {
        guard html else { return files }
        let report = try HTMLReport(files: files, directory: reportDirectory)
        return files + [OutputFile(name: "report.html", contents: report.html)]
    }
}
