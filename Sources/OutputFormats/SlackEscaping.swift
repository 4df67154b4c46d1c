extension String {
    /// Text for Slack's mrkdwn: `&`, `<` and `>` as Slack requires them escaped, so that text from
    /// a policy or scenario cannot become a link or a mention such as `<!channel>` or `<!here>`.
    ///
    /// - Complexity: O(n).
    public var slackEscaped: String { replacingCharacters(["&": "&amp;", "<": "&lt;", ">": "&gt;"]) }

    /// The text `slackEscaped` was made from: `&lt;`, `&gt;` and `&amp;` back to `<`, `>` and `&`
    /// (`&amp;` last, so that an escaped "&lt;" comes back as written).
    ///
    /// - Complexity: O(n).
    public var slackUnescaped: String {
        split(separator: "&amp;", omittingEmptySubsequences: false)
            .map { $0.split(separator: "&lt;", omittingEmptySubsequences: false).joined(separator: "<")
                .split(separator: "&gt;", omittingEmptySubsequences: false).joined(separator: ">") }
            .joined(separator: "&")
    }
}
