extension String {
    /// The text safe inside HTML and SVG elements and in double- or single-quoted attributes:
    /// scenario, group, window and closure names come from users and may hold `<`, `&` or quotes.
    ///
    /// - Complexity: O(n).
    public var htmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
