import ArgumentParser
import Foundation
import Reports
import SlackWebhook

/// `--post`, `--webhook-url-file` and `--dry-run`, shared by the commands that post to Slack.
/// The webhook URL is a secret: it is read from the environment or a file, never from the command
/// line (where `ps` and shell history would show it), and only its scheme and host are ever shown.
struct SlackOptions: ParsableArguments {
    static let environmentVariable = "PLAN_SLACK_WEBHOOK_URL"

    @Flag(help: "Post the message to Slack through the incoming webhook in $PLAN_SLACK_WEBHOOK_URL (or --webhook-url-file).")
    var post = false

    @Option(name: .customLong("webhook-url-file"), help: "With --post: read the webhook URL from this file instead of $PLAN_SLACK_WEBHOOK_URL.")
    var webhookURLFile: String?

    @Flag(name: .customLong("allow-shared-secret"), help: "With --webhook-url-file: use the file even if group or others may read or write it.")
    var allowSharedSecret = false

    @Flag(name: .customLong("dry-run"), help: "With --post: print the JSON payload instead of posting it.")
    var dryRun = false

    func validate() throws {
        if !post && (dryRun || webhookURLFile != nil) { throw CommandError("--dry-run and --webhook-url-file apply only with --post") }
        if allowSharedSecret && webhookURLFile == nil { throw CommandError("--allow-shared-secret applies only with --webhook-url-file") }
    }

    /// Where to post, checked before any work is done: nil when not posting or on a dry run.
    func webhook() throws -> WebhookURL? {
        guard post, !dryRun else { return nil }
        if let webhookURLFile {
            return try WebhookURL(contentsOfFile: webhookURLFile, allowShared: allowSharedSecret)
        }
        guard let text = ProcessInfo.processInfo.environment[Self.environmentVariable] else {
            throw CommandError("--post needs the webhook URL: set \(Self.environmentVariable) or give --webhook-url-file FILE")
        }
        return try WebhookURL(text, source: Self.environmentVariable)
    }

    /// Prints the command's output, then posts `message`; on a dry run prints only the payload, so
    /// that standard output is the JSON document alone.
    func deliver(_ output: String, message: SlackMessage, to webhook: WebhookURL?) throws {
        guard post else { return emit(output) }
        let payload = try message.payload
        guard let webhook else { return emit(payload) }
        emit(output)
        let attempts = try WebhookPoster().post(payload, to: webhook)
        FileHandle.standardError.write(Data("plan: posted to Slack (\(webhook))\(attempts > 1 ? " after \(attempts) attempts" : "")\n".utf8))
    }
}
