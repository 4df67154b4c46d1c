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
        #expect(error?.description == "Slack refused the message at http://127.0.0.1:\(server.port)/…: HTTP 404 \(text)")
        #expect(!(error?.description.contains(LoopbackServer.secret) ?? true))
        #expect(waits.all.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test func timesOutASilentServer() throws {
        let server = try LoopbackServer(answers: [.init(status: 200, delay: 2)])
        defer { server.stop() }
        var poster = poster(Waits())
        poster.timeout = .milliseconds(300)
        poster.maximumRetries = 0
        let started = ContinuousClock.now
        let error = #expect(throws: WebhookError.self) { try poster.post(body, to: WebhookURL(server.url, source: "test")) }
        #expect(error?.description == "posting to Slack at http://127.0.0.1:\(server.port)/… failed after 1 attempt: no answer within 0.30 s")
        // Well under the server's 2 s delay: the timeout, not the answer, ended the attempt.
        #expect(ContinuousClock.now - started < .milliseconds(1_500))
    }

    /// Nobody listening: retried like a 5xx, and the error says what happened, not the URL.
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
