import Foundation
import TestHTTPServer
import Testing

/// `plan level --post` through the binary against a real HTTP server on 127.0.0.1: what Slack
/// receives, what the user sees, and that the webhook's secret path appears nowhere.
@Suite struct SlackPostTests {
    let check = ["level", "scenarios/december.json", "--date", "2026-12-21", "--window", "emea", "--open-cases", "40"]

    @Test func postsTheBlockKitMessage() throws {
        let server = try LoopbackServer(answers: [.init(status: 200, body: "ok")])
        defer { server.stop() }
        let r = try PlanProcess.run(check + ["--post"], environment: ["PLAN_SLACK_WEBHOOK_URL": server.url])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Mon 2026-12-21, EMEA check"))
        #expect(r.stderr == "plan: posted to Slack (http://127.0.0.1:\(server.port)/…)\n")
        let request = try #require(server.requests.first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
        #expect((json["text"] as? String)?.hasPrefix(":large_yellow_circle: *Mon 2026-12-21, EMEA check (10:00 UTC, coverage 09:00–16:00 UTC): we are at level 2") == true)
        #expect((json["blocks"] as? [Any])?.isEmpty == false)
    }

    /// Rate limited once: the binary waits the second Retry-After asks for, and posts again.
    @Test func aRateLimitedPostIsRetried() throws {
        let server = try LoopbackServer(answers: [.init(status: 429, headers: ["Retry-After": "1"], body: "rate_limited"), .init(status: 200, body: "ok")])
        defer { server.stop() }
        let r = try PlanProcess.run(check + ["--post"], environment: ["PLAN_SLACK_WEBHOOK_URL": server.url])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "plan: posted to Slack (http://127.0.0.1:\(server.port)/…) after 2 attempts\n")
        #expect(server.requests.count == 2)
    }

    @Test func dryRunPrintsThePayloadAndPostsNothing() throws {
        let server = try LoopbackServer(answers: [.init(status: 200)])
        defer { server.stop() }
        let r = try PlanProcess.run(check + ["--post", "--dry-run"], environment: ["PLAN_SLACK_WEBHOOK_URL": server.url])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["blocks"] != nil)
        #expect(server.requests.isEmpty)
    }

    /// A 404 with Slack's text: exit 1, the text shown, the level still printed, the secret nowhere.
    @Test func aRefusedPostFailsWithSlacksText() throws {
        let server = try LoopbackServer(answers: [.init(status: 404, body: "channel_not_found")])
        defer { server.stop() }
        let r = try PlanProcess.run(check + ["--post"], environment: ["PLAN_SLACK_WEBHOOK_URL": server.url])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("Mon 2026-12-21, EMEA check"))
        #expect(r.stderr == "Error: Slack refused the message at http://127.0.0.1:\(server.port)/…: HTTP 404 channel_not_found\n")
        #expect(!(r.stdout + r.stderr).contains(LoopbackServer.secret))
    }

    @Test func theURLCanComeFromAFile() throws {
        let server = try LoopbackServer(answers: [.init(status: 200)])
        defer { server.stop() }
        let file = try PlanProcess.temporaryDirectory().appendingPathComponent("webhook")
        try (server.url + "\n").write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let r = try PlanProcess.run(check + ["--post", "--webhook-url-file", file.path], environment: ["PLAN_SLACK_WEBHOOK_URL": "unused"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(server.requests.count == 1)
    }

    /// A webhook file anyone may read (0644, what a plain `echo > file` makes) is refused before any
    /// work, as ssh refuses such a key; --allow-shared-secret takes it.
    @Test func aWebhookFileOthersMayReadIsRefused() throws {
        let server = try LoopbackServer(answers: [.init(status: 200)])
        defer { server.stop() }
        let file = try PlanProcess.temporaryDirectory().appendingPathComponent("webhook")
        try (server.url + "\n").write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let r = try PlanProcess.run(check + ["--post", "--webhook-url-file", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: \(file.path): the webhook file can be read by group or others (mode 644); its URL is a secret: chmod 600 \(file.path), or give --allow-shared-secret\n")
        #expect(server.requests.isEmpty)
        let allowed = try PlanProcess.run(check + ["--post", "--webhook-url-file", file.path, "--allow-shared-secret"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(server.requests.count == 1)
        let alone = try PlanProcess.run(check + ["--post", "--allow-shared-secret"], environment: ["PLAN_SLACK_WEBHOOK_URL": server.url])
        #expect(alone.stderr.contains("--allow-shared-secret applies only with --webhook-url-file"))
        #expect(alone.status != 0)
    }

    @Test func aMalformedURLIsRefusedBeforeAnyWorkWithoutItsPath() throws {
        let r = try PlanProcess.run(check + ["--post"], environment: ["PLAN_SLACK_WEBHOOK_URL": "http://hooks.slack.com/services/T1/B2/\(LoopbackServer.secret)"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: the Slack webhook URL from PLAN_SLACK_WEBHOOK_URL is malformed: expected https (plain http only to this machine) (it begins http://hooks.slack.com)\n")
        let missing = try PlanProcess.run(check + ["--post"], environment: ["PLAN_SLACK_WEBHOOK_URL": ""])
        #expect(missing.stderr == "Error: the Slack webhook URL from PLAN_SLACK_WEBHOOK_URL is malformed: it is empty\n")
    }
}
