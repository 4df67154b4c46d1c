import OutputFormats

extension BacktestReport {
    /// The reliability diagrams as one long table, one row per level and forecast bin, with the
    /// level's verdict and scores repeated on each of its rows, for a spreadsheet or a plotting
    /// library: `level,verdict,declared,expected,band_low,band_high,z,brier,brier_climatology,
    /// skill_climatology,brier_persistence,skill_persistence,brier_floor,skill_floor,uncertain_checks,
    /// brier_uncertain,skill_climatology_uncertain,skill_floor_uncertain,bin_low,bin_high,checks,
    /// mean_forecast,observed,ci_low,ci_high` (the `_uncertain` scores on the checks no level was
    /// forecast at 99% or more). A skill against a perfect baseline, the count, band and z of a
    /// level without a verdict, and the uncertain scores when there are no uncertain checks, are empty.
    ///
    /// - Complexity: O(levels × bins).
    public var csv: String {
        var text = CSVWriter.row([
            "level", "verdict", "declared", "expected", "band_low", "band_high", "z", "brier", "brier_climatology", "skill_climatology",
            "brier_persistence", "skill_persistence", "brier_floor", "skill_floor", "uncertain_checks", "brier_uncertain",
            "skill_climatology_uncertain", "skill_floor_uncertain",
            "bin_low", "bin_high", "checks", "mean_forecast", "observed", "ci_low", "ci_high",
        ])
        for score in levels {
            let b = score.brier, c = score.calibration
            let verdict = c.predicted.map { p in
                [String(c.observed), NumberFormat.fixed(p.mean, 2), String(p.low), String(p.high), c.z.isFinite ? NumberFormat.fixed(c.z, 2) : (c.z > 0 ? "inf" : "-inf")]
            } ?? ["", "", "", "", ""]
            let common = [String(score.level), c.verdict.rawValue] + verdict + [
                NumberFormat.fixed(b.forecast, 4), NumberFormat.fixed(b.climatology, 4),
                b.skillVersusClimatology.map { NumberFormat.fixed($0, 4) } ?? "", NumberFormat.fixed(b.persistence, 4),
                b.skillVersusPersistence.map { NumberFormat.fixed($0, 4) } ?? "",
                b.floorChecks == 0 ? "" : NumberFormat.fixed(b.floor, 4), b.skillVersusFloor.map { NumberFormat.fixed($0, 4) } ?? "",
                String(uncertainChecks), score.brierUncertain.map { NumberFormat.fixed($0.forecast, 4) } ?? "",
                score.brierUncertain?.skillVersusClimatology.map { NumberFormat.fixed($0, 4) } ?? "",
                score.brierUncertain?.skillVersusFloor.map { NumberFormat.fixed($0, 4) } ?? "",
            ]
            for bin in score.bins {
                text += CSVWriter.row(common + [
                    NumberFormat.fixed(bin.low, 1), NumberFormat.fixed(bin.high, 1), String(bin.checks), NumberFormat.fixed(bin.meanForecast, 4),
                    NumberFormat.fixed(bin.observed.estimate, 4), NumberFormat.fixed(bin.observed.low, 4), NumberFormat.fixed(bin.observed.high, 4),
                ])
            }
        }
        return text
    }
}
