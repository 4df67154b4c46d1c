import CapacityPolicy
import Calendars
import InputFormats

/// The random parts of the model and what the levels change: sickness, case inflow, the starting
/// backlog and the contingency effects (docs/MODEL.md §3–6).
extension ScenarioDecoder {
    static let distributions = ["poisson", "negative_binomial"]
    /// How far arrival shares may sum from 1, for shares written as decimals.
    static let shareTolerance = 1e-9

    func decodeSickness(_ node: JSONNode) -> Scenario.Sickness? {
        node.rejectUnknownKeys(ScenarioKeys.sickness)
        let perYearNode = node.member("sick_days_per_year")
        let probabilityNode = node.member("daily_start_probability")
        let meanSpellDays = node.member("mean_spell_days").map { $0.number(in: ScenarioLimits.meanSpellDays) } ?? 1
        let severityCV = node.member("severity_cv").map { $0.number(in: ScenarioLimits.coefficientOfVariation) } ?? 0
        switch (perYearNode, probabilityNode) {
        case (let perYearNode?, nil):
            guard let perYear = perYearNode.number(in: ScenarioLimits.sickDaysPerYear), let meanSpellDays, let severityCV else { return nil }
            // At most 365 days a year in spells of at least a day: the daily start probability is ≤ 1.
            return Scenario.Sickness(sickDaysPerYear: perYear, meanSpellDays: meanSpellDays, severityCV: severityCV)
        case (nil, let probabilityNode?):
            guard let p = probabilityNode.probability(), let meanSpellDays, let severityCV else { return nil }
            return Scenario.Sickness(dailyStartProbability: p, meanSpellDays: meanSpellDays, severityCV: severityCV)
        case (_?, _?):
            node.report("give either sick_days_per_year or daily_start_probability, not both")
            return nil
        case (nil, nil):
            node.report("missing sick_days_per_year or daily_start_probability")
            return nil
        }
    }

    func decodeInflow(_ node: JSONNode, windows: [CheckWindow]?, simulated: ClosedRange<CivilDate>?) -> Scenario.Inflow? {
        node.rejectUnknownKeys(ScenarioKeys.inflow)
        let base = node.requiredMember("base_per_day")?.number(in: ScenarioLimits.casesPerDay)
        let weekdayFactors = node.member("weekday_factors").map(decodeWeekdayFactors) ?? [:]
        let holidayFactor = node.member("holiday_factor").map { $0.number(in: ScenarioLimits.inflowFactor) } ?? 1
        let calendars = node.member("holiday_calendars").map(decodeCustomerCalendars) ?? []
        let demandCV = node.member("demand_cv").map { $0.number(in: ScenarioLimits.coefficientOfVariation) } ?? 0
        let distribution = node.member("distribution").map { $0.choice(Self.distributions) } ?? "poisson"
        let dispersionNode = node.member("dispersion")
        var dispersion: Double?
        var valid = true
        switch (distribution, dispersionNode) {
        case ("negative_binomial", let dispersionNode?):
            dispersion = dispersionNode.number(in: ScenarioLimits.dispersion)
            valid = dispersion != nil
        case ("negative_binomial", nil):
            node.report("missing required key \"dispersion\" for the negative binomial distribution")
            valid = false
        case ("poisson", let dispersionNode?):
            dispersionNode.report("a dispersion applies to the negative binomial distribution only; the distribution is poisson")
            valid = false
        default:
            break
        }
        var spikeProbability: Double? = 0, spikeMean: Double? = 0
        if let spikes = node.member("spikes") {
            spikes.rejectUnknownKeys(ScenarioKeys.spikes)
            spikeProbability = spikes.requiredMember("probability")?.probability()
            spikeMean = spikes.requiredMember("mean")?.number(in: ScenarioLimits.casesPerDay)
        }
        var shares: [Double]?
        if let sharesNode = node.member("arrival_shares") {
            shares = decodeArrivalShares(sharesNode, windows: windows)
            valid = valid && shares != nil
        }
        let trend = decodeTrend(node, simulated: simulated)
        let monthFactors = node.member("month_factors").map { decodeMonthFactors($0) } ?? [:]
        let periods = node.member("periods").map(decodePeriods) ?? []
        guard valid, let base, let weekdayFactors, let holidayFactor, let calendars, let demandCV,
              let spikeProbability, let spikeMean, let trend, let monthFactors, let periods else { return nil }
        let inflow = Scenario.Inflow(
            basePerDay: base, weekdayFactors: weekdayFactors, holidayFactor: holidayFactor, holidayCalendars: calendars,
            demandCV: demandCV, dispersion: dispersion, spikeProbability: spikeProbability, spikeMean: spikeMean,
            arrivalShares: shares, trend: trend, monthFactors: monthFactors, periods: periods)
        // Each factor is bounded, but their product is not: keep a day's mean within what the
        // samplers and the backlog's counters are documented to take (ScenarioLimits.dailyMean).
        if let simulated {
            let largestFactor = (weekdayFactors.values.max() ?? 1) * max(1, holidayFactor)
            let days = (simulated.lowerBound.dayNumber...simulated.upperBound.dayNumber).map(CivilDate.init(dayNumber:))
            if let peak = days.max(by: { inflow.driftFactor(on: $0) < inflow.driftFactor(on: $1) }),
               base * largestFactor * inflow.driftFactor(on: peak) > ScenarioLimits.dailyMean {
                node.report("the trend, month and period factors take the mean on \(peak) beyond \(Int(ScenarioLimits.dailyMean)) cases a day; check their values")
                return nil
            }
        }
        return inflow
    }

