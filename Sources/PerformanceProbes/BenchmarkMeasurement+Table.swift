extension BenchmarkMeasurement {
    /// The table `plan bench` prints: one line per measurement, seconds to the millisecond and rates
    /// of a million or more in millions, so that figures from different machines line up.
    public static func table(_ measurements: [BenchmarkMeasurement]) -> String {
        var lines = ["measurement                              count    seconds          per second"]
        for m in measurements {
            lines.append(pad(m.name, 36) + pad(String(m.count), 10, left: true) + pad(milliseconds(m.seconds), 11, left: true)
                + pad(rate(m.rate), 20, left: true))
        }
        return lines.joined(separator: "\n")
    }

    /// `x` with three decimals: 1.2345 → "1.235".
    private static func milliseconds(_ x: Double) -> String {
        let ms = Int((x * 1000).rounded())
        let fraction = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    private static func rate(_ rate: Double) -> String {
        rate >= 1e6 ? "\(milliseconds(rate / 1e6).dropLast(1)) million" : "\(Int(rate.rounded()))"
    }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}
