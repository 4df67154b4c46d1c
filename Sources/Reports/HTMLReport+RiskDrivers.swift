import OutputFormats

extension HTMLReport {
    /// Read when present: `plan simulate --intervals FIT.json` writes it (`plan sensitivity`'s CSV).
    static let sensitivityFileName = "sensitivity.csv"

    /// What the report shows of `sensitivity.csv`: each input's largest change in expected checks
    /// at ≥ k over the two ends of its range, and the stress run's.
    public struct RiskDriver: Sendable, Equatable {
        public let input: String
        public let label: String
        public let range: String
        /// Each end's value as written, and the change in expected checks it brings.
        public let lowValue: String
        public let lowChange: Double
        public let highValue: String
        public let highChange: Double

        public var swing: Double { max(abs(lowChange), abs(highChange)) }
    }

    /// The inputs of `sensitivity.csv` in its order (the tornado's), and the stress row's change.
    static func riskDrivers(_ text: String, source: String) throws(RunFileError) -> (drivers: [RiskDriver], stress: Double?, level: Int?) {
        let table = try RunTableReader(text: text, source: source, required: ["input", "label", "low", "high", "end", "end_value", "change", "k"])
        let level = try table.rows.first.map { row throws(RunFileError) in try row.count("k") }
        var drivers: [RiskDriver] = []
        var stress: Double?
        var pending: (input: String, label: String, range: String, value: String, change: Double)?
        for row in table.rows {
            let input = row.value("input")
            let change = try row.number("change")
            if input == "stress" {
                stress = change
                continue
            }
            if row.value("end") == "low" {
                pending = (input, row.value("label"), "\(row.value("low"))…\(row.value("high"))", row.value("end_value"), change)
            } else if let low = pending, low.input == input {
                drivers.append(RiskDriver(
                    input: input, label: low.label, range: low.range, lowValue: low.value, lowChange: low.change,
                    highValue: row.value("end_value"), highChange: change))
                pending = nil
            } else {
                throw row.problem("end", "a high end without its low end; the file is not what plan writes")
            }
        }
        return (drivers, stress, level)
    }

    /// "What the risk hangs on": the three inputs that move the expected checks most, with their
    /// ranges and both ends' changes, and the stress run. Empty without `sensitivity.csv`.
    var riskDriversSection: String {
        let moving = riskDrivers.filter { $0.swing > 0 }
        guard let k = riskLevel, !moving.isEmpty || riskStress != nil else { return "" }
        var lines = [
            "<section id=\"drivers\">",
            "<h2>What the risk hangs on</h2>",
            "<p class=\"note\">Each input at the low and the high end of its interval (from the fit, else a default range), on the "
                + "same random numbers as the scenario's own: the change in the expected number of checks at level ≥ \(k). "
                + "The largest first; plan sensitivity gives every input, its tornado and the change at the worst check.</p>",
            "<ul class=\"drivers\">",
        ]
        for driver in moving.prefix(3) {
            lines.append("<li><code>\(driver.input.htmlEscaped)</code> (\(driver.label.htmlEscaped), \(driver.range.htmlEscaped)): "
                + "low \(driver.lowValue.htmlEscaped) \(NumberFormat.signed(driver.lowChange, 1)), "
                + "high \(driver.highValue.htmlEscaped) \(NumberFormat.signed(driver.highChange, 1)) expected checks</li>")
        }
        if let riskStress {
            lines.append("<li>Every input at its adverse end at once: \(NumberFormat.signed(riskStress, 1)) expected checks</li>")
        }
        lines += ["</ul>", "</section>"]
        return lines.joined(separator: "\n")
    }
}
