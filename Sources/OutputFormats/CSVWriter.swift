/// Writes RFC 4180 records: a field with a comma, quote or line break is quoted. Records end in LF
/// rather than RFC 4180's CRLF: every spreadsheet and pandas read it, and it diffs cleanly in git.
///
/// Text that a spreadsheet would run as a formula — beginning with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, as a scenario's window or a policy's channel may — gets a leading `'`, which
/// spreadsheets show as text (CSV injection). A field that is a number is never altered: "-0.25"
/// is a number to every reader and cannot be a formula. `restoredText(_:)` undoes the mark for a
/// tool that reads its own files back.
public enum CSVWriter {
    /// One record: the fields, neutralised and quoted as needed, joined by commas, ending in LF.
    ///
    /// - Complexity: O(total length of the fields).
    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }

    public static func field(_ value: String) -> String {
        let text = isMarkedText(value) || startsFormula(value) && !isNumber(value) ? "'" + value : value
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// A text field as it was before `field(_:)` neutralised it. Text that itself begins with
    /// apostrophes before a formula character got one more, so every text reads back exactly.
    public static func restoredText(_ field: String) -> String {
        isMarkedText(field) ? String(field.dropFirst()) : field
    }

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    private static func startsFormula(_ text: String) -> Bool { text.first.map(formulaStarts.contains) ?? false }

    /// One or more apostrophes followed by a formula character.
    private static func isMarkedText(_ text: String) -> Bool {
        text.first == "'" && startsFormula(String(text.drop { $0 == "'" }))
    }

    /// A decimal number as this tool writes numbers: an optional sign, digits with an optional
    /// fraction and exponent, or "inf".
    private static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        if rest == "inf" { return true }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        var exponent = rest.dropFirst(mantissa.count + 1)
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
        let exponentDigits = mantissa.count == rest.count || !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
        return digits && exponentDigits
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
