extension String {
    /// Text for Slack's mrkdwn: `&`, `<` and `>` as Slack requires them escaped, so that text from
    /// a policy or scenario cannot become a link or a mention such as `<!channel>` or `<!here>`.
    ///
    /// - Complexity: O(n).
    public var slackEscaped: String { replacingCharacters(["&": "&amp;", "<": "&lt;", ">": "&gt;"]) }
}
