import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for testing the webhook poster end to
/// end over a socket: it records every request it receives and answers each with the next of the
/// scripted responses (the last one repeats). One connection at a time, closed after each answer,
/// which is all a webhook client needs.
public final class LoopbackServer: Sendable {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
        /// Seconds to wait before answering, to test the client's timeout.
        public var delay: Double
        /// Close the connection after the delay without answering: a server that received the
        /// request and then went away.
        public var hangsUp: Bool

        public init(status: Int, headers: [String: String] = [:], body: String = "", delay: Double = 0, hangsUp: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.hangsUp = hangsUp
        }
    }

    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: String
    }

    public let port: Int
    private let listener: Int32
    private let script: Mutex<[Response]>
    private let received = Mutex<[Request]>([])

    public init(answers: [Response]) throws {
        script = Mutex(answers)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    /// Stops accepting: the serving thread's `accept` fails, and the thread closes the socket as it
    /// ends (closing it here could let another server reuse the descriptor under that thread).
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// A webhook URL on this server whose path is a recognisable secret.
    public var url: String { "http://127.0.0.1:\(port)/services/T000/B000/\(LoopbackServer.secret)" }
    public static let secret = "secret-token-xyz"
    public var requests: [Request] { received.withLock { $0 } }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                close(listener)
                return
            }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var continued = false
        while true {
            if let request = parse(bytes) {
                received.withLock { $0.append(request) }
                let response = script.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
                if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
                if response.hangsUp { return }
                let head = "HTTP/1.1 \(response.status) Status\r\nContent-Type: text/plain\r\nContent-Length: \(response.body.utf8.count)\r\nConnection: close\r\n"
                    + response.headers.map { "\($0.key): \($0.value)\r\n" }.joined() + "\r\n"
                write(connection, head + response.body)
                return
            }
            // libcurl asks before sending a body over 1 KiB; answering at once saves its 1 s wait.
            if !continued, let text = String(bytes: bytes, encoding: .utf8), text.contains("\r\n\r\n"), text.lowercased().contains("expect: 100-continue") {
                write(connection, "HTTP/1.1 100 Continue\r\n\r\n")
                continued = true
            }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            bytes += buffer[0..<count]
        }
    }

    private func write(_ connection: Int32, _ text: String) {
        let data = Array(text.utf8)
        _ = data.withUnsafeBytes { send(connection, $0.baseAddress, data.count, Int32(MSG_NOSIGNAL)) }
    }

    /// The request, once its head and its Content-Length of body have arrived.
    private func parse(_ bytes: [UInt8]) -> Request? {
        guard let end = bytes.indices.dropLast(3).first(where: { bytes[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }) else { return nil }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let start = lines[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard bytes.count >= end + 4 + length else { return nil }
        return Request(method: String(start[0]), path: String(start[1]), headers: headers,
                       body: String(decoding: bytes[(end + 4)..<(end + 4 + length)], as: UTF8.self))
    }
}
