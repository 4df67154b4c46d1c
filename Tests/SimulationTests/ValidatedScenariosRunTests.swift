import Foundation
import Scenarios
@testable import Simulation
import Testing

/// Whatever `plan validate` accepts, `plan simulate` runs: generated scenarios whose numbers sit
/// anywhere in their documented ranges, at the ends of them and just beyond, are either rejected
/// with a located message or simulated to finite estimates.
@Suite struct ValidatedScenariosRunTests {
    /// Scenario files with every number drawn from its range's ends, inside it (uniform and
    /// log-uniform) or a little outside it. Deterministic for a seed.
    struct ScenarioGenerator {
        var random: SplitMix64
        /// Whether this scenario may hold values outside their ranges (then it is usually rejected).
        var hostile = false

        mutating func number(_ range: ClosedRange<Double>, strictlyPositive: Bool = false) -> Double {
            let low = strictlyPositive ? max(range.lowerBound, 1e-9) : range.lowerBound
            if hostile && random.next() % 8 == 0 {
                return random.next() % 2 == 0 ? range.upperBound * (1 + random.unit()) : -1 - random.unit()
            }
            switch random.next() % 6 {
            case 0: return low
            case 1: return range.upperBound
            case 2, 3: return low + (range.upperBound - low) * random.unit()
            default:
                let floor = max(low, 1e-6)
                return exp(log(floor) + (log(range.upperBound) - log(floor)) * random.unit())
            }
        }

        mutating func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }

        mutating func scenario() -> String {
            hostile = random.next() % 3 == 0
            let days = pick([1, 3, 14, 40, 40, 200])
            let start = "\(2000 + Int(random.next() % 90))-0\(1 + Int(random.next() % 9))-1\(Int(random.next() % 9))"
            let end = Calendar(identifier: .gregorian).date(byAdding: .day, value: days - 1, to: ISO8601DateFormatter().date(from: start + "T00:00:00Z")!)!
            let endText = String(ISO8601DateFormatter().string(from: end).prefix(10))
            let size = pick([1, 2, 5, 12])
            let team = (0..<size).map { i in
                let (group, country) = pick([("emea", "GB"), ("emea", "DE"), ("us", "US"), ("us", "CA")])
                return #"{"name": "se-\#(i)", "group": "\#(group)", "country": "\#(country)", "capacity": \#(number(ScenarioLimits.capacityFactor, strictlyPositive: true))}"#
            }
            let negativeBinomial = random.next() % 2 == 0
            let inflow = [
                #""base_per_day": \#(number(ScenarioLimits.casesPerDay))"#,
                #""weekday_factors": {"Mon": \#(number(ScenarioLimits.inflowFactor)), "Sat": \#(number(ScenarioLimits.inflowFactor))}"#,
                #""holiday_factor": \#(number(ScenarioLimits.inflowFactor)), "holiday_calendars": ["US", "GB"]"#,
                #""demand_cv": \#(number(ScenarioLimits.coefficientOfVariation))"#,
                negativeBinomial ? #""distribution": "negative_binomial", "dispersion": \#(number(ScenarioLimits.dispersion))"# : #""distribution": "poisson""#,
                #""spikes": {"probability": \#(number(0...1)), "mean": \#(number(ScenarioLimits.casesPerDay))}"#,
            ].joined(separator: ", ")
            let effects = (2...8).filter { _ in random.next() % 3 == 0 }.map { level in
                #""\#(level)": {"capacity_multiplier": \#(number(ScenarioLimits.capacityFactor, strictlyPositive: true)), "extra_resolutions_per_day": \#(number(ScenarioLimits.casesPerDay)), "diverted_share": \#(number(0...1))}"#
            }.joined(separator: ", ")
            let backlog = random.next() % 2 == 0
                ? String(Int(number(0...Double(ScenarioLimits.initialOpenCases.upperBound)).rounded()))
                : #"{"poisson_mean": \#(number(ScenarioLimits.casesPerDay))}"#
            return """
            {"name": "generated", "horizon": {"start": "\(start)", "end": "\(endText)"}, "warmup_days": \(pick([0, 3, 30])),
             "team": [\(team.joined(separator: ", "))],
             "sickness": {"sick_days_per_year": \(number(ScenarioLimits.sickDaysPerYear)), "mean_spell_days": \(number(ScenarioLimits.meanSpellDays)), "severity_cv": \(number(ScenarioLimits.coefficientOfVariation))},
             "inflow": {\(inflow)},
             "resolve_per_shift": \(number(ScenarioLimits.casesPerDay)), "initial_open_cases": \(backlog),
             "effects": {\(effects)}}
            """
        }
    }

    @Test(arguments: 0..<4)
    func acceptedScenariosRunAndRejectedOnesSayWhere(batch: Int) throws {
        var generator = ScenarioGenerator(random: SplitMix64(seed: UInt64(100 + batch)))
        var ran = 0, rejected = 0
        for _ in 0..<40 {
            let text = generator.scenario()
            let loaded: LoadedScenario
            do {
                loaded = try Scenario.load(text: text, path: "g.json") { _ in "" }
            } catch {
                rejected += 1
                for issue in error.issues {
                    #expect(issue.description.hasPrefix("g.json:") && issue.path != nil, "\(issue)")
                }
                continue
            }
            ran += 1
            let model = try SimulationModel(loaded.scenario)
            let tally = try MonteCarloRun(model: model, settings: RunSettings(size: .trials(16), seed: 7, threads: 1)).run()
            let estimates = Estimates(model: model, tally: tally)
            for check in estimates.checks {
                let probabilities = check.levels.map(\.estimate) + check.atLeast.map(\.estimate) + check.alerts
                #expect(probabilities.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(text)")
                #expect(check.open.mean.isFinite && check.open.mean >= 0, "\(text)")
                #expect(!check.load.mean.isNaN && !check.load.p90.isNaN, "\(text)")
            }
        }
        // Both kinds occur, so the test exercises both promises.
        #expect(ran > 0 && rejected > 0, "ran \(ran), rejected \(rejected)")
    }
}

/// SplitMix64 (a Weyl sequence through the engine's own mixer): a small, well-mixed generator for
/// test data, and for the standard library's random ranges (`Int.random(in:using:)`).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StreamSeed.mix(state)
    }

    /// Uniform on [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
