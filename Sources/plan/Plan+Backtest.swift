import ArgumentParser
import Backtest
import Calendars
import History
import Reports
import RunArtifacts

extension Plan {
    struct BacktestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backtest",
            abstract: "Score the stored forecasts against the declared checks: reliability, Brier, RPS, skill, coverage, verdicts.",
            discussion: """
                Each declared check from --from to --to is paired with the latest forecast made before it \
                (or each, with --per-forecast) whose lead, in whole days, is within --lead. Skill is measured \
                against climatology (level frequencies of earlier checks of the same window and weekday), \
                persistence (the level declared at the same window on the previous check day) and the schedule \
                floor (the level the planned headcount alone implies). The verdict per level judges the count of \
                checks at ≥ k over whole ISO weeks against the forecasts' own predictive distribution. \
                --run, --scenario-name and --kind score one forecast or one family.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

        @OptionGroup var dates: DateSelection
        var from: CivilDate? { dates.from }
        var to: CivilDate? { dates.to }
        @Option(parsing: .unconditional, help: "Lead range in days, MIN..MAX: how long before a check a forecast may have been made.") var lead: String = "0..365"
        @Flag(name: .customLong("per-forecast"), help: "Score every forecast made for a check, not only the latest.") var perForecast = false
        @Option(help: "Output: text, csv (the reliability table with the scores) or json.") var format: Format = .text
        @Flag(help: "Also write the report as a self-contained HTML page, backtest.html, into --out.") var html = false
        @Option(help: "With --html: the folder the page goes into (default: notebooks-output/backtest/).") var out: String?
        @Flag(help: "Replace a backtest.html in --out that is not a page plan wrote.") var force = false
        @Option(name: .customLong("run"), help: "Score only this run (its id or first digits, as plan history show --runs prints).") var runID: String?
        @Option(name: .customLong("scenario-name"), help: "Score only the forecasts of the scenario of this name (its \"name\", as plan history show --runs prints it).") var scenarioName: String?
        @Option(help: "Score only forecasts of this kind: simulate or outlook.") var kind: Forecast.Kind?
        @OptionGroup var store: HistoryOption

        /// The largest lead accepted: about 270 years, far beyond any forecast, and small enough for any arithmetic.
        static let maximumLead = 100_000

        func validate() throws {
            _ = try leadRange()
            if out != nil && !html { throw CommandError("--out is where --html writes its page; give --html too") }
        }

        func run() throws {
            let page = html ? try pageTarget("backtest.html", folder: out ?? "notebooks-output/backtest", inputs: [store.path], force: force) : nil
            let history = try store.openForReading()
            let all = try history.declaredChecks().map(Self.declaredLevel)
            let declared = all.filter { check in from.map { check.date >= $0 } ?? true && to.map { check.date <= $0 } ?? true }
            let stored = try chosen(try history.forecasts(from: from, to: to), in: history)
            let forecasts = try stored.flatMap { forecast throws -> [LevelForecast] in
                guard let madeAt = Moment(iso: forecast.madeAt) else {
                    throw CommandError("\(store.path): forecast \(forecast.runID.prefix(12)) was made at \"\(forecast.madeAt)\", not an ISO 8601 UTC time")
                }
                let floors = Dictionary((forecast.counts?.checks ?? []).map { ("\($0.date) \($0.window)", $0.floorLevel) }, uniquingKeysWith: { a, _ in a })
                return forecast.checks.map {
                    LevelForecast(runID: forecast.runID, madeAt: madeAt, date: $0.date, window: $0.window, levels: $0.levels,
                                  p10Open: $0.p10Open, p90Open: $0.p90Open, floorLevel: floors["\($0.date) \($0.window)"])
                }
            }
            let counts = Dictionary(stored.compactMap { forecast in forecast.counts.map { (forecast.runID, Self.weeklyCounts($0, runID: forecast.runID)) } },
                                    uniquingKeysWith: { a, _ in a })
            let report = try BacktestReport(
                declared: declared, history: all, forecasts: forecasts, counts: counts, from: from, to: to, lead: try leadRange(),
                pairing: perForecast ? .each : .latest)
            try page?.write(report.html)
            switch format {
            case .text: emit(report.text + (page.map { "\n" + wroteLines([$0.path]) } ?? ""))
            case .csv: emit(report.csv)
            case .json: emit(try report.json)
            }
        }

        private func leadRange() throws -> ClosedRange<Int> {
            let parts = lead.split(separator: ".", omittingEmptySubsequences: true)
            guard lead.contains(".."), parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]),
                  0 <= low, low <= high, high <= Self.maximumLead else {
                throw CommandError("--lead \(lead): expected MIN..MAX whole days with 0 ≤ MIN ≤ MAX ≤ \(Self.maximumLead), such as 0..28")
            }
            return low...high
        }

        /// The stored forecasts --run, --scenario-name and --kind leave; none left is an error saying which option left none.
        private func chosen(_ forecasts: [Forecast], in history: HistoryStore) throws -> [Forecast] {
            var left = forecasts
            if let run = runID {
                guard let id = try history.runID(matching: run) else {
                    throw CommandError("--run \(run): no stored run has an id beginning so; plan history show --runs lists them")
                }
                left = left.filter { $0.runID == id }
                guard !left.isEmpty else { throw CommandError("--run \(run): the run has no check\(Self.range(from, to)); plan history show --runs lists its dates") }
            }
            if let scenarioName {
                left = left.filter { $0.scenarioName == scenarioName }
                guard !left.isEmpty else {
                    let names = Set(forecasts.map(\.scenarioName)).sorted().joined(separator: ", ")
                    throw CommandError("--scenario-name \(scenarioName): no stored forecast\(Self.range(from, to)) is of that scenario (there are: \(names.isEmpty ? "none" : names))")
                }
            }
            if let kind {
                let unknown = left.count { $0.kind == nil }
                left = left.filter { $0.kind == kind }
                guard !left.isEmpty else {
                    throw CommandError("--kind \(kind.rawValue): no stored forecast\(Self.range(from, to)) is a plan \(kind.rawValue) run"
                        + (unknown > 0 ? " (\(unknown) recorded before the store kept kinds cannot be told apart)" : ""))
                }
            }
            return left
        }

        private static func range(_ from: CivilDate?, _ to: CivilDate?) -> String {
            from == nil && to == nil ? "" : " from \(from?.description ?? "the first check") to \(to?.description ?? "the last")"
        }

        /// A run's `counts.json` as the backtest reads it.
        private static func weeklyCounts(_ counts: CountForecast, runID: String) -> WeeklyCounts {
            WeeklyCounts(
                runID: runID, trials: counts.trials, weeks: counts.weeks.map(\.start), weekChecks: counts.weeks.map(\.checks),
                distributions: counts.levels.map(\.distributions), covariances: counts.levels.map(\.covariances))
        }

        /// A stored check as the backtest reads it; the open cases are the policy's cases input,
        /// whatever its name.
        private static func declaredLevel(_ check: DeclaredCheck) -> DeclaredLevel {
            DeclaredLevel(date: check.date, window: check.window, checkMinute: check.checkMinute, level: check.level, openCases: check.openCases)
        }
    }
}

extension Forecast.Kind: ExpressibleByArgument {}
