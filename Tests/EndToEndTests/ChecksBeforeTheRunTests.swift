import Foundation
import Testing

/// Where a command's results go is checked before it simulates: a bad `--out` for compare, whatif
/// and approve, and a store `--record` cannot write for simulate, outlook and merge, fail at once.
/// Each run is sized to take minutes (10 million trials), so a check made only after the run would
/// not answer within the watchdog's minute; the watchdog ends it and the test fails.
@Suite struct ChecksBeforeTheRunTests {
    static let december = PlanProcess.repository.appendingPathComponent("scenarios/december.json").path
    static let longRun = ["--trials", "10000000"]

    /// Runs plan in `folder`; a process still running after a minute is killed and reported as status -1.
    func runWithWatchdog(_ arguments: [String], in folder: URL) throws -> PlanProcess.Result {
        let process = Process()
        process.executableURL = PlanProcess.executable
        process.arguments = arguments
        process.environment = PlanProcess.environment()
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return PlanProcess.Result(status: -1, stdout: "", stderr: "still running after 60 s")
        }
        return PlanProcess.Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func aFolderOfOtherWorkAsOutFailsBeforeTheRun() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try "mine".write(to: work.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "name,start,end\nus-09,2026-12-14,2026-12-15\n".write(to: folder.appendingPathComponent("requests.csv"), atomically: true, encoding: .utf8)
        let expected = "Error: work exists and holds files plan did not write (no .plan-output.json); choose another --out or remove it\n"
        for command in [["compare", Self.december, Self.december], ["whatif", Self.december, "--inflow-factor", "1.2"],
                        ["approve", Self.december, "--requests", "requests.csv", "--max-risk", "ge4<=0.2"]] {
            let r = try runWithWatchdog(command + Self.longRun + ["--out", "work"], in: folder)
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(r.stderr == expected, "\(command)")
        }
        #expect(try String(contentsOf: work.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func aStoreRecordCannotWriteFailsBeforeTheRun() throws {
        let folder = try PlanProcess.temporaryDirectory()
        try "not a database".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let cases: [(history: String, error: String)] = [
            ("notes.txt", "Error: notes.txt: not an SQLite database, so not a plan history store\n"),
            ("missing/h.sqlite", "Error: missing/h.sqlite: there is no folder missing to create the history store in\n"),
        ]
        for (history, error) in cases {
            for command in [["simulate", Self.december, "--no-files"], ["outlook", Self.december, "--from", "2026-12-14", "--days", "14", "--open-cases", "40", "--no-files"]] {
                let r = try runWithWatchdog(command + Self.longRun + ["--record", "--history", history], in: folder)
                #expect(r.status == 1, "\(command): \(r.stderr)")
                #expect(r.stderr == error, "\(command)")
            }
        }
        // merge: the parts are not even read.
        let merge = try runWithWatchdog(["merge", "no-such-part.json", "--record", "--history", "notes.txt"], in: folder)
        #expect(merge.stderr == "Error: notes.txt: not an SQLite database, so not a plan history store\n")
        #expect(merge.status == 1)
    }
}
