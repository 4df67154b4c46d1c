import ArgumentParser
import Foundation
import RunArtifacts
import Scenarios

/// Loading a scenario for a command: files it refers to are read from disk, and its problems are
/// printed one per line on standard error (`file:line: /json/path: message`), without the `Error:`
/// prefix ArgumentParser would put on the first line only, before exiting with status 1.
enum ScenarioFile {
    static func load(_ path: String) throws -> LoadedScenario {
        try load(path, text: try readTextFile(path))
    }

    /// For a caller that already holds the file's text (`plan simulate` also hashes its bytes).
    static func load(_ path: String, text: String) throws -> LoadedScenario {
        do {
            return try Scenario.load(text: text, path: path, readFile: readTextFile)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// Warnings go to standard error so that standard output stays the command's result.
    static func report(_ warnings: [some CustomStringConvertible]) {
        guard !warnings.isEmpty else { return }
        FileHandle.standardError.write(Data(warnings.map { "warning: \($0)\n" }.joined().utf8))
    }
}

/// What writing an output folder did beside its files (leftovers of an interrupted run removed,
/// an old output that could not be removed), on standard error so that standard output stays the
/// command's result.
enum OutputNotice {
    static func print(_ notices: [String]) {
        guard !notices.isEmpty else { return }
        FileHandle.standardError.write(Data(notices.map { "plan: \($0)\n" }.joined().utf8))
    }
}
