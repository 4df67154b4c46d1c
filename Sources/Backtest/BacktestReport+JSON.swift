import OutputFormats

extension BacktestReport {
    /// The whole report as one JSON document for tools.
    public var json: String { encodeJSON(Document(self)) + "\n" }

    private struct Document: Encodable {
        let from: String?
        let to: String?
        let leadDays: [Int]
        let pairing: String
        let declaredChecks: Int
        let scoredChecks: Int
        let unforecastChecks: Int
        let forecasts: Int
        let levels: [Level]
        let rankedProbabilityScore: Comparison
        let openCaseCoverage: Coverage?

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
            let skillClimatology: Double?
            let persistence: Double
            let forecastOnPersistenceChecks: Double
            let persistenceChecks: Int
            let skillPersistence: Double?

            init(_ c: ScoreComparison) {
                (forecast, climatology, skillClimatology) = (c.forecast, c.climatology, c.skillVersusClimatology)
                (persistence, forecastOnPersistenceChecks, persistenceChecks, skillPersistence) =
                    (c.persistence, c.forecastOnPersistenceChecks, c.persistenceChecks, c.skillVersusPersistence)
            }

            enum CodingKeys: String, CodingKey {
                case forecast, climatology, persistence
                case skillClimatology = "skill_climatology", forecastOnPersistenceChecks = "forecast_on_persistence_checks"
                case persistenceChecks = "persistence_checks", skillPersistence = "skill_persistence"
            }

            /// An undefined skill (a baseline scoring 0) is `null`, so that every key is always there.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(forecast, forKey: .forecast)
                try container.encode(climatology, forKey: .climatology)
                try container.encode(skillClimatology, forKey: .skillClimatology)
                try container.encode(persistence, forKey: .persistence)
                try container.encode(forecastOnPersistenceChecks, forKey: .forecastOnPersistenceChecks)
                try container.encode(persistenceChecks, forKey: .persistenceChecks)
                try container.encode(skillPersistence, forKey: .skillPersistence)
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

        /// An open range (no `--from`, `--to`) and a backtest without open-case forecasts are `null`,
        /// so that every key is always there.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(leadDays, forKey: .leadDays)
            try container.encode(pairing, forKey: .pairing)
            try container.encode(declaredChecks, forKey: .declaredChecks)
            try container.encode(scoredChecks, forKey: .scoredChecks)
            try container.encode(unforecastChecks, forKey: .unforecastChecks)
            try container.encode(forecasts, forKey: .forecasts)
            try container.encode(levels, forKey: .levels)
            try container.encode(rankedProbabilityScore, forKey: .rankedProbabilityScore)
            try container.encode(openCaseCoverage, forKey: .openCaseCoverage)
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
