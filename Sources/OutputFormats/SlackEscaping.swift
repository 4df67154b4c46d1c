extension String {
    /// Text for Slack's mrkdwn: `&`, `<` and `>` as Slack requires them escaped, so that text from
    /// a policy or scenario cannot become a link or a mention such as `<!channel>` or `<!here>`.
    public var slackEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
