import OutputFormats

extension BacktestReport {
    /// The report for a terminal: what was scored, the scores per level with skill and verdict,
    /// the ranked probability score, the open-case coverage, the evidence, and the reliability bins.
    public var text: String {
        var lines: [String] = [
            "Backtest \(period): \(scope)",
            "",
            "level".column(7) + "declared ≥k".column(13) + "expected".column(10) + "Brier".column(8) + "climatology".column(13)
                + "skill".column(10) + "persistence".column(13) + "skill".column(10) + "verdict",
        ]
        for score in levels {
            let c = score.calibration
            lines.append(("≥\(score.level)".column(7) + "\(c.observed)".column(13) + NumberFormat.fixed(c.expected, 1).column(10)
                + NumberFormat.fixed(score.brier.forecast, 4).column(8) + NumberFormat.fixed(score.brier.climatology, 4).column(13)
                + Self.skill(score.brier.skillVersusClimatology).column(10) + NumberFormat.fixed(score.brier.persistence, 4).column(13)
                + Self.skill(score.brier.skillVersusPersistence).column(10) + c.verdict.rawValue).trimmingTrailingSpaces)
        }
        let rps = rankedProbability
        lines += [
            "",
            "Ranked probability score \(NumberFormat.fixed(rps.forecast, 4)); climatology \(NumberFormat.fixed(rps.climatology, 4)) "
                + "(skill \(Self.skill(rps.skillVersusClimatology))); persistence \(NumberFormat.fixed(rps.persistence, 4)) against "
                + "\(NumberFormat.fixed(rps.forecastOnPersistenceChecks, 4)) on its \(rps.persistenceChecks) checks (skill \(Self.skill(rps.skillVersusPersistence))).",
        ]
        if let coverage {
            lines.append("Open cases inside the forecast P10–P90 at \(coverage.inside.successes) of \(coverage.inside.trials) checks: "
                + "\(NumberFormat.percent(coverage.inside.estimate)) (95% interval \(NumberFormat.percent(coverage.inside.low))–"
                + "\(NumberFormat.percent(coverage.inside.high)); 80% expected); the range was \(NumberFormat.fixed(coverage.meanWidth, 1)) cases wide on average.")
        }
        lines += ["", "Verdicts:"]
        lines += levels.map { "  ≥\($0.level) \($0.calibration.verdict.rawValue): \($0.calibration.evidence)." }
        lines += ["", "Reliability of P(level ≥ k): forecast bin, checks, mean forecast, observed frequency (95% interval)"]
        for score in levels {
            for bin in score.bins {
                lines.append("  ≥\(score.level)".column(6) + "\(NumberFormat.fixed(bin.low, 1))–\(NumberFormat.fixed(bin.high, 1))".column(10)
                    + "\(bin.checks)".column(7) + NumberFormat.fixed(bin.meanForecast, 3).column(7)
                    + "\(NumberFormat.fixed(bin.observed.estimate, 3)) (\(NumberFormat.fixed(bin.observed.low, 3))–\(NumberFormat.fixed(bin.observed.high, 3)))"
                    + (bin.consistent ? "" : "  outside"))
            }
        }
        lines += ["", "skill: 1 − score / baseline's score (above 0: better than the baseline). Lower scores are better."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// What was scored against what.
    var scope: String {
        "\(declaredChecks) declared checks, \(pairs.count) scored against \(forecasts) forecast\(forecasts == 1 ? "" : "s") "
            + "(\(pairing == .latest ? "the latest" : "each") made \(lead.lowerBound) to \(lead.upperBound) days before the check); "
            + "\(unforecastChecks) without a forecast."
    }

    /// "2040-01-02…2040-12-31", "from 2040-01-02", "up to 2040-12-31" or "of every declared check".
    var period: String {
        switch (from, to) {
        case (nil, nil): return "of every declared check"
        case (let from?, nil): return "from \(from)"
        case (nil, let to?): return "up to \(to)"
        case (let from?, let to?): return "\(from)…\(to)"
        }
    }

    /// A skill as a signed percentage; "n/a" against a perfect baseline. Below −999% (a forecast
    /// ten times worse than the baseline, or more) it reads "< −999%", so that the column holds it;
    /// the CSV and JSON keep the value.
    static func skill(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        guard value * 100 > -999.5 else { return "< −999%" }
        return NumberFormat.signed(value * 100, 0) + "%"
    }
}
