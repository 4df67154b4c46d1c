import Foundation

/// A Slack incoming-webhook URL. Its path is the secret (whoever has it can post in the channel),
/// so nothing here ever shows more than the scheme and host: not the description, not the errors.
public struct WebhookURL: Sendable, CustomStringConvertible {
    let url: URL
    /// `https://hooks.slack.com` (and a port if it has one): what messages may show of the URL.
    public let origin: String

    /// Checks `text` (surrounding white space ignored, as a file's trailing newline) and keeps it.
    /// `source` names where it came from for the error (`PLAN_SLACK_WEBHOOK_URL`, a file).
    /// Plain `http` is accepted only for this machine (127.0.0.1, ::1, localhost): a local relay or
    /// a test server, never a secret sent in clear over a network.
    public init(_ text: String, source: String) throws(WebhookError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        func malformed(_ problem: String, shown: String? = nil) -> WebhookError {
            WebhookError.unusable("the Slack webhook URL from \(source) is malformed: \(problem)\(shown.map { " (it begins \($0))" } ?? "")")
        }
        guard !trimmed.isEmpty else { throw malformed("it is empty") }
        guard !trimmed.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }),
              let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw malformed("expected a URL such as https://hooks.slack.com/services/…")
        }
        // Only a host made of host-name characters is shown; anything else may be part of the secret.
        let host = components.host.flatMap { $0.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) } ? $0 : nil }
        let shown = host.map { "\(scheme)://\($0)\(components.port.map { ":\($0)" } ?? "")" }
        guard let host, !host.isEmpty else { throw malformed("it has no host name", shown: scheme.allSatisfy(\.isLetter) ? "\(scheme)://" : nil) }
        let local = ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && local) else {
            throw malformed("expected https (plain http only to this machine)", shown: shown)
        }
        guard components.user == nil, components.password == nil else { throw malformed("it holds a user name or password", shown: shown) }
        guard components.path.count > 1 else { throw malformed("it has no path (Slack's look like /services/T…/B…/…)", shown: shown) }
        guard let url = components.url else { throw malformed("expected a URL such as https://hooks.slack.com/services/…", shown: shown) }
        self.url = url
        self.origin = shown!
    }

    /// `https://hooks.slack.com/…`: never the secret path.
    public var description: String { origin + "/…" }
}
