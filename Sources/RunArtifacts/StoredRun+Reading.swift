import Foundation
import InputFormats
import Simulation

extension StoredRun {
    /// The files a run is read from; the others of a run directory are not needed.
    public static let fileNames = ["run.json", "checks.csv", "horizon.csv", "recommendations.csv"]
    /// Read when present: a run made before "why this day" existed has no such file.
    static let whyFileName = "why.csv"

    /// The run in `files` (name → contents, as `RunOutput.files` holds them), read back from their
    /// text whether `plan simulate --html` hands over what it is about to write or `plan report`
    /// read a run directory, so the two cannot draw different pages. `directory` prefixes the file
    /// names in error messages.
    ///
    /// - Complexity: O(total size of the files).
    public init(files: [OutputFile], directory: String) throws(RunFileError) {
        func text(_ name: String) throws(RunFileError) -> (text: String, source: String) {
            try StoredRun.file(name, in: files, directory: directory)
        }
        let run = try text("run.json")
        let record = try RunRecord.decode(run.text, source: run.source)
        let levelCount = record.policy.levels.count
        let checksFile = try text("checks.csv")
        let horizonFile = try text("horizon.csv")
        let recommendationsFile = try text("recommendations.csv")
        var report = StoredRun(
            record: record,
            checks: try StoredRun.checks(checksFile.text, source: checksFile.source, scenario: record.scenario, levelCount: levelCount),
            horizon: try StoredRun.horizon(horizonFile.text, source: horizonFile.source, levelCount: levelCount),
            recommendations: try StoredRun.recommendations(
                recommendationsFile.text, source: recommendationsFile.source, scenario: record.scenario, levelCount: levelCount))
        if let why = files.first(where: { $0.name == StoredRun.whyFileName }) {
            report.why = try StoredRun.why(
                why.contents, source: StoredRun.source(why.name, in: directory), checks: report.checks, levelCount: levelCount)
        }
        if let sensitivity = files.first(where: { $0.name == StoredRun.sensitivityFileName }) {
            (report.riskDrivers, report.riskStress, report.riskLevel) = try StoredRun.riskDrivers(
                sensitivity.contents, source: StoredRun.source(sensitivity.name, in: directory))
        }
        self = report
    }

    /// The run in `directory` (a folder `plan simulate` wrote).
    public init(directory: String) throws(RunFileError) {
        var files = try StoredRun.readFiles(StoredRun.fileNames, in: directory)
        for name in [StoredRun.whyFileName, StoredRun.sensitivityFileName] {
            let path = StoredRun.source(name, in: directory)
            if FileManager.default.fileExists(atPath: path) { files.append(OutputFile(name: name, contents: try StoredRun.readText(path))) }
        }
        try self.init(files: files, directory: directory)
    }

    /// The files `names` of the run directory `directory`, as text.
    static func readFiles(_ names: [String], in directory: String) throws(RunFileError) -> [OutputFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(path: directory)
        }
        var files: [OutputFile] = []
        for name in names {
            let path = StoredRun.source(name, in: directory)
            guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
            files.append(OutputFile(name: name, contents: try readText(path)))
        }
        return files
    }

    /// The text of a run's file, read as every input is (`InputFile`: a regular file or a pipe, at
    /// most `InputFile.maximumBytes`), so that a run folder is no way around the input limit.
    static func readText(_ path: String) throws(RunFileError) -> String {
        let data: Data
        do {
            data = try InputFile.read(path, maximumBytes: InputFile.maximumBytes)
        } catch {
            throw .unreadable(error)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .malformed("\(path): not UTF-8 text") }
        return text
    }

    /// The text of the file `name` among `files`, and how errors name it.
    static func file(_ name: String, in files: [OutputFile], directory: String) throws(RunFileError) -> (text: String, source: String) {
        let source = StoredRun.source(name, in: directory)
        guard let file = files.first(where: { $0.name == name }) else {
            throw .missing(path: source)
        }
        return (file.contents, source)
    }

    static func source(_ name: String, in directory: String) -> String {
        directory.isEmpty ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }
}

/// A run directory that cannot be read back: one line naming the file and, where it applies, the
/// line and the column or JSON path. A caller can tell a folder that is not a run's, a file
/// missing from it, a file that cannot be read (too large, unreadable) and a file that is not
/// what plan writes.
public enum RunFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path is not a folder.
    case notAFolder(path: String)
    /// A file every run folder holds is not there.
    case missing(path: String)
    /// The file cannot be read as input (`InputFile`): unreadable, not a file, too large.
    case unreadable(InputFileError)
    /// The file's content is not what plan writes: the sentence names the file and the line,
    /// column or JSON path.
    case malformed(String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "\(path): not a directory; give the folder plan simulate wrote"
        case .missing(let path): "\(path): missing; a run directory holds the files plan simulate writes"
        case .unreadable(let error): error.description
        case .malformed(let message): message
        }
    }
}
