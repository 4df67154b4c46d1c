import OutputFormats

extension BacktestReport {
    /// The report for a terminal: what was scored, the verdict's counts and band and the scores
    /// per level with skill, the ranked probability score (all checks, then the uncertain ones),
    /// the open-case coverage, the evidence, and the reliability bins.
    public var text: String {
        var lines: [String] = [
            "Backtest \(period): \(scope)",
            "",
            "level".column(7) + "declared ≥k".column(13) + "expected".column(10) + "95% band".column(10) + "Brier".column(8)
                + "climatology".column(13) + "skill".column(8) + "persistence".column(13) + "skill".column(8) + "floor".column(8)
                + "skill".column(8) + "verdict",
        ]
        for score in levels {
            let c = score.calibration, b = score.brier
            let band = c.predicted.map { "\($0.low)–\($0.high)" } ?? "—"
            lines.append(("≥\(score.level)".column(7) + (c.predicted == nil ? "—" : "\(c.observed)").column(13)
                + (c.predicted.map { NumberFormat.fixed($0.mean, 1) } ?? "—").column(10) + band.column(10)
                + NumberFormat.fixed(b.forecast, 4).column(8) + NumberFormat.fixed(b.climatology, 4).column(13)
                + Self.skill(b.skillVersusClimatology).column(8) + NumberFormat.fixed(b.persistence, 4).column(13)
                + Self.skill(b.skillVersusPersistence).column(8) + (b.floorChecks == 0 ? "—" : NumberFormat.fixed(b.floor, 4)).column(8)
                + Self.skill(b.skillVersusFloor).column(8) + c.verdict.rawValue).trimmingTrailingSpaces)
        }
        lines += ["", "Ranked probability score, all \(pairs.count) checks: \(Self.sentence(rankedProbability))"]
        if let uncertain = rankedProbabilityUncertain {
            lines.append("Ranked probability score, the \(uncertainChecks) uncertain checks (no level forecast at ≥ "
                + "\(NumberFormat.percent(Self.certainty))): \(Self.sentence(uncertain))")
        } else {
            lines.append("No uncertain checks: every forecast gave one level \(NumberFormat.percent(Self.certainty)) or more.")
        }
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
        lines += ["", "skill: 1 − score / baseline's score (above 0: better than the baseline). Lower scores are better. "
            + "floor: the schedule floor, the level the planned headcount alone implies, as a certain forecast."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A ranked probability score against its three baselines, in one sentence.
    static func sentence(_ c: ScoreComparison) -> String {
        var text = "\(NumberFormat.fixed(c.forecast, 4)); climatology \(NumberFormat.fixed(c.climatology, 4)) (skill \(skill(c.skillVersusClimatology))); "
            + "persistence \(NumberFormat.fixed(c.persistence, 4)) against \(NumberFormat.fixed(c.forecastOnPersistenceChecks, 4)) on its "
            + "\(c.persistenceChecks) checks (skill \(skill(c.skillVersusPersistence)))"
        if c.floorChecks > 0 {
            text += "; schedule floor \(NumberFormat.fixed(c.floor, 4)) against \(NumberFormat.fixed(c.forecastOnFloorChecks, 4)) on its "
                + "\(c.floorChecks) checks (skill \(skill(c.skillVersusFloor)))"
        } else {
            text += "; no schedule floor (the forecasts were recorded without counts.json)"
        }
        return text + "."
    }

    /// What was scored against what.
    var scope: String {
        "\(declaredChecks) declared checks, \(pairs.count) scored against \(forecasts) forecast\(forecasts == 1 ? "" : "s") "
            + "(\(pairing == .latest ? "the latest" : "each") made \(lead.lowerBound) to \(lead.upperBound) days before the check); "
            + "\(unforecastChecks) without a forecast; the verdicts judge \(judgedWeeks.count) ISO week\(judgedWeeks.count == 1 ? "" : "s") "
            + "(\(judgedWeeks.reduce(0) { $0 + $1.declared.count }) checks)."
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
