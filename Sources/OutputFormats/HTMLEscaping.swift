extension String {
    /// The text safe inside HTML and SVG elements and in double- or single-quoted attributes:
    /// scenario, group, window and closure names come from users and may hold `<`, `&` or quotes.
    ///
    /// - Complexity: O(n).
    public var htmlEscaped: String {
        replacingCharacters(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    }

    /// Each character found in `replacements` replaced by its text, the others kept. O(n).
    func replacingCharacters(_ replacements: [Character: String]) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
