import CHTTPPost
import Foundation
import OutputFormats

/// Posts a JSON message to a Slack incoming webhook at most once, with a per-request timeout and
/// retries only where the message surely was not posted: the connection was refused, the host was
/// not found, TLS failed (all before the request left), a timeout before anything was sent, 429
/// (rate limited, honouring `Retry-After`) and a 5xx other than 504 (the server or a proxy in front
/// of it says it could not take the message). An incoming webhook has no idempotency key, so once
/// the request went out and no answer came (a timeout, a dropped connection, 504: a proxy gave up
/// waiting for Slack), the message may have been posted: it is reported so and never sent again —
/// a slow webhook that did deliver would otherwise show the same alert four times. Any other 4xx
/// is final: Slack's text (`invalid_token`, `channel_not_found`, `no_text`) says what to fix, and
/// sending it again would not help.
///
/// HTTP goes through libcurl, loaded when the first message is posted (`CHTTPPost`): the tool
/// posts one small message twice a day, and linking Foundation's URLSession instead
/// (FoundationNetworking, itself on libcurl) made every run of `plan` load some thirty libraries
/// and 7 MB more memory for it. The waits go through `sleep`, so that tests of the retry schedule
/// take no time.
public struct WebhookPoster: Sendable {
    /// Production values: Slack answers in well under a second; a 10 s timeout and 3 retries
    /// (waits 1, 2, 4 s, or what `Retry-After` says up to 60 s) ride out a blip and a rate limit
    /// without holding a scheduled job for minutes.
    public var timeout: Duration = .seconds(10)
    public var maximumRetries = 3
    public var firstBackoff: Duration = .seconds(1)
    public var maximumBackoff: Duration = .seconds(30)
    public var maximumRetryAfter: Duration = .seconds(60)
    /// How a wait between attempts is spent.
    public var sleep: @Sendable (Duration) -> Void = { Thread.sleep(forTimeInterval: $0 / .seconds(1)) }

    public init() {}

    /// Posts `body` (JSON); returns the number of attempts it took.
    public func post(_ body: String, to webhook: WebhookURL) throws(WebhookError) -> Int {
        var attempt = 0
        while true {
            attempt += 1
            let answer = send(body, to: webhook)
            let failure: String
            var retryAfter: Duration?
            switch answer {
            case .status(let status, _, _) where (200..<300).contains(status):
                return attempt
            case .status(504, let text, _):
                throw mayHaveBeenPosted(to: webhook, attempt: attempt, "it was sent, and a gateway answered HTTP 504\(text.isEmpty ? "" : " \(text)") (it gave up waiting for Slack)")
            case .status(let status, let text, let header) where status == 429 || status >= 500:
                failure = "HTTP \(status)\(text.isEmpty ? "" : " \(text)")"
                retryAfter = header.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { .seconds(max(0, $0)) }
            case .status(let status, let text, _):
                throw WebhookError.refused(webhook: "\(webhook)", status: status, text: text)
            case .notSent(let reason):
                failure = reason
            case .sentWithoutAnswer(let reason):
                throw mayHaveBeenPosted(to: webhook, attempt: attempt, "it was sent, but \(reason)")
            }
            guard attempt <= maximumRetries else {
                throw WebhookError.notPosted(webhook: "\(webhook)", attempts: attempt, lastFailure: failure)
            }
            sleep(retryAfter.map { min($0, maximumRetryAfter) } ?? backoff(afterAttempt: attempt))
        }
    }

    /// The error for a message that left and got no answer: it is not sent again.
    private func mayHaveBeenPosted(to webhook: WebhookURL, attempt: Int, _ what: String) -> WebhookError {
        .mayHaveBeenPosted(webhook: "\(webhook)", attempt: attempt, what: what)
    }

    /// Exponential backoff: `firstBackoff` after the first attempt, doubling, capped.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        min(firstBackoff * (1 << min(attempt - 1, 20)), maximumBackoff)
    }

    enum Answer: Sendable {
        /// The status, Slack's text (first line, printable characters, at most 200) and `Retry-After`.
        case status(Int, String, String?)
        /// No HTTP answer, and the request surely did not reach the server: why, in words.
        case notSent(String)
        /// No HTTP answer after the request went out (or began to): why, in words.
        case sentWithoutAnswer(String)
    }

    private func send(_ body: String, to webhook: WebhookURL) -> Answer {
        let seconds = timeout / .seconds(1)
        var answer = plan_http_answer()
        let bytes = Array(body.utf8)
        bytes.withUnsafeBufferPointer { body in
            body.withMemoryRebound(to: CChar.self) { body in
                plan_http_post(webhook.url.absoluteString, body.baseAddress, body.count, Int(seconds * 1000), &answer)
            }
        }
        let transport = Int(answer.transport)
        guard transport == PLAN_HTTP_ANSWERED else {
            let reason = Self.reason(answer.transport, timeout: seconds)
            // Refused, no such host, TLS not agreed: the request cannot have left, whatever the timers say.
            let beforeSending = [PLAN_HTTP_CONNECT_FAILED, PLAN_HTTP_HOST_NOT_FOUND, PLAN_HTTP_TLS_FAILED, PLAN_HTTP_NO_LIBCURL].contains(transport)
            return beforeSending || answer.sent == 0 ? .notSent(reason) : .sentWithoutAnswer(reason)
        }
        let text = withUnsafeBytes(of: answer.body) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let retryAfter = withUnsafeBytes(of: answer.retry_after) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return .status(answer.status, Self.slackText(text), retryAfter.isEmpty ? nil : retryAfter)
    }

    private static func slackText(_ body: String) -> String {
        let line = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(line.filter { !$0.isASCII || ($0.asciiValue! >= 0x20 && $0.asciiValue! < 0x7F) }.prefix(200))
    }

    /// What failed, in words; libcurl's own messages are never shown (they can quote the URL).
    private static func reason(_ transport: Int32, timeout: Double) -> String {
        switch Int(transport) {
        case PLAN_HTTP_TIMED_OUT: return "no answer came within \(NumberFormat.metric(timeout)) s"
        case PLAN_HTTP_CONNECT_FAILED: return "the connection failed"
        case PLAN_HTTP_HOST_NOT_FOUND: return "the host name was not found"
        case PLAN_HTTP_TLS_FAILED: return "the TLS connection failed"
        case PLAN_HTTP_NO_LIBCURL: return "libcurl (libcurl.so.4, Debian package libcurl4) could not be loaded"
        default: return "the connection ended with no HTTP answer"
        }
    }
}
