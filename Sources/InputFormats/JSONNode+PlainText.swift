extension JSONNode {
    /// Text that people read in terminals, tables, messages and file names: at most
    /// `maximumLength` characters and no control characters, since a line break or an escape
    /// sequence in a name would let it forge or garble lines of output.
    public func text(maximumLength: Int, allowingEmpty: Bool) -> String? {
        guard let s = string() else { return nil }
        guard allowingEmpty || !s.isEmpty else { report("expected a non-empty string"); return nil }
        guard s.count <= maximumLength else {
            report("expected at most \(maximumLength) characters, found \(s.count)")
            return nil
        }
        if let control = s.unicodeScalars.first(where: \.isControlCharacter) {
            let code = String(control.value, radix: 16, uppercase: true)
            report("contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); names and descriptions are plain text")
            return nil
        }
        return s
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls, DEL, and the line and paragraph separators: characters that move the
    /// cursor or end a line rather than print.
    public var isControlCharacter: Bool {
        properties.generalCategory == .control || value == 0x2028 || value == 0x2029
    }
}

extension String {
    /// The text with each control character written as `\u{…}`: what a message quotes from an input
    /// (a key, a value, a line) must not move the cursor or start a line that looks like another
    /// message. O(n).
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControlCharacter) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar.isControlCharacter {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Input quoted in a message: control characters escaped and at most `messageQuoteLength`
    /// characters, with "…" for the rest, so that a hostile or broken file (a field of a megabyte)
    /// cannot make a message of a megabyte. O(n).
    public var quotedInMessage: String {
        guard count > Self.messageQuoteLength else { return escapingControlCharacters }
        return String(prefix(Self.messageQuoteLength)).escapingControlCharacters + "…"
    }

    /// The most characters of input a message quotes.
    public static let messageQuoteLength = 80
}
