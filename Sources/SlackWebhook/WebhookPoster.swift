import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OutputFormats
import Synchronization

/// Posts a JSON message to a Slack incoming webhook, with a per-request timeout and retries where
/// Slack asks for them: on 429 (rate limited, honouring `Retry-After`), on 5xx and when no answer
/// came. Any other 4xx is final: Slack's text (`invalid_token`, `channel_not_found`, `no_text`)
/// says what to fix, and sending it again would not help.
///
/// HTTP goes through Foundation's URLSession (FoundationNetworking on Linux, which wraps libcurl):
/// the tool posts one small message twice a day, and URLSession needs no package to build. The
/// waits go through `sleep`, so that tests of the retry schedule take no time.
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
            case .status(let status, let text, let header) where status == 429 || status >= 500:
                failure = "HTTP \(status)\(text.isEmpty ? "" : " \(text)")"
                retryAfter = header.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { .seconds(max(0, $0)) }
            case .status(let status, let text, _):
                throw WebhookError("Slack refused the message at \(webhook): HTTP \(status)\(text.isEmpty ? "" : " \(text)")")
            case .noAnswer(let reason):
                failure = reason
            }
            guard attempt <= maximumRetries else {
                throw WebhookError("posting to Slack at \(webhook) failed after \(attempt) attempt\(attempt == 1 ? "" : "s"): \(failure)")
            }
            sleep(retryAfter.map { min($0, maximumRetryAfter) } ?? backoff(afterAttempt: attempt))
        }
    }

    /// Exponential backoff: `firstBackoff` after the first attempt, doubling, capped.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        min(firstBackoff * (1 << min(attempt - 1, 20)), maximumBackoff)
    }

    enum Answer: Sendable {
        /// The status, Slack's text (first line, printable characters, at most 200) and `Retry-After`.
        case status(Int, String, String?)
        case noAnswer(String)
    }

    private func send(_ body: String, to webhook: WebhookURL) -> Answer {
        let seconds = timeout / .seconds(1)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: webhook.url, timeoutInterval: seconds)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let result = Mutex<Answer?>(nil)
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            let answer: Answer
            if let response = response as? HTTPURLResponse {
                answer = .status(response.statusCode, Self.slackText(data ?? Data()), response.value(forHTTPHeaderField: "Retry-After"))
            } else {
                // URLError's own description may quote the URL; only its kind is shown.
                answer = .noAnswer(Self.reason(error, timeout: seconds))
            }
            result.withLock { $0 = answer }
            done.signal()
        }.resume()
        done.wait()
        return result.withLock { $0! }
    }

    private static func slackText(_ data: Data) -> String {
        let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(line.filter { !$0.isASCII || ($0.asciiValue! >= 0x20 && $0.asciiValue! < 0x7F) }.prefix(200))
    }

    private static func reason(_ error: (any Error)?, timeout: Double) -> String {
        switch (error as? URLError)?.code {
        case .timedOut?: return "no answer within \(NumberFormat.metric(timeout)) s"
        case .cannotConnectToHost?, .networkConnectionLost?: return "the connection failed"
        case .cannotFindHost?, .dnsLookupFailed?: return "the host name was not found"
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?: return "the TLS connection failed"
        default: return "no HTTP answer"
        }
    }
}
