import Calendars
import Scenarios
import Simulation

/// One uncertain number of a scenario that `plan sensitivity` moves to the ends of its range: where
/// it lives (its scenario JSON path, the key `plan calibrate --format json` gives its interval
/// under), how to read and set it on a decoded scenario, the values it may take, and the range it
/// is given when no interval is known.
///
/// The inputs are rows of a table (`SensitivityInput.all(for:)`): a new scenario key becomes one more
/// row, with nothing else to change. Each row edits the decoded `Scenario` rather than its text, so
/// an edited scenario needs no file to be read again, and a row whose number the model does not use
/// (sickness inputs with sickness off, the holiday factor with no holiday in the simulated days)
/// leaves every trial exactly as it was (common random numbers, docs/MODEL.md §7).
public struct SensitivityInput: Sendable {
    /// `/inflow/base_per_day`: the scenario JSON path, as a JSON Pointer.
    public let path: String
    /// What a reader calls it: "base inflow (cases a day)".
    public let label: String
    /// The values the scenario accepts (`ScenarioLimits`): an interval reaching outside them is refused.
    public let valid: ClosedRange<Double>
    /// Kept by the stress run (false for an input with no adverse end of its own, such as an
    /// arrival share, which only moves cases from one window to another).
    public let stressed: Bool
    /// Why the input cannot act on this scenario (a Poisson inflow has no dispersion to move), or nil.
    public let unusedBecause: String?
    /// A count (the starting backlog): the ends of its range are rounded to whole numbers.
    public let isWhole: Bool
    let defaultRange: DefaultRange
    let read: @Sendable (Scenario) -> Double
    let write: @Sendable (inout Scenario, Double) -> Void

    /// The range an input is given without an interval from a fit (docs/WHATIF.md, "What drives the risk").
    public enum DefaultRange: Sendable, Hashable {
        /// value × (1 − r) … value × (1 + r): an input at 0 stays at 0, so no effect is invented.
        case relative(Double)
        /// value − d … value + d.
        case absolute(Double)

        /// The range around `value`, clipped to the valid values.
        func around(_ value: Double, valid: ClosedRange<Double>) -> ClosedRange<Double> {
            let (low, high) = switch self {
            case .relative(let r): (value * (1 - r), value * (1 + r))
            case .absolute(let d): (value - d, value + d)
            }
            return min(max(low, valid.lowerBound), valid.upperBound)...max(min(high, valid.upperBound), valid.lowerBound)
        }

        public var description: String {
            switch self {
            case .relative(let r): "±\(Int((r * 100).rounded()))%"
            case .absolute(let d): "±\(d)"
            }
        }
    }

    /// The input's value in `scenario` (its default when the file leaves it out).
    public func value(in scenario: Scenario) -> Double { read(scenario) }

    /// The range used when no interval is given.
    public func defaultRange(in scenario: Scenario) -> ClosedRange<Double> {
        rounded(defaultRange.around(read(scenario), valid: valid))
    }

    /// `range` with whole ends for a count, as it is run.
    public func rounded(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        isWhole ? range.lowerBound.rounded()...range.upperBound.rounded() : range
    }

    /// `scenario` with this input set to `value`.
    public func applied(_ value: Double, to scenario: Scenario) -> Scenario {
        var edited = scenario
        write(&edited, value)
        return edited
    }

