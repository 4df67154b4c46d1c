import Foundation
import InputFormats
import RunFixtures
import Testing
import RunArtifacts

/// A run folder read back (`plan report`, `plan diff`, `--previous`, `plan history add-run`) is an
/// input like any other: a file in it larger than the input limit is refused by name before it is
/// read, not loaded whole.
struct RunFolderLimitTests {
    /// The two-day run's files in a new folder, with `name` replaced by a sparse file one byte over
    /// the limit (no disk is used for it).
    func folder(oversized name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-run-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for file in try TwoDayRun.output().files {
            try Data(file.contents.utf8).write(to: url.appendingPathComponent(file.name))
        }
        let path = url.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(InputFile.maximumBytes + 1))
        try handle.close()
        return url.path
    }

    @Test(arguments: ["run.json", "checks.csv", "why.csv", "sensitivity.csv"])
    func storedRunRefusesAFileOverTheLimit(name: String) throws {
        let directory = try folder(oversized: name)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = try #require(throws: RunFileError.self) { try StoredRun(directory: directory) }
        #expect(error.description == "\(directory)/\(name): the file is larger than 64 MiB, the most plan reads")
    }

    @Test(arguments: ["run.json", "checks.csv", "counts.json"])
    func forecastRefusesAFileOverTheLimit(name: String) throws {
        let directory = try folder(oversized: name)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = try #require(throws: RunFileError.self) { try RunForecast(directory: directory) }
        #expect(error.description == "\(directory)/\(name): the file is larger than 64 MiB, the most plan reads")
    }

    @Test func theFilesUnderTheLimitReadAsWritten() throws {
        let directory = try folder(oversized: "longest_runs.csv")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // longest_runs.csv is not read back, so its size does not matter.
        #expect(try StoredRun(directory: directory).checks.count == 4)
    }
}
