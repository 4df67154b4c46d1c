import Foundation
import TestHTTPServer
import Testing

/// SIGTERM at the end of a run: while its files are being written it still stops the run, and the
/// folder keeps its old contents (here: none) and no staged files; once the run is over, plan no
/// longer catches it, so a post to Slack can be stopped.
@Suite struct InterruptTests {
    static let december = PlanProcess.repository.appendingPathComponent("scenarios/december.json").path

    /// Waits for `condition`, polling; false after `seconds`.
    func wait(seconds: Double, for condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Whether process `pid` has `path` open.
    func hasOpen(_ pid: Int32, _ path: String) -> Bool {
        let fds = "/proc/\(pid)/fd"
        return ((try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []).contains {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fds)/\($0)")) == path
        }
    }

    /// The run records its forecast first and then writes its files; the store's write lock is held
    /// by another process (the sqlite3 shell), so the run waits in the recording, and the SIGTERM
    /// comes then. The recording finishes once the lock is released, the files are not put in place,
    /// and the status is 143 with a message that says the forecast was recorded.
    @Test func aSigtermWhileTheResultsAreWrittenStopsBeforeTheFilesArePutInPlace() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let store = folder.appendingPathComponent("h.sqlite").path
        #expect(try PlanProcess.run(["history", "import", "-", "--history", store], stdin: "date,window,emea,us,open_cases\n2026-12-01,EMEA,3,10,40\n", in: folder).status == 0)

        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [store]
        let holderInput = Pipe(), holderOutput = Pipe()
        holder.standardInput = holderInput
        holder.standardOutput = holderOutput
        try holder.run()
        holderInput.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        let locked = holderOutput.fileHandleForReading.availableData
        #expect(String(decoding: locked, as: UTF8.self) == "locked\n")

        let plan = Process()
        plan.executableURL = PlanProcess.executable
        plan.arguments = ["simulate", Self.december, "--trials", "2000", "--out", "run", "--record", "--history", store]
        plan.environment = PlanProcess.environment()
        plan.currentDirectoryURL = folder
        let err = Pipe()
        plan.standardOutput = FileHandle.nullDevice
        plan.standardError = err
        try plan.run()
        // Waiting in the recording: the store open for a whole second on end.
        var since: Date?
        let waiting = wait(seconds: 60) {
            guard hasOpen(plan.processIdentifier, store) else { since = nil; return false }
            since = since ?? Date()
            return Date().timeIntervalSince(since!) > 1
        }
        #expect(waiting)
        kill(plan.processIdentifier, SIGTERM)
        // Time for the signal's handler to note it before the recording can go on.
        Thread.sleep(forTimeInterval: 1)
        holderInput.fileHandleForWriting.write(Data("COMMIT;\n".utf8))
        try holderInput.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(wait(seconds: 60) { !plan.isRunning })
        if plan.isRunning { kill(plan.processIdentifier, SIGKILL) }
        plan.waitUntilExit()

        #expect(plan.terminationReason == .exit)
        #expect(plan.terminationStatus == 143)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        #expect(stderr.count == 2 && stderr[0].hasPrefix("Recorded the forecast of run "))
        #expect(stderr.last == "Interrupted: the run was stopped and no files were written (its forecast had been recorded in \(store) already).")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!left.contains("run"))
        #expect(!left.contains { $0.hasPrefix(".run.partial-") }, "\(left)")
        let show = try PlanProcess.run(["history", "show", "--history", store], in: folder)
        #expect(show.stdout.contains("Forecasts: 1\n"))
    }

    /// The run is over and plan is waiting for Slack's answer: SIGTERM ends it there and then, as
    /// it ends any program that does not catch it (before, the caught signal was ignored and the
    /// post went on to its answer).
    @Test func aSigtermWhilePostingEndsTheProcess() throws {
        let server = try LoopbackServer(answers: [.init(status: 200, body: "ok", delay: 8)])
        defer { server.stop() }
        // The test runner's threads block SIGTERM, and a child inherits that; env unblocks it, as a
        // shell or systemd starts plan.
        let plan = Process()
        plan.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        plan.arguments = ["--default-signal=TERM", PlanProcess.executable.path, "simulate", Self.december, "--trials", "200", "--no-files", "--post"]
        plan.environment = PlanProcess.environment(adding: ["PLAN_SLACK_WEBHOOK_URL": server.url])
        plan.currentDirectoryURL = PlanProcess.repository
        plan.standardOutput = FileHandle.nullDevice
        plan.standardError = FileHandle.nullDevice
        try plan.run()
        #expect(wait(seconds: 60) { server.requests.count == 1 })
        kill(plan.processIdentifier, SIGTERM)
        let ended = wait(seconds: 5) { !plan.isRunning }
        #expect(ended)
        if !ended { kill(plan.processIdentifier, SIGKILL) }
        plan.waitUntilExit()
        #expect(plan.terminationReason == .uncaughtSignal)
        #expect(plan.terminationStatus == SIGTERM)
    }

    /// The run is over and the post was refused with "retry after 30 s": plan waits between the
    /// attempts, and Ctrl-C (SIGINT) ends it during the wait, without a second attempt, since the
    /// signals caught for the run have their earlier handling back.
    @Test func aSigintBetweenTheRetriesOfAPostEndsTheProcess() throws {
        let server = try LoopbackServer(answers: [.init(status: 429, headers: ["Retry-After": "30"], body: "rate_limited"), .init(status: 200, body: "ok")])
        defer { server.stop() }
        let plan = Process()
        plan.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        plan.arguments = ["--default-signal=INT", PlanProcess.executable.path, "simulate", Self.december, "--trials", "200", "--no-files", "--post"]
        plan.environment = PlanProcess.environment(adding: ["PLAN_SLACK_WEBHOOK_URL": server.url])
        plan.currentDirectoryURL = PlanProcess.repository
        plan.standardOutput = FileHandle.nullDevice
        plan.standardError = FileHandle.nullDevice
        try plan.run()
        #expect(wait(seconds: 60) { server.requests.count == 1 })
        // Past the answer, into the 30 s wait.
        Thread.sleep(forTimeInterval: 0.5)
        kill(plan.processIdentifier, SIGINT)
        let ended = wait(seconds: 5) { !plan.isRunning }
        #expect(ended)
        if !ended { kill(plan.processIdentifier, SIGKILL) }
        plan.waitUntilExit()
        #expect(plan.terminationReason == .uncaughtSignal)
        #expect(plan.terminationStatus == SIGINT)
        #expect(server.requests.count == 1)
    }
}
