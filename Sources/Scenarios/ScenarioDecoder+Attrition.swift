import Calendars
import InputFormats

/// Attrition per group and the ramp of a hire (docs/MODEL.md §2).
extension ScenarioDecoder {
    /// `{"emea": {"rate_per_year": 0.12, "notice_days": 28}}`: every key a defined group.
    func decodeAttrition(_ node: JSONNode, groups: [Scenario.Group]?) -> [String: Scenario.Attrition]? {
        guard let members = node.members() else { return nil }
        var attrition: [String: Scenario.Attrition] = [:]
        var valid = true
        for (name, member) in members {
            if let groups, !groups.contains(where: { $0.name == name }) {
                member.report(Self.undefinedGroup(name, groups: groups))
                valid = false
                continue
            }
            member.rejectUnknownKeys(ScenarioKeys.attrition)
            let rate = member.requiredMember("rate_per_year").flatMap(Self.attritionRate)
            let notice = member.member("notice_days").map { $0.int(in: ScenarioLimits.noticeDays) } ?? 0
            guard let rate, let notice else { valid = false; continue }
            attrition[name] = Scenario.Attrition(ratePerYear: rate, noticeDays: notice)
        }
        return valid ? attrition : nil
    }

    /// A yearly rate in [0, 1): at 1 everyone would leave at once.
    static func attritionRate(_ node: JSONNode) -> Double? {
        guard let rate = node.double() else { return nil }
        guard ScenarioLimits.attritionRate.contains(rate) else {
            node.report("expected a yearly attrition rate from 0 to below 1, found \(node.numberText)")
            return nil
        }
        return rate
    }

    /// `{"weeks": 12, "start_fraction": 0.3, "counts_in_headcount": true}` of an SE who `joins`.
    func decodeRamp(_ node: JSONNode, joins: CivilDate??) -> Ramp? {
        node.rejectUnknownKeys(ScenarioKeys.ramp)
        let weeks = node.requiredMember("weeks").flatMap { $0.int(in: ScenarioLimits.rampWeeks) }
        let startNode = node.member("start_fraction")
        let start = startNode.map { $0.positiveNumber(atMost: 1) } ?? 0.5
        let counts = node.member("counts_in_headcount").map { $0.bool() } ?? true
        guard let weeks, let start, let counts else { return nil }
        if weeks == 0 && start < 1 {
            (startNode ?? node).report("a ramp of 0 weeks starts at full capacity; start_fraction must be 1, found \(JSONNode.format(start))")
            return nil
        }
        if case .some(.none) = joins {
            node.report("a ramp needs the SE's \"joins\" date, the day it starts from")
            return nil
        }
        return Ramp(weeks: weeks, startFraction: start, countsInHeadcount: counts)
    }
}
