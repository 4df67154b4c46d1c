import Foundation
import SlackWebhook
import Synchronization
import TestHTTPServer
import Testing

/// The poster against a real HTTP server on 127.0.0.1 (no mocked client): what arrives, and the
/// retry schedule, with the waits recorded instead of slept.
@Suite struct WebhookPosterTests {
    let body = #"{"text":"level 2"}"#

    /// A poster whose waits are recorded, not slept.
    private func poster(_ waits: Waits) -> WebhookPoster {
        var poster = WebhookPoster()
        poster.sleep = { duration in waits.list.withLock { $0.append(duration) } }
        return poster
    }

    final class Waits: Sendable {
        let list = Mutex<[Duration]>([])
        var all: [Duration] { list.withLock { $0 } }
    }

    @Test func postsTheJSONBodyOnce() throws {
        let server = try LoopbackServer(answers: [.init(status: 200, body: "ok")])
        defer { server.stop() }
        let waits = Waits()
        let attempts = try poster(waits).post(body, to: WebhookURL(server.url, source: "test"))
        #expect(attempts == 1)
        #expect(waits.all.isEmpty)
        let requests = server.requests
        #expect(requests.count == 1)
        #expect(requests.first?.method == "POST")
        #expect(requests.first?.path == "/services/T000/B000/\(LoopbackServer.secret)")
        #expect(requests.first?.headers["content-type"] == "application/json; charset=utf-8")
        #expect(requests.first?.body == body)
    }

    @Test func retriesA429AfterRetryAfter() throws {
        let server = try LoopbackServer(answers: [.init(status: 429, headers: ["Retry-After": "1"], body: "rate_limited"), .init(status: 200, body: "ok")])
        defer { server.stop() }
        let waits = Waits()
        let attempts = try poster(waits).post(body, to: WebhookURL(server.url, source: "test"))
        #expect(attempts == 2)
        #expect(waits.all == [.seconds(1)])
        #expect(server.requests.map(\.body) == [body, body])
    }

    @Test func capsALongRetryAfter() throws {
        let server = try LoopbackServer(answers: [.init(status: 429, headers: ["Retry-After": "3600"]), .init(status: 200)])
        defer { server.stop() }
        let waits = Waits()
        _ = try poster(waits).post(body, to: WebhookURL(server.url, source: "test"))
        #expect(waits.all == [.seconds(60)])
    }

    /// 1 + 3 attempts with exponential waits, then an error that names the host and the last answer
    /// but not the secret path.
    @Test func givesUpAfterRetryingServerErrors() throws {
        let server = try LoopbackServer(answers: [.init(status: 500, body: "internal_error")])
        defer { server.stop() }
        let waits = Waits()
        let error = #expect(throws: WebhookError.self) { try poster(waits).post(body, to: WebhookURL(server.url, source: "test")) }
        #expect(error?.description == "posting to Slack at http://127.0.0.1:\(server.port)/… failed after 4 attempts: HTTP 500 internal_error")
        #expect(waits.all == [.seconds(1), .seconds(2), .seconds(4)])
        #expect(server.requests.count == 4)
    }

    @Test(arguments: ["channel_not_found", "invalid_token"])
    func reportsA4xxWithSlacksTextWithoutRetrying(text: String) throws {
        let server = try LoopbackServer(answers: [.init(status: 404, body: text)])
        defer { server.stop() }
        let waits = Waits()
        let error = #expect(throws: WebhookError.self) { try poster(waits).post(body, to: WebhookURL(server.url, source: "test")) }
        #expect(error == .refused(webhook: "http://127.0.0.1:\(server.port)/…", status: 404, text: text))
        #expect(error?.description == "Slack refused the message at http://127.0.0.1:\(server.port)/…: HTTP 404 \(text)")
        #expect(!(error?.description.contains(LoopbackServer.secret) ?? true))
        #expect(waits.all.isEmpty)
        #expect(server.requests.count == 1)
    }

