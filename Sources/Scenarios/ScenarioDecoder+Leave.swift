import Calendars
import InputFormats

/// `as_of` and `unbooked_leave`: what the scenario knows of the team's leave, and the leave booked
/// after it (docs/MODEL.md §3a).
extension ScenarioDecoder {
    /// How far the lead-time shares may sum from 1, for shares written as decimals.
    static let leadTimeShareTolerance = 1e-6

    /// `as_of`: a date within `ScenarioLimits.trendReferenceYears` of the simulated dates.
    /// `.some(nil)` never: the key is there. nil when reported.
    func decodeAsOf(_ node: JSONNode, simulated: ClosedRange<CivilDate>?) -> CivilDate?? {
        guard let date = node.date() else { return nil }
        if let simulated {
            let limit = ScenarioLimits.trendReferenceYears * 366
            guard abs(date.dayNumber - simulated.lowerBound.dayNumber) <= limit, abs(date.dayNumber - simulated.upperBound.dayNumber) <= limit else {
                node.report("\(date) is more than \(ScenarioLimits.trendReferenceYears) years from the simulated dates \(simulated.lowerBound)…\(simulated.upperBound); as_of is the day the scenario's time off was known, near them")
                return nil
            }
        }
        return .some(date)
    }

    /// `{"days_per_year": 25, "mean_spell_days": 6, "month_factors": {…}, "booking_lead_days": [{"up_to": 13, "share": 0.4}, …]}`.
    /// `asOf` is `.some(nil)` when the scenario has no `as_of`, nil when it was reported.
    func decodeUnbookedLeave(_ node: JSONNode, asOf: CivilDate??) -> Scenario.UnbookedLeave?? {
        node.rejectUnknownKeys(ScenarioKeys.unbookedLeave)
        let perYear = node.requiredMember("days_per_year")?.number(in: ScenarioLimits.leaveDaysPerYear)
        let meanSpellDays = node.member("mean_spell_days").map { $0.number(in: ScenarioLimits.meanSpellDays) } ?? 1
        let monthFactors = node.member("month_factors").map { decodeMonthFactors($0, range: ScenarioLimits.leaveMonthFactor) } ?? [:]
        let leadTime = node.member("booking_lead_days").map(decodeLeadTime) ?? Scenario.UnbookedLeave.assumedLeadTime
        if case .some(.none) = asOf {
            node.report("unbooked leave needs \"as_of\", the last day whose bookings the scenario's time off holds: leave starting after it is drawn with the share booked later")
            return nil
        }
        guard let perYear, let meanSpellDays, let monthFactors, let leadTime else { return nil }
        return .some(Scenario.UnbookedLeave(daysPerYear: perYear, meanSpellDays: meanSpellDays, monthFactors: monthFactors, leadTime: leadTime))
    }

    /// `[{"up_to": 6, "share": 0.3}, {"up_to": 90, "share": 0.7}]`: increasing `up_to`, shares summing to 1.
    private func decodeLeadTime(_ node: JSONNode) -> [Scenario.UnbookedLeave.LeadTimeBin]? {
        guard let elements = node.elements() else { return nil }
        guard !elements.isEmpty, elements.count <= ScenarioLimits.leadTimeBins else {
            node.report("\(elements.count) bins; give 1 to \(ScenarioLimits.leadTimeBins)")
            return nil
        }
        var bins: [Scenario.UnbookedLeave.LeadTimeBin] = []
        var valid = true
        for element in elements {
            element.rejectUnknownKeys(ScenarioKeys.leadTimeBin)
            let upTo = element.requiredMember("up_to")?.int(in: ScenarioLimits.leadTimeDays)
            let share = element.requiredMember("share")?.probability()
            guard let upTo, let share else { valid = false; continue }
            if let last = bins.last, upTo <= last.upTo {
                element.member("up_to")?.report("\(upTo) days is not after the bin before's \(last.upTo); list the bins by increasing up_to")
                valid = false
            }
            bins.append(Scenario.UnbookedLeave.LeadTimeBin(upTo: upTo, share: share))
        }
        guard valid else { return nil }
        let sum = bins.map(\.share).reduce(0, +)
        guard abs(sum - 1) <= Self.leadTimeShareTolerance else {
            node.report("the shares sum to \(sum); they must sum to 1")
            return nil
        }
        return bins
    }
}
