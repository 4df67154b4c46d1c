import OutputFormats

/// A message for a Slack incoming webhook: Block Kit sections, and the same text as the plain
/// `text` Slack shows in notifications and in clients that cannot draw blocks. Built from
/// paragraphs of mrkdwn, so that `--format slack`, the posted blocks and the notification never
/// say different things.
public struct SlackMessage: Sendable, Equatable {
    /// Paragraphs of Slack mrkdwn; anything taken from a policy or scenario is already escaped.
    public let paragraphs: [String]
    /// A last, small-print line (Block Kit `context`): where the message came from.
    public let footnote: String?

    public init(paragraphs: [String], footnote: String?) {
        self.paragraphs = paragraphs
        self.footnote = footnote
    }

    /// The whole message as mrkdwn text, paragraphs separated by a line break.
    public var text: String { (paragraphs + (footnote.map { [$0] } ?? [])).joined(separator: "\n") }

    /// The message for a person to read (`--format slack` on a terminal): the text with Slack's
    /// escapes undone, so that "load > 5" reads as such and not as "load &gt; 5". Only the webhook
    /// gets the escaped text.
    public var readableText: String { text.slackUnescaped }

    /// The JSON body to post to the webhook: `text` and `blocks`, one `section` per paragraph and a
    /// `context` block for the footnote. Slack limits a section's text to 3,000 characters; a
    /// policy's texts are far shorter, and the contingency lines are one paragraph each.
    public var payload: String {
        get throws {
            struct Text: Encodable { let type = "mrkdwn"; let text: String }
            struct Block: Encodable {
                let type: String
                let text: Text?
                let elements: [Text]?
            }
            struct Payload: Encodable { let text: String; let blocks: [Block] }
            var blocks = paragraphs.map { Block(type: "section", text: Text(text: $0), elements: nil) }
            if let footnote { blocks.append(Block(type: "context", text: nil, elements: [Text(text: footnote)])) }
            return try encodeJSON(Payload(text: text, blocks: blocks))
        }
    }

    /// The emoji that leads a message about a level: none at the baseline, then rising in alarm with the
    /// level. A policy with more or fewer levels than the handbook's eight spreads them over its
    /// own levels, so its top level always gets the last one.
    public static func emoji(level: Int, of count: Int) -> String? {
        let scale = [":large_yellow_circle:", ":large_orange_circle:", ":red_circle:", ":rotating_light:", ":sos:", ":fire:", ":fire::fire:"]
        guard level > 1, count > 1 else { return nil }
        let step = ((level - 1) * scale.count + count - 2) / (count - 1)
        return scale[min(max(step, 1), scale.count) - 1]
    }
}
