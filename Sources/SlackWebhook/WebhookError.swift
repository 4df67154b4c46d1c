/// A webhook URL that cannot be used, or a message Slack did not take: one case per thing a caller
/// can act on (fix the message or the token, post it later, look in the channel first, protect the
/// file), each worded for the user. No description ever holds the URL's path (`WebhookURL`): a
/// webhook is named by its origin (`https://hooks.slack.com/…`).
public enum WebhookError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A final answer (a 4xx other than 429): Slack's text says what to fix; sending again would not help.
    case refused(webhook: String, status: Int, text: String)
    /// Every attempt failed before the message could have been posted (refused connection, no
    /// host, 429, a 5xx other than 504): it was not posted, and can be posted again later.
    case notPosted(webhook: String, attempts: Int, lastFailure: String)
    /// The request went out and no answer came (a timeout, a dropped connection, HTTP 504): the
    /// message may have been posted, so it was not sent again.
    case mayHaveBeenPosted(webhook: String, attempt: Int, what: String)
    /// The webhook file can be read or written by group or others, and that was not allowed.
    case sharedFile(path: String, who: String, mode: String)
    /// The URL or its file cannot be used (malformed, unreadable, not a regular file, too large).
    case unusable(String)

    public var description: String { description(allowingShared: "allow a shared file") }

    /// The sentence, a shared file's remedy other than `chmod` worded as `allowingShared` (the
    /// tool names its option).
    public func description(allowingShared: String) -> String {
        switch self {
        case .refused(let webhook, let status, let text):
            "Slack refused the message at \(webhook): HTTP \(status)\(text.isEmpty ? "" : " \(text)")"
        case .notPosted(let webhook, let attempts, let failure):
            "posting to Slack at \(webhook) failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(failure)"
        case .mayHaveBeenPosted(let webhook, let attempt, let what):
            "the message to Slack at \(webhook) may have been posted: \(what); it was not sent again"
                + " (attempt \(attempt)), so that it is posted at most once: look in the channel before posting it by hand"
        case .sharedFile(let path, let who, let mode):
            "\(path): the webhook file can be \(who) by group or others (mode \(mode)); its URL is a secret: chmod 600 \(path), or \(allowingShared)"
        case .unusable(let message):
            message
        }
    }
}
