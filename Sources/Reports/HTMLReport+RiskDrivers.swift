import OutputFormats
import RunArtifacts

extension HTMLReport {
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