    /// `trend_per_year` with its `trend_reference` date, which must lie within
    /// `ScenarioLimits.trendReferenceYears` of the simulated dates. `.some(nil)` when there is no trend.
    private func decodeTrend(_ node: JSONNode, simulated: ClosedRange<CivilDate>?) -> Scenario.Inflow.Trend?? {
        let perYearNode = node.member("trend_per_year"), referenceNode = node.member("trend_reference")
        switch (perYearNode, referenceNode) {
        case (nil, nil):
            return .some(nil)
        case (_?, nil):
            node.report("missing required key \"trend_reference\" (the date on which base_per_day holds) for trend_per_year")
            return nil
        case (nil, let referenceNode?):
            referenceNode.report("trend_reference applies to trend_per_year, which is missing")
            return nil
        case (let perYearNode?, let referenceNode?):
            guard let perYear = perYearNode.number(in: ScenarioLimits.trendPerYear), let reference = referenceNode.date() else { return nil }
            if let simulated {
                let limit = ScenarioLimits.trendReferenceYears * 366
                guard abs(reference.dayNumber - simulated.lowerBound.dayNumber) <= limit, abs(reference.dayNumber - simulated.upperBound.dayNumber) <= limit else {
                    referenceNode.report("\(reference) is more than \(ScenarioLimits.trendReferenceYears) years from the simulated dates \(simulated.lowerBound)…\(simulated.upperBound); give a reference date near them")
                    return nil
                }
            }
            return .some(Scenario.Inflow.Trend(perYear: perYear, reference: reference))
        }
    }

