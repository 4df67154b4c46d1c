/// Decoding TEXT values (RFC 5545 §3.3.11), such as SUMMARY, where `,` `;` `\` and line breaks are
/// written as `\,` `\;` `\\` and `\n`.
enum ICalendarText {
    /// Undoes the escapes. A backslash before any other character is kept as written: it comes from a
    /// producer that did not escape a backslash it meant literally (`C:\Users`).
    static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                case "\\", ",", ";": result.append(character)
                default: result.append("\\"); result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
