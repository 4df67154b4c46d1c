/// Numbers in output files: fixed decimals, "." as the separator whatever the locale, "inf" for
/// +infinity, so that files are byte-identical across machines and readable by any CSV reader.
public enum NumberFormat {
    /// `value` rounded half away from zero to `digits` decimals: `fixed(0.12345, 4)` is "0.1235".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = Int(scaled)
        let whole = units / Int(scale)
        var text = String(whole)
        if digits > 0 {
            let fraction = String(units % Int(scale))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }
}
