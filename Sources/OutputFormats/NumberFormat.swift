/// Numbers as every output writes them: "." as the decimal separator whatever the locale, rounding
/// half away from zero, "inf" for +infinity, so that files and messages are byte-identical across
/// machines and readable by any CSV reader.
public enum NumberFormat {
    /// `value` rounded half away from zero to `digits` decimals: `fixed(0.12345, 4)` is "0.1235".
    /// A value that rounds to zero has no sign.
    ///
    /// - Complexity: O(digits).
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = Int(scaled)
        var text = String(units / Int(scale))
        if digits > 0 {
            text += "." + String(units % Int(scale)).leftPadded(to: digits, with: "0")
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    /// `30` rather than `30.0`, `1.1` rather than `1.1000000000000001`: numbers as people wrote them
    /// in a scenario (to 6 decimals at most).
    public static func plain(_ value: Double) -> String {
        var text = fixed(value, 6)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A metric of a check as CS-triage reads it: a whole number as such (`60`), a fraction to two
    /// decimals (`6.67`), +infinity as "+inf" (a load when nobody works and cases are open).
    public static func metric(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "+inf" : "-inf" }
        if value == value.rounded() && abs(value) < 9e15 { return String(Int(value)) }
        return fixed(value, 2)
    }

    /// A change with its sign always shown, and "−" (U+2212) rather than a hyphen so that it lines
    /// up with "+": `signed(0.05, 3)` is "+0.050", `signed(-0.05, 3)` is "−0.050".
    public static func signed(_ value: Double, _ digits: Int) -> String {
        let text = fixed(value, digits)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : "+" + text
    }

    /// A whole number with a comma between groups of three digits: 200000 is "200,000".
    public static func thousands(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var text = n < 0 ? "-" : ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    /// A probability as a leader reads it: whole percent, with "<1%" and ">99%" so that a rare or
    /// near-certain event never shows as the 0% or 100% of what never or always happened.
    public static func percent(_ p: Double) -> String {
        if p == 0 { return "0%" }
        if p == 1 { return "100%" }
        if p < 0.005 { return "<1%" }
        if p >= 0.995 { return ">99%" }
        return "\(Int((p * 100).rounded()))%"
    }

    /// A probability (or a half-width of one) in percentage points with two decimals: 0.0022 is "0.22".
    public static func points(_ p: Double) -> String { fixed(p * 100, 2) }
}
