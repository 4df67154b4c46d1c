import Calendars
import CapacityPolicy
import Foundation
import Scenarios
import Simulation

extension RunRecord {
    /// The record of a finished run. `scenarioBytes` are the scenario file's exact bytes;
    /// `elapsedSeconds` is the time spent simulating.
    public init(
        toolVersion: String, scenarioPath: String, scenarioBytes: [UInt8], estimates: Estimates,
        settings: RunSettings, started: Date, elapsedSeconds: Double
    ) {
        self.init(
            toolVersion: toolVersion, scenarioPath: scenarioPath, scenarioBytes: scenarioBytes, estimates: estimates, settings: settings,
            execution: Execution(threads: settings.threads, started: started, elapsedSeconds: elapsedSeconds, trials: estimates.trials))
    }

    /// The record of a run whose execution is described apart: a merge of shards.
    public init(
        toolVersion: String, scenarioPath: String, scenarioBytes: [UInt8], estimates: Estimates,
        settings: RunSettings, execution: Execution
    ) {
        let model = estimates.model
        let s = model.scenario
        tool = Tool(name: "plan", version: toolVersion)
        scenario = ScenarioFacts(
            name: s.name, description: s.description, path: scenarioPath, sha256: SHA256.hex(of: scenarioBytes),
            horizon: Horizon(start: s.horizon.first, end: s.horizon.last, days: s.horizon.dayCount),
            warmupDays: s.warmupDays, checkDays: s.checkDays.sorted().map(\.abbreviation),
            closures: s.company.closures.map {
                Closure(start: $0.dates.first, end: $0.dates.last, name: $0.name ?? "")
            },
            holidays: RunRecord.holidays(of: s),
            windows: model.windows.map { Window(name: $0.name, check: CheckWindow.clock($0.checkMinute)) },
            groups: s.groups.map { group in
                Group(name: group.name, shift: "\(CheckWindow.clock(group.shiftStart))-\(CheckWindow.clock(group.shiftEnd))",
                      members: s.team.filter { $0.group == group.name }.map(\.name))
            },
            checks: model.checks.count)
        policy = PolicyFacts(
            name: s.policy.name, source: s.policySource, reading: s.policy.reading.rawValue,
            levels: s.policy.levels.enumerated().map { l, level in
                LevelFacts(level: l + 1, name: level.name,
                           alerts: model.alertChannels.filter { $0.level == l }.map(\.channel))
            },
            planningRisk: s.planningRisk, recommendationThreshold: s.recommendationThreshold, leadDays: s.leadDays)
        assumptions = RunRecord.assumptions(model)
        let target: Double?, cap: Int?
        switch settings.size {
        case .trials: (target, cap) = (nil, nil)
        case .precision(let halfWidth, let maximumTrials): (target, cap) = (halfWidth, maximumTrials)
        }
        sampling = Sampling(
            seed: settings.seed, trials: estimates.trials, blockSize: settings.blockSize, generator: TrialKernel.generatorName,
            precisionTarget: target, maximumTrials: cap, precision: estimates.precision)
        self.execution = execution
    }

    private static func assumptions(_ model: SimulationModel) -> Assumptions {
        let s = model.scenario
        let effects = s.effects.keys.sorted().map { level in
            let e = s.effects[level]!
            return Effect(level: level, capacityMultiplier: e.capacityMultiplier,
                          extraResolutionsPerDay: e.extraResolutionsPerDay, divertedShare: e.divertedShare)
        }
        let shares = s.inflow.arrivalShares ?? model.windowHours.map { $0 / 24 }
        let initial: (Double, String)
        switch s.initialOpenCases {
        case .fixed(let n): initial = (Double(n), "fixed")
        case .poissonMean(let mean): initial = (mean, "poisson")
        }
        return Assumptions(
            loop: effects.isEmpty ? "open" : "closed", effects: effects,
            sickness: Sickness(dailyStartProbability: s.sickness.dailyStartProbability,
                               meanSpellDays: s.sickness.meanSpellDays, severityCV: s.sickness.severityCV),
            inflow: Inflow(
                basePerDay: s.inflow.basePerDay,
                weekdayFactors: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.abbreviation, s.inflow.weekdayFactors[$0] ?? 1) }),
                holidayFactor: s.inflow.holidayFactor, holidayCalendars: s.inflow.holidayCalendars.map(\.source),
                demandCV: s.inflow.demandCV, distribution: s.inflow.dispersion == nil ? "poisson" : "negative_binomial",
                dispersion: s.inflow.dispersion, spikeProbability: s.inflow.spikeProbability, spikeMean: s.inflow.spikeMean,
                arrivalShares: Dictionary(uniqueKeysWithValues: zip(model.windows.map(\.name), shares))),
            resolvePerShift: s.resolvePerShift, initialOpenCases: initial.0, initialOpenDistribution: initial.1,
            summary: AssumptionSummary(model).sentences)
    }


    /// The public holidays the team's SEs take within the horizon, each with the calendars that
    /// have it, by date then name: what the report names on the heatmap.
    ///
    /// - Complexity: O(team size × horizon days).
    static func holidays(of scenario: Scenario) -> [PublicHoliday] {
        var calendars: [Holiday: Set<String>] = [:]
        for engineer in scenario.team {
            for holiday in engineer.holidays.holidays(from: scenario.horizon.first, through: scenario.horizon.last) {
                calendars[holiday, default: []].insert(engineer.holidays.source)
            }
        }
        return calendars.map { PublicHoliday(date: $0.key.date, name: $0.key.name, calendars: $0.value.sorted()) }
            .sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }
}

extension RunRecord.Execution {
    /// `trials` run on `threads` threads from `started` in `elapsedSeconds`; `shards` when merged.
    public init(threads: Int, started: Date, elapsedSeconds: Double, trials: Int, shards: Int? = nil) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        self.init(threads: threads, started: formatter.string(from: started), elapsedSeconds: elapsedSeconds, trials: trials, shards: shards)
    }

    /// As above, with the start already written in ISO 8601.
    public init(threads: Int, started: String, elapsedSeconds: Double, trials: Int, shards: Int? = nil) {
        self.threads = threads
        self.started = started
        self.elapsedSeconds = (elapsedSeconds * 1000).rounded() / 1000
        trialsPerSecond = elapsedSeconds > 0 ? (Double(trials) / elapsedSeconds).rounded() : 0
        self.shards = shards
    }
}