    /// A slow webhook that does deliver: the request went out, no answer came within the timeout,
    /// so the message may have been posted. It is sent once and never again (retries left unused),
    /// and the error says so. The server is given time to take a second request before counting.
    @Test func aSlowWebhookThatDeliversGetsExactlyOneRequest() throws {
        let server = try LoopbackServer(answers: [.init(status: 200, body: "ok", delay: 1)])
        defer { server.stop() }
        let waits = Waits()
        var poster = poster(waits)
        poster.timeout = .milliseconds(300)
        let error = #expect(throws: WebhookError.self) { try poster.post(body, to: WebhookURL(server.url, source: "test")) }
        // The timeout, not the answer, ended the attempt.
        #expect(error?.description == "the message to Slack at http://127.0.0.1:\(server.port)/… may have been posted: it was sent, but no answer came within 0.30 s; "
            + "it was not sent again (attempt 1), so that it is posted at most once: look in the channel before posting it by hand")
        #expect(waits.all.isEmpty)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(server.requests.map(\.body) == [body])
    }

    /// A server that read the request and closed the connection without answering: not resent.
    @Test func aDroppedConnectionAfterSendingIsNotResent() throws {
        let server = try LoopbackServer(answers: [.init(status: 200, hangsUp: true)])
        defer { server.stop() }
        let waits = Waits()
        let error = #expect(throws: WebhookError.self) { try poster(waits).post(body, to: WebhookURL(server.url, source: "test")) }
        #expect(error?.description.hasPrefix("the message to Slack at http://127.0.0.1:\(server.port)/… may have been posted: it was sent, but the connection ended with no HTTP answer;") == true)
        #expect(waits.all.isEmpty)
        #expect(server.requests.count == 1)
    }

    /// 504: a gateway gave up waiting for Slack, which may have posted it; 502 and 503 are retried.
    @Test func aGatewayTimeoutIsNotResentButABadGatewayIs() throws {
        let timedOut = try LoopbackServer(answers: [.init(status: 504, body: "upstream timed out"), .init(status: 200)])
        defer { timedOut.stop() }
        let error = #expect(throws: WebhookError.self) { try poster(Waits()).post(body, to: WebhookURL(timedOut.url, source: "test")) }
        #expect(error?.description.hasPrefix("the message to Slack at http://127.0.0.1:\(timedOut.port)/… may have been posted: it was sent, and a gateway answered HTTP 504 upstream timed out") == true)
        #expect(timedOut.requests.count == 1)

        let unavailable = try LoopbackServer(answers: [.init(status: 502), .init(status: 503), .init(status: 200, body: "ok")])
        defer { unavailable.stop() }
        let waits = Waits()
        #expect(try poster(waits).post(body, to: WebhookURL(unavailable.url, source: "test")) == 3)
        #expect(waits.all == [.seconds(1), .seconds(2)])
        #expect(unavailable.requests.count == 3)
    }

    /// Nobody listening: the request surely did not leave, so it is retried like a 5xx, and the
    /// error says what happened, not the URL.
    @Test func reportsARefusedConnection() throws {
        let server = try LoopbackServer(answers: [.init(status: 200)])
        server.stop()
        let waits = Waits()
        let url = try WebhookURL(server.url, source: "test")
        Thread.sleep(forTimeInterval: 0.1)
        let error = #expect(throws: WebhookError.self) { try poster(waits).post(body, to: url) }
        #expect(error?.description == "posting to Slack at http://127.0.0.1:\(server.port)/… failed after 4 attempts: the connection failed")
        #expect(waits.all == [.seconds(1), .seconds(2), .seconds(4)])
    }

    /// The production schedule: 10 s timeout, 3 retries, waits 1, 2, 4 s doubling up to 30 s.
    @Test func productionValues() {
        let poster = WebhookPoster()
        #expect(poster.timeout == .seconds(10))
        #expect(poster.maximumRetries == 3)
        #expect((1...7).map(poster.backoff(afterAttempt:)) == [1, 2, 4, 8, 16, 30, 30].map { .seconds($0) })
        #expect(poster.maximumRetryAfter == .seconds(60))
    }
}