    /// Every uncertain input of `model`'s scenario, in the order a scenario file lists them: the
    /// inflow (base, weekday and holiday factors, demand shocks, dispersion, spikes, trend and month
    /// factors, arrival shares),
    /// the work (resolutions per shift, the starting backlog), then sickness.
    ///
    /// - Complexity: O(windows).
    public static func all(for model: SimulationModel) -> [SensitivityInput] {
        let scenario = model.scenario
        var rows: [SensitivityInput] = [
            SensitivityInput(
                path: "/inflow/base_per_day", label: "base inflow (cases a day)", valid: ScenarioLimits.casesPerDay,
                defaultRange: .relative(0.10), read: { $0.inflow.basePerDay }, write: { $0.inflow.basePerDay = $1 }),
        ]
        for day in Weekday.allCases {
            rows.append(SensitivityInput(
                path: "/inflow/weekday_factors/\(day.abbreviation)", label: "\(day.abbreviation) inflow factor",
                valid: ScenarioLimits.inflowFactor, defaultRange: .relative(0.10),
                read: { $0.inflow.weekdayFactors[day] ?? 1 }, write: { $0.inflow.weekdayFactors[day] = $1 }))
        }
        rows += [
            SensitivityInput(
                path: "/inflow/holiday_factor", label: "holiday inflow factor", valid: ScenarioLimits.inflowFactor,
                defaultRange: .relative(0.25), read: { $0.inflow.holidayFactor }, write: { $0.inflow.holidayFactor = $1 }),
            SensitivityInput(
                path: "/inflow/demand_cv", label: "demand shock CV", valid: ScenarioLimits.coefficientOfVariation,
                defaultRange: .relative(0.50), read: { $0.inflow.demandCV }, write: { $0.inflow.demandCV = $1 }),
            SensitivityInput(
                path: "/inflow/dispersion", label: "inflow dispersion k", valid: ScenarioLimits.dispersion,
                unusedBecause: scenario.inflow.dispersion == nil ? "the inflow is Poisson (no dispersion)" : nil,
                defaultRange: .relative(0.50), read: { $0.inflow.dispersion ?? 0 },
                write: { scenario, value in if scenario.inflow.dispersion != nil { scenario.inflow.dispersion = value } }),
            SensitivityInput(
                path: "/inflow/spikes/probability", label: "spike probability a day", valid: 0...1,
                defaultRange: .relative(0.50), read: { $0.inflow.spikeProbability }, write: { $0.inflow.spikeProbability = $1 }),
            SensitivityInput(
                path: "/inflow/spikes/mean", label: "spike size (cases)", valid: ScenarioLimits.casesPerDay,
                defaultRange: .relative(0.25), read: { $0.inflow.spikeMean }, write: { $0.inflow.spikeMean = $1 }),
        ]
        // The drift of demand: a trend the scenario states, and each month factor it gives.
        rows.append(SensitivityInput(
            path: "/inflow/trend_per_year", label: "inflow trend a year", valid: ScenarioLimits.trendPerYear,
            unusedBecause: scenario.inflow.trend == nil ? "the scenario has no trend (trend_per_year with trend_reference)" : nil,
            defaultRange: .absolute(0.10), read: { $0.inflow.trend?.perYear ?? 0 },
            write: { scenario, value in scenario.inflow.trend?.perYear = value }))
        for month in scenario.inflow.monthFactors.keys.sorted() {
            let name = CivilDate.monthAbbreviations[month - 1]
            rows.append(SensitivityInput(
                path: "/inflow/month_factors/\(name)", label: "\(name) inflow factor", valid: ScenarioLimits.inflowFactor,
                defaultRange: .relative(0.10), read: { $0.inflow.monthFactors[month] ?? 1 }, write: { $0.inflow.monthFactors[month] = $1 }))
        }
        if model.windows.count > 1 {
            let hours = model.windowHours
            for (s, window) in model.windows.enumerated() {
                rows.append(SensitivityInput(
                    path: "/inflow/arrival_shares/\(window.name)", label: "share of cases arriving before the \(window.name) check",
                    valid: 0...1, stressed: false, defaultRange: .absolute(0.05),
                    read: { ($0.inflow.arrivalShares ?? hours.map { $0 / 24 })[s] },
                    write: { scenario, value in scenario.inflow.arrivalShares = Self.shares(scenario.inflow.arrivalShares ?? hours.map { $0 / 24 }, setting: s, to: value) }))
            }
        }
        rows += [
            SensitivityInput(
                path: "/resolve_per_shift", label: "cases resolved per SE-shift", valid: ScenarioLimits.casesPerDay,
                defaultRange: .relative(0.10), read: { $0.resolvePerShift }, write: { $0.resolvePerShift = $1 }),
            Self.initialBacklog(scenario.initialOpenCases),
            SensitivityInput(
                path: "/sickness/sick_days_per_year", label: "sick days a year per SE", valid: ScenarioLimits.sickDaysPerYear,
                defaultRange: .relative(0.50),
                read: { $0.sickness.dailyStartProbability * 365 * $0.sickness.meanSpellDays },
                write: { $0.sickness.dailyStartProbability = $1 / 365 / $0.sickness.meanSpellDays }),
            // The sick days a year stay as they are: longer spells are fewer spells.
            SensitivityInput(
                path: "/sickness/mean_spell_days", label: "mean sickness spell (days)", valid: ScenarioLimits.meanSpellDays,
                defaultRange: .relative(0.25), read: { $0.sickness.meanSpellDays },
                write: { scenario, value in
                    let sickDays = scenario.sickness.dailyStartProbability * 365 * scenario.sickness.meanSpellDays
                    scenario.sickness.meanSpellDays = value
                    scenario.sickness.dailyStartProbability = sickDays / 365 / value
                }),
            SensitivityInput(
                path: "/sickness/severity_cv", label: "sickness season CV", valid: ScenarioLimits.coefficientOfVariation,
                defaultRange: .relative(0.50), read: { $0.sickness.severityCV }, write: { $0.sickness.severityCV = $1 }),
        ]
        rows += unbookedLeave(scenario.unbookedLeave)
        return rows
    }

