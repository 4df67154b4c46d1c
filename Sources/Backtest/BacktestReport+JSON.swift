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
        let judgedWeeks: [JudgedWeekEntry]
        let levels: [Level]
        let rankedProbabilityScore: Comparison
        let uncertainChecks: Int
        @NullWhenAbsent var rankedProbabilityScoreUncertain: Comparison?
        @NullWhenAbsent var openCaseCoverage: Coverage?

        struct JudgedWeekEntry: Encodable {
            let start: String
            let run: String
            let checks: Int
        }

        struct Level: Encodable {
            let level: Int
            let verdict: CountCalibration.Verdict
            let evidence: String
            let weeks: Int
            let checks: Int
            @NullWhenAbsent var declared: Int?
            @NullWhenAbsent var expected: Double?
            @NullWhenAbsent var variance: Double?
            @NullWhenAbsent var bandLow: Int?
            @NullWhenAbsent var bandHigh: Int?
            /// Null also when infinite (a certain forecast that missed): JSON has no infinity, and
            /// the verdict says which way it missed.
            @NullWhenAbsent var z: Double?
            let brier: Comparison
            @NullWhenAbsent var brierUncertain: Comparison?
            let reliability: [Bin]

            enum CodingKeys: String, CodingKey {
                case level, verdict, evidence, weeks, checks, declared, expected, variance, z, brier, reliability
                case bandLow = "band_low", bandHigh = "band_high", brierUncertain = "brier_uncertain"
            }
        }

        struct Comparison: Encodable {
            let forecast: Double
            let climatology: Double
            @NullWhenAbsent var skillClimatology: Double?
            let persistence: Double
            let forecastOnPersistenceChecks: Double
            let persistenceChecks: Int
            @NullWhenAbsent var skillPersistence: Double?
            @NullWhenAbsent var floor: Double?
            let forecastOnFloorChecks: Double
            let floorChecks: Int
            @NullWhenAbsent var skillFloor: Double?

            init(_ c: ScoreComparison) {
                (forecast, climatology, persistence) = (c.forecast, c.climatology, c.persistence)
                (forecastOnPersistenceChecks, persistenceChecks) = (c.forecastOnPersistenceChecks, c.persistenceChecks)
                skillClimatology = c.skillVersusClimatology
                skillPersistence = c.skillVersusPersistence
                floor = c.floorChecks == 0 ? nil : c.floor
                (forecastOnFloorChecks, floorChecks, skillFloor) = (c.forecastOnFloorChecks, c.floorChecks, c.skillVersusFloor)
            }

            enum CodingKeys: String, CodingKey {
                case forecast, climatology, persistence, floor
                case skillClimatology = "skill_climatology", forecastOnPersistenceChecks = "forecast_on_persistence_checks"
                case persistenceChecks = "persistence_checks", skillPersistence = "skill_persistence"
                case forecastOnFloorChecks = "forecast_on_floor_checks", floorChecks = "floor_checks", skillFloor = "skill_floor"
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
            case judgedWeeks = "judged_weeks", uncertainChecks = "uncertain_checks"
            case rankedProbabilityScoreUncertain = "ranked_probability_score_uncertain"
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
            judgedWeeks = r.judgedWeeks.map { JudgedWeekEntry(start: $0.counts.weeks[$0.week].description, run: $0.counts.runID, checks: $0.declared.count) }
            levels = r.levels.map { s in
                let c = s.calibration
                return Level(
                    level: s.level, verdict: c.verdict, evidence: c.evidence, weeks: c.weeks, checks: c.checks,
                    declared: c.predicted == nil ? nil : c.observed, expected: c.predicted?.mean, variance: c.predicted?.variance,
                    bandLow: c.predicted?.low, bandHigh: c.predicted?.high, z: c.predicted == nil || !c.z.isFinite ? nil : c.z, brier: Comparison(s.brier),
                    brierUncertain: s.brierUncertain.map(Comparison.init),
                    reliability: s.bins.map {
                        Bin(low: $0.low, high: $0.high, checks: $0.checks, meanForecast: $0.meanForecast, observed: $0.observed.estimate,
                            ciLow: $0.observed.low, ciHigh: $0.observed.high)
                    })
            }
            rankedProbabilityScore = Comparison(r.rankedProbability)
            uncertainChecks = r.uncertainChecks
            rankedProbabilityScoreUncertain = r.rankedProbabilityUncertain.map(Comparison.init)
            openCaseCoverage = r.coverage.map {
                Coverage(checks: $0.inside.trials, inside: $0.inside.successes, share: $0.inside.estimate, ciLow: $0.inside.low,
                         ciHigh: $0.inside.high, meanWidth: $0.meanWidth)
            }
        }
    }
}
