import OutputFormats

extension BacktestReport {
    /// The whole report as one JSON document for tools.
    public var json: String { get throws { try encodeJSON(Document(self)) + "\n" } }

    private struct Document: Encodable {
        @NullWhenAbsent var from: String?
        @NullWhenAbsent var to: String?
        let leadDays: [Int]
        let pairing: String
        let declaredChecks: Int
        let scoredChecks: Int
        let unforecastChecks: Int
        let forecasts: Int
        let levels: [Level]
        let rankedProbabilityScore: Comparison
        @NullWhenAbsent var openCaseCoverage: Coverage?

        struct Level: Encodable {
            let level: Int
            let verdict: Calibration.Verdict
            let evidence: String
            let observed: Int
            let expected: Double
            let z: Double
            let brier: Comparison
            let reliability: [Bin]
        }

        struct Comparison: Encodable {
            let forecast: Double
            let climatology: Double
            @NullWhenAbsent var skillClimatology: Double?
            let persistence: Double
            let forecastOnPersistenceChecks: Double
            let persistenceChecks: Int
            @NullWhenAbsent var skillPersistence: Double?

            init(_ c: ScoreComparison) {
                (forecast, climatology, persistence) = (c.forecast, c.climatology, c.persistence)
                (forecastOnPersistenceChecks, persistenceChecks) = (c.forecastOnPersistenceChecks, c.persistenceChecks)
                skillClimatology = c.skillVersusClimatology
                skillPersistence = c.skillVersusPersistence
            }

            enum CodingKeys: String, CodingKey {
                case forecast, climatology, persistence
                case skillClimatology = "skill_climatology", forecastOnPersistenceChecks = "forecast_on_persistence_checks"
                case persistenceChecks = "persistence_checks", skillPersistence = "skill_persistence"
            }
        }

        struct Bin: Encodable {
            let low: Double
            let high: Double
            let checks: Int
            let meanForecast: Double
            let observed: Double
            let ciLow: Double
            let ciHigh: Double

            enum CodingKeys: String, CodingKey {
                case low, high, checks, observed
                case meanForecast = "mean_forecast", ciLow = "ci_low", ciHigh = "ci_high"
            }
        }

        struct Coverage: Encodable {
            let checks: Int
            let inside: Int
            let share: Double
            let ciLow: Double
            let ciHigh: Double
            let meanWidth: Double

            enum CodingKeys: String, CodingKey {
                case checks, inside, share
                case ciLow = "ci_low", ciHigh = "ci_high", meanWidth = "mean_width"
            }
        }

        enum CodingKeys: String, CodingKey {
            case from, to, pairing, forecasts, levels
            case leadDays = "lead_days", declaredChecks = "declared_checks", scoredChecks = "scored_checks"
            case unforecastChecks = "unforecast_checks", rankedProbabilityScore = "ranked_probability_score"
            case openCaseCoverage = "open_case_coverage"
        }

        init(_ r: BacktestReport) {
            from = r.from?.description
            to = r.to?.description
            leadDays = [r.lead.lowerBound, r.lead.upperBound]
            pairing = r.pairing == .latest ? "latest" : "each"
            declaredChecks = r.declaredChecks
            scoredChecks = r.pairs.count
            unforecastChecks = r.unforecastChecks
            forecasts = r.forecasts
            levels = r.levels.map { s in
                Level(
                    level: s.level, verdict: s.calibration.verdict, evidence: s.calibration.evidence, observed: s.calibration.observed,
                    expected: s.calibration.expected, z: s.calibration.z, brier: Comparison(s.brier),
                    reliability: s.bins.map {
                        Bin(low: $0.low, high: $0.high, checks: $0.checks, meanForecast: $0.meanForecast, observed: $0.observed.estimate,
                            ciLow: $0.observed.low, ciHigh: $0.observed.high)
                    })
            }
            rankedProbabilityScore = Comparison(r.rankedProbability)
            openCaseCoverage = r.coverage.map {
                Coverage(checks: $0.inside.trials, inside: $0.inside.successes, share: $0.inside.estimate, ciLow: $0.inside.low,
                         ciHigh: $0.inside.high, meanWidth: $0.meanWidth)
            }
        }
    }
}