    /// The unbooked-leave model's inputs (docs/MODEL.md §3a): its leave days a year (an SE's own
    /// `leave_days_per_year` stays), its spell length (the days a year stay: longer spells are
    /// fewer), each month factor it gives, and each lead-time bin's share, the others scaled to
    /// keep the sum 1 (not stressed: a share moves leave nearer or further, like an arrival share).
    static func unbookedLeave(_ leave: Scenario.UnbookedLeave?) -> [SensitivityInput] {
        let unused = leave == nil ? "the scenario has no unbooked_leave" : nil
        var rows = [
            SensitivityInput(
                path: "/unbooked_leave/days_per_year", label: "leave days a year per SE (unbooked leave)", valid: ScenarioLimits.leaveDaysPerYear,
                unusedBecause: unused, defaultRange: .relative(0.25), read: { $0.unbookedLeave?.daysPerYear ?? 0 },
                write: { scenario, value in scenario.unbookedLeave?.daysPerYear = value }),
            SensitivityInput(
                path: "/unbooked_leave/mean_spell_days", label: "mean leave spell (days)", valid: ScenarioLimits.meanSpellDays,
                unusedBecause: unused, defaultRange: .relative(0.25), read: { $0.unbookedLeave?.meanSpellDays ?? 1 },
                write: { scenario, value in scenario.unbookedLeave?.meanSpellDays = value }),
        ]
        guard let leave else { return rows }
        for month in leave.monthFactors.keys.sorted() {
            let name = CivilDate.monthAbbreviations[month - 1]
            rows.append(SensitivityInput(
                path: "/unbooked_leave/month_factors/\(name)", label: "\(name) leave factor", valid: ScenarioLimits.leaveMonthFactor,
                defaultRange: .relative(0.25), read: { $0.unbookedLeave?.monthFactors[month] ?? 1 },
                write: { scenario, value in scenario.unbookedLeave?.monthFactors[month] = value }))
        }
        if leave.leadTime.count > 1 {
            for (i, bin) in leave.leadTime.enumerated() {
                rows.append(SensitivityInput(
                    path: "/unbooked_leave/booking_lead_days/\(i)/share", label: "share of leave booked up to \(bin.upTo) days ahead (bin \(i))",
                    valid: 0...1, stressed: false, defaultRange: .absolute(0.05),
                    read: { $0.unbookedLeave?.leadTime[i].share ?? 0 },
                    write: { scenario, value in
                        guard let bins = scenario.unbookedLeave?.leadTime else { return }
                        let shares = Self.shares(bins.map(\.share), setting: i, to: value)
                        scenario.unbookedLeave?.leadTime = zip(bins, shares).map { .init(upTo: $0.upTo, share: $1) }
                    }))
            }
        }
        return rows
    }

    init(
        path: String, label: String, valid: ClosedRange<Double>, stressed: Bool = true, unusedBecause: String? = nil, isWhole: Bool = false,
        defaultRange: DefaultRange, read: @escaping @Sendable (Scenario) -> Double, write: @escaping @Sendable (inout Scenario, Double) -> Void
    ) {
        self.path = path
        self.label = label
        self.valid = valid
        self.stressed = stressed
        self.unusedBecause = unusedBecause
        self.isWhole = isWhole
        self.defaultRange = defaultRange
        self.read = read
        self.write = write
    }

    /// The starting backlog, a whole number or a Poisson mean, whichever the scenario gives.
    static func initialBacklog(_ backlog: Scenario.InitialBacklog) -> SensitivityInput {
        switch backlog {
        case .fixed:
            SensitivityInput(
                path: "/initial_open_cases", label: "open cases at the start",
                valid: Double(ScenarioLimits.initialOpenCases.lowerBound)...Double(ScenarioLimits.initialOpenCases.upperBound), isWhole: true,
                defaultRange: .relative(0.25),
                read: { if case .fixed(let n) = $0.initialOpenCases { Double(n) } else { 0 } },
                write: { $0.initialOpenCases = .fixed(Int($1.rounded())) })
        case .poissonMean:
            SensitivityInput(
                path: "/initial_open_cases/poisson_mean", label: "open cases at the start (Poisson mean)", valid: ScenarioLimits.casesPerDay,
                defaultRange: .relative(0.25),
                read: { if case .poissonMean(let m) = $0.initialOpenCases { m } else { 0 } },
                write: { $0.initialOpenCases = .poissonMean($1) })
        }
    }

    /// Shares with share `s` set to `value` and the others scaled so that all still sum to 1 (in
    /// proportion to what they were; equally when they were all 0).
    static func shares(_ shares: [Double], setting s: Int, to value: Double) -> [Double] {
        let others = shares.indices.filter { $0 != s }
        let rest = others.reduce(0) { $0 + shares[$1] }
        var result = shares
        result[s] = value
        for i in others { result[i] = rest > 0 ? shares[i] / rest * (1 - value) : (1 - value) / Double(others.count) }
        return result
    }
}
