/// A webhook URL that cannot be used, or a message Slack did not accept, worded for the user. No
/// description ever holds the URL's path (`WebhookURL`).
public struct WebhookError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
