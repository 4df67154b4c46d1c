import Foundation
import TestHTTPServer
import Testing

/// The scheduled jobs in deploy/ run commands that work: each crontab line runs against the
/// December scenario and posts to a local server, the systemd units and the Kubernetes CronJobs
/// run the same commands at the same times, and systemd accepts the units.
@Suite struct DeployFilesTests {
    let deploy = PlanProcess.repository.appendingPathComponent("deploy")

    func read(_ path: String) throws -> String {
        try String(contentsOf: deploy.appendingPathComponent(path), encoding: .utf8)
    }

    /// The crontab's jobs: schedule (five fields) and command.
    func cronJobs() throws -> [(schedule: String, command: String)] {
        try read("cron/plan.crontab").split(separator: "\n").filter { $0.first?.isNumber == true }.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return (fields[0..<5].joined(separator: " "), fields[5...].joined(separator: " "))
        }
    }

    /// plan's arguments in a command `/etc/plan/open-cases | …/plan ARGS`, without where the webhook
    /// URL file, the output folder and the history store are, which differ by platform.
    func planArguments(_ command: some StringProtocol) -> [String] {
        var words = String(command).split(separator: " ").map(String.init)
        words = Array(words[(words.firstIndex { $0.hasSuffix("plan") && $0 != "/etc/plan/open-cases" }! + 1)...])
        for flag in ["--webhook-url-file", "--out", "--history"] {
            if let i = words.firstIndex(of: flag) { words.removeSubrange(i...(i + 1)) }
        }
        return words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
    }

    @Test func crontabCommandsRunAndPost() throws {
        let server = try LoopbackServer(answers: [.init(status: 200, body: "ok")])
        defer { server.stop() }
        let dir = try PlanProcess.temporaryDirectory()
        let webhook = dir.appendingPathComponent("slack-webhook")
        try server.url.write(to: webhook, atomically: true, encoding: .utf8)
        // As the deploy files have it: readable by its owner only (plan refuses it otherwise).
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: webhook.path)
        let jobs = try cronJobs()
        #expect(jobs.map(\.schedule) == ["0 10 * * 1-5", "30 17 * * 1-5", "0 7 * * 1"])
        for job in jobs {
            var arguments = planArguments(job.command).map { $0 == "/etc/plan/scenario.json" ? "scenarios/december.json" : $0 }
            if let i = arguments.firstIndex(of: "--date") { arguments[i + 1] = "2026-12-21" }
            if let i = arguments.firstIndex(of: "--from") { arguments[i + 1] = "2026-12-14" }
            // The outlook counts the open cases when it runs, Mondays at 07:00: before the first check.
            if let i = arguments.firstIndex(of: "--open-cases-at") {
                #expect(arguments[i + 1] == "now")
                arguments[i + 1] = "07:00"
            }
            if arguments.first == "outlook" { arguments += ["--trials", "2000", "--out", dir.appendingPathComponent("outlook").path] }
            #expect(arguments.contains("--record"), "\(arguments)")
            let history = ["--history", dir.appendingPathComponent("history.sqlite").path]
            let r = try PlanProcess.run(arguments + history + ["--webhook-url-file", webhook.path], stdin: "40\n")
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
        }
        #expect(server.requests.count == 3)
        // The store the jobs share: the Americas check is compared with that morning's EMEA check.
        #expect(!server.requests[0].body.contains("the previous check"))
        #expect(server.requests[1].body.contains("the previous check"))
    }

    @Test func systemdUnitsRunTheCrontabCommandsAtTheSameTimes() throws {
        let commands = try cronJobs().map { planArguments($0.command) }
        let check = try read("systemd/plan-check@.service")
        let execStart = try #require(check.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        #expect(planArguments(execStart).map { $0 == "%i" ? "emea" : $0 } == commands[0])
        #expect(planArguments(execStart).map { $0 == "%i" ? "americas" : $0 } == commands[1])
        let outlook = try read("systemd/plan-outlook.service")
        #expect(planArguments(try #require(outlook.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })) == commands[2])
        #expect(try read("systemd/plan-check-emea.timer").contains("OnCalendar=Mon..Fri *-*-* 10:00:00 UTC\nUnit=plan-check@emea.service"))
        #expect(try read("systemd/plan-check-americas.timer").contains("OnCalendar=Mon..Fri *-*-* 17:30:00 UTC\nUnit=plan-check@americas.service"))
        #expect(try read("systemd/plan-outlook.timer").contains("OnCalendar=Mon *-*-* 07:00:00 UTC\nUnit=plan-outlook.service"))
    }

    /// `systemd-analyze verify` (Debian's systemd package) reports any key it cannot parse.
    @Test func systemdAcceptsTheUnits() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.currentDirectoryURL = deploy.appendingPathComponent("systemd")
        process.arguments = ["verify", "--man=no", "plan-check-emea.timer", "plan-check-americas.timer", "plan-outlook.timer",
                             "plan-check@emea.service", "plan-check@americas.service", "plan-outlook.service"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.isEmpty, "\(text)")
    }

    /// The CronJobs: the crontab's schedules in UTC and its commands, one job each.
    @Test func kubernetesCronJobsRunTheCrontabCommands() throws {
        let documents = try read("kubernetes/daily-checks-cronjob.yaml").components(separatedBy: "\n---\n")
        let jobs = try cronJobs()
        #expect(documents.count == jobs.count)
        for (document, job) in zip(documents, jobs) {
            #expect(document.contains("kind: CronJob\n"))
            #expect(document.contains("  schedule: \"\(job.schedule)\"\n  timeZone: \"Etc/UTC\"\n"))
            let command = try #require(document.split(separator: "\n").first { $0.contains("| plan ") })
            #expect(planArguments(command) == planArguments(job.command))
        }
    }

    /// Every folder a CronJob writes (--out, --history's folder) is on a volume mounted writable, not
    /// the pod's own file system, which is gone when the job ends: the outlook's report, whose path
    /// its Slack message gives, stays readable. And the Secret is mounted owner-only (0400), which
    /// plan requires of a webhook file.
    @Test func kubernetesJobsKeepWhatTheyWriteInVolumes() throws {
        for document in try read("kubernetes/daily-checks-cronjob.yaml").components(separatedBy: "\n---\n") {
            let command = try #require(document.split(separator: "\n").first { $0.contains("| plan ") })
            let words = command.split(separator: " ").map(String.init)
            let written = ["--out", "--history"].compactMap { flag in words.firstIndex(of: flag).map { words[$0 + 1] } }
            #expect(!written.isEmpty)
            let writable = document.split(separator: "\n").filter { $0.contains("mountPath:") && !$0.contains("readOnly: true") }
                .compactMap { line in line.split(separator: ",").first { $0.contains("mountPath:") }?.split(separator: ":").last?.trimmingCharacters(in: CharacterSet(charactersIn: " }")) }
            for path in written {
                #expect(writable.contains { path.hasPrefix($0 + "/") }, "\(path) is not on a writable volume (\(writable))")
            }
            #expect(!command.contains("/tmp/"))
            #expect(document.contains("secret: { secretName: plan-slack, defaultMode: 0400 }"))
        }
    }
}