    /// `{"Dec": 0.7, "Jan": 1.3}`, each in `range`; months not listed keep factor 1.
    func decodeMonthFactors(_ node: JSONNode, range: ClosedRange<Double> = ScenarioLimits.inflowFactor) -> [Int: Double]? {
        guard let members = node.members() else { return nil }
        var factors: [Int: Double] = [:]
        var valid = true
        for (key, member) in members {
            guard let month = Self.monthNumber(key) else {
                member.report("\"\(key)\" is not a month (expected Jan, Feb, … Dec, or the full name)")
                valid = false
                continue
            }
            if factors[month] != nil {
                member.report("\(CivilDate.monthAbbreviations[month - 1]) has a factor already")
                valid = false
            }
            guard let factor = member.number(in: range) else { valid = false; continue }
            factors[month] = factor
        }
        return valid ? factors : nil
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// 1…12 for `Jan` or `January` (as written, first letter capital).
    static func monthNumber(_ key: String) -> Int? {
        (CivilDate.monthAbbreviations.firstIndex(of: key) ?? monthNames.firstIndex(of: key)).map { $0 + 1 }
    }

    /// `[{"from": "2026-11-02", "to": "2026-11-30", "factor": 1.4}]`
    private func decodePeriods(_ node: JSONNode) -> [Scenario.Inflow.Period]? {
        guard let elements = node.elements() else { return nil }
        guard elements.count <= ScenarioLimits.inflowPeriods else {
            node.report("\(elements.count) periods; at most \(ScenarioLimits.inflowPeriods) are supported")
            return nil
        }
        var periods: [Scenario.Inflow.Period] = []
        var valid = true
        for element in elements {
            element.rejectUnknownKeys(ScenarioKeys.inflowPeriod)
            let from = element.requiredMember("from")?.date()
            let to = element.requiredMember("to")?.date()
            let factor = element.requiredMember("factor")?.number(in: ScenarioLimits.inflowFactor)
            guard let from, let to, let factor, let dates = element.range(from, to) else { valid = false; continue }
            periods.append(Scenario.Inflow.Period(dates: dates, factor: factor))
        }
        return valid ? periods : nil
    }

    /// `{"Mon": 1.2, "Sat": 0.2}`; weekdays not listed keep factor 1.
    private func decodeWeekdayFactors(_ node: JSONNode) -> [Weekday: Double]? {
        guard let members = node.members() else { return nil }
        var factors: [Weekday: Double] = [:]
        var valid = true
        for (key, member) in members {
            guard let day = Weekday(scenarioName: key) else {
                member.report("\"\(key)\" is not a day of the week (expected Mon, Tue, Wed, Thu, Fri, Sat or Sun, or the full name)")
                valid = false
                continue
            }
            if factors[day] != nil {
                member.report("\(day.abbreviation) has a factor already")
                valid = false
            }
            guard let factor = member.number(in: ScenarioLimits.inflowFactor) else { valid = false; continue }
            factors[day] = factor
        }
        return valid ? factors : nil
    }

    /// The customers' public holidays, by calendar code: `"US"`, `"GB"`, `"GB-SCT"`.
    private func decodeCustomerCalendars(_ node: JSONNode) -> [HolidayCalendar]? {
        guard let elements = node.elements() else { return nil }
        let calendars = elements.map { element -> HolidayCalendar? in
            guard let code = element.nonEmptyString() else { return nil }
            let parts = code.split(separator: "-", maxSplits: 1).map(String.init)
            guard let country = publicHolidays(parts[0], subdivision: parts.count == 2 ? parts[1] : nil, at: element) else {
                return nil
            }
            return try? HolidayCalendar(country: country)
        }
        return calendars.contains { $0 == nil } ? nil : calendars.compactMap { $0 }
    }

    /// `{"EMEA": 0.45, "Americas": 0.55}`, by the window whose check ends the segment; stored in
    /// window order.
    private func decodeArrivalShares(_ node: JSONNode, windows: [CheckWindow]?) -> [Double]? {
        guard let members = node.members() else { return nil }
        var shares: [String: Double] = [:]
        var valid = true
        for (key, member) in members {
            if let windows, !windows.contains(where: { $0.name == key }) {
                member.report("\"\(key)\" is not a window; the windows are \(windows.map(\.name).joined(separator: ", "))")
                valid = false
            }
            guard let share = member.probability() else { valid = false; continue }
            shares[key] = share
        }
        guard valid, let windows else { return nil }
        let missing = windows.filter { shares[$0.name] == nil }.map(\.name)
        guard missing.isEmpty else {
            node.report("missing the share of \(missing.joined(separator: ", ")); give one share per window")
            return nil
        }
        let ordered = windows.map { shares[$0.name]! }
        let sum = ordered.reduce(0, +)
        guard abs(sum - 1) <= Self.shareTolerance else {
            node.report("the shares sum to \(sum); they must sum to 1")
            return nil
        }
        return ordered
    }

    /// A whole number of cases, or `{"poisson_mean": m}` for a random start.
    func decodeInitialBacklog(_ node: JSONNode) -> Scenario.InitialBacklog? {
        switch node.value {
        case .object:
            node.rejectUnknownKeys(ScenarioKeys.poissonBacklog)
            return node.requiredMember("poisson_mean")?.number(in: ScenarioLimits.casesPerDay).map { .poissonMean($0) }
        case .number:
            return node.int(in: ScenarioLimits.initialOpenCases).map { .fixed($0) }
        default:
            node.report("expected a whole number or an object {\"poisson_mean\": …}, found \(node.value.kindDescription)")
            return nil
        }
    }

    /// `{"3": {"capacity_multiplier": 1.1}}`, keyed by level number (1 is the baseline).
    /// `levelCount` is nil when the policy could not be read; keys are then checked for form only.
    func decodeEffects(_ node: JSONNode, levelCount: Int?) -> [Int: Scenario.LevelEffect]? {
        guard let members = node.members() else { return nil }
        var effects: [Int: Scenario.LevelEffect] = [:]
        var valid = true
        for (key, member) in members {
            member.rejectUnknownKeys(ScenarioKeys.effect)
            let multiplier = member.member("capacity_multiplier").map { $0.positiveNumber(atMost: ScenarioLimits.capacityFactor.upperBound) } ?? 1
            let extra = member.member("extra_resolutions_per_day").map { $0.number(in: ScenarioLimits.casesPerDay) } ?? 0
            let diverted = member.member("diverted_share").map { $0.probability() } ?? 0
            guard let level = Int(key), level >= 1, String(level) == key else {
                member.report("\"\(key)\" is not a level number (1 for the baseline, 2, 3, …)")
                valid = false
                continue
            }
            if let levelCount, level > levelCount {
                member.report("level \(level) is not a level of the policy, which has levels 1–\(levelCount)")
                valid = false
            }
            guard let multiplier, let extra, let diverted else { valid = false; continue }
            effects[level] = Scenario.LevelEffect(capacityMultiplier: multiplier, extraResolutionsPerDay: extra, divertedShare: diverted)
        }
        return valid ? effects : nil
    }
}
