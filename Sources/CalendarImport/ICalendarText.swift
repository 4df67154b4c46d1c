import InputFormats

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

    /// The text on one line with nothing but printing characters: an event's name becomes a
    /// holiday name shown in terminals, tables and messages, where a line break or an escape
    /// sequence would forge or garble output. Each control character becomes a space.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: \.isControlCharacter) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(scalar.isControlCharacter ? " " : scalar) }
        return String(result)
    }
}
