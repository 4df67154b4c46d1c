import CGSL
import Calendars
import Foundation
import InputFormats
import Scenarios

/// Attrition per group from an HR export of leavers (`name,group,left`, docs/CALIBRATION.md):
/// leavers over the SE-years each group was exposed, read as a constant hazard λ = leavers /
/// SE-years (the model's, docs/MODEL.md §2), and written as the yearly rate 1 − e^(−λ).
///
/// Exposure counts every SE of the team scenario over the days of `--from..--to` they were on the
/// team (`joins`, `leaves`), and every leaver in the range from its start (or their `joins`, when
/// the team still lists them) to the day they left. The interval is Garwood's exact Poisson
/// interval on the count, λ ∈ [χ²(0.025; 2L) / 2E, χ²(0.975; 2L + 2) / 2E], carried to the rate.
public struct AttritionFit: Sendable {
    public struct Group: Sendable {
        public let group: String
        public let leavers: Int
        public let seYears: Double
        public let rate: Estimate
    }

    public let groups: [Group]
    /// Leavers whose date is outside the range, left out.
    public let outside: Int

    /// Reads the export and fits every group of the scenario that has an SE in it or a leaver.
    public init(csv text: String, source: String, scenario: Scenario, days: DateRange) throws {
        let table = try CSVTable(text: text, source: source)
        try table.requireDistinctColumns(source: source)
        let required = ["name", "group", "left"]
        let (nameColumn, groupColumn, leftColumn) = (
            try table.requireColumn("name", of: required, source: source), try table.requireColumn("group", of: required, source: source),
            try table.requireColumn("left", of: required, source: source))
        let groupNames = scenario.groups.map(\.name)
        var leavers: [(name: String, group: String, left: CivilDate)] = []
        var outside = 0
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                throw CalibrationError("\(source):\(row.line): expected \(table.header.count) fields as in the header, found \(row.fields.count)")
            }
            let name = row.fields[nameColumn].trimmingSpaces, group = row.fields[groupColumn].trimmingSpaces
            guard groupNames.contains(group) else {
                throw CalibrationError("\(source):\(row.line): group \"\(group)\" is not a group of the team scenario (groups: \(groupNames.joined(separator: ", ")))")
            }
            guard let left = CivilDate(iso: row.fields[leftColumn].trimmingSpaces) else {
                throw CalibrationError("\(source):\(row.line): left \"\(row.fields[leftColumn])\": expected a date YYYY-MM-DD")
            }
            guard days.contains(left) else { outside += 1; continue }
            leavers.append((name, group, left))
        }
        self.outside = outside
        var exposure = [String: Double](), counts = [String: Int]()
        func add(_ group: String, from first: CivilDate, to last: CivilDate) {
            let from = max(first, days.first), to = min(last, days.last)
            if from <= to { exposure[group, default: 0] += Double(from.days(to: to) + 1) / 365 }
        }
        let leaverNames = Set(leavers.map(\.name))
        for se in scenario.team where !leaverNames.contains(se.name) {
            add(se.group, from: se.joins ?? days.first, to: se.leaves ?? days.last)
        }
        for leaver in leavers {
            counts[leaver.group, default: 0] += 1
            let joins = scenario.team.first { $0.name == leaver.name }?.joins ?? days.first
            add(leaver.group, from: joins, to: leaver.left)
        }
        groups = groupNames.compactMap { group in
            guard let years = exposure[group], years > 0 else { return nil }
            let l = counts[group] ?? 0
            func rate(_ hazard: Double) -> Double { -expm1(-hazard) }
            let low = l == 0 ? 0 : gsl_cdf_chisq_Pinv(0.025, Double(2 * l)) / 2 / years
            let high = gsl_cdf_chisq_Pinv(0.975, Double(2 * l + 2)) / 2 / years
            return Group(group: group, leavers: l, seYears: years, rate: Estimate(
                value: rate(Double(l) / years), low: rate(low), high: min(rate(high), ScenarioLimits.attritionRate.upperBound.nextDown),
                method: "leavers / SE-years on the team as a constant hazard λ, rate 1 − e^(−λ); Garwood's exact Poisson interval"))
        }
    }
}
