import OutputFormats

extension BenchmarkMeasurement {
    /// The table `plan bench` prints: one line per measurement, seconds to the millisecond and rates
    /// of a million or more in millions, so that figures from different machines line up.
    public static func table(_ measurements: [BenchmarkMeasurement]) -> String {
        var lines = ["measurement                              count    seconds          per second"]
        for m in measurements {
            let rate = m.rate >= 1e6 ? "\(NumberFormat.fixed(m.rate / 1e6, 3).dropLast()) million" : "\(Int(m.rate.rounded()))"
            lines.append(m.name.padded(to: 36) + String(m.count).leftPadded(to: 10) + NumberFormat.fixed(m.seconds, 3).leftPadded(to: 11)
                + rate.leftPadded(to: 20))
        }
        return lines.joined(separator: "\n")
    }
}
