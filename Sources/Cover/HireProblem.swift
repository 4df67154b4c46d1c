import Calendars
import OutputFormats
import Scenarios
import Simulation
import WhatIf

/// What a hiring plan is chosen from and how it enters the model: the candidates (a group and the
/// first of a month a hire can start on), and for every candidate `maxPerMonth` hires appended to
/// the team, each joining on that date with the ramp when bought and after the horizon when not.
///
/// As with cover (`CoverProblem`), every candidate plan is simulated with all these SEs in the
/// team, so each keeps its own sickness and attrition draws whatever is bought (docs/MODEL.md §7)
/// and two plans differ on the sample only by who joins when.
public struct HireProblem: Sendable {
    public struct Settings: Sendable {
        /// Weeks from opening a requisition to the hire's first day.
        public var leadWeeks: Int
        public var ramp: Ramp
        /// What one SE costs a month (any unit); a hire costs it from their first day to the end.
        public var costPerMonth: Double
        /// Hires of one group that can start on the same date.
        public var maxPerMonth: Int
        /// Per group, the SE of the scenario a hire is made like (`HireProblem.template(for:)`).
        public var like: [String: String]

        public init(
            leadWeeks: Int = 8, ramp: Ramp = Ramp(weeks: 12, startFraction: 0.5), costPerMonth: Double = 1, maxPerMonth: Int = 2,
            like: [String: String] = [:]
        ) {
            self.leadWeeks = leadWeeks
            self.ramp = ramp
            self.costPerMonth = costPerMonth
            self.maxPerMonth = maxPerMonth
            self.like = like
        }
    }

    /// The scenario the plan is made for: the given one with its horizon running to `--through`.
    public let scenario: Scenario
    public let settings: Settings
    public let candidates: [Candidate]
    public let checks: [SimulationModel.Check]
    public let windowNames: [String]
    public let baseModel: SimulationModel

    public struct Candidate: Sendable, Hashable {
        public let group: String
        /// The hire's first day: the first of a month.
        public let start: CivilDate
    }

    /// Days in an average month, for costs in SE-months.
    static let daysPerMonth = 365.25 / 12

    /// Throws for a `through` before the horizon's start, a lead time that leaves no start date
    /// before `through`, and a scenario that cannot be simulated.
    public init(scenario given: Scenario, through: CivilDate, settings: Settings) throws {
        guard through >= given.horizon.first else {
            throw WhatIfError("\(term: .through) \(through) is before the horizon's start, \(given.horizon.first); give a date on or after it")
        }
        var scenario = given
        scenario.horizon = DateRange(given.horizon.first...through)
        guard scenario.horizon.dayCount <= ScenarioLimits.horizonDays.upperBound else {
            throw WhatIfError("\(term: .through) \(through) makes a horizon of \(scenario.horizon.dayCount) days; at most \(ScenarioLimits.horizonDays.upperBound) (3 years) are supported")
        }
        let earliest = given.horizon.first.adding(days: 7 * settings.leadWeeks)
        guard earliest <= through else {
            throw WhatIfError("\(term: .leadTime) \(settings.leadWeeks) weeks is longer than the horizon (\(given.horizon.first) to \(through)): no hire could start in it")
        }
        var starts: [CivilDate] = []
        var month = CivilDate(year: earliest.year, month: earliest.month, day: 1)!
        if month < earliest { month = Self.nextMonth(month) }
        while month <= through {
            starts.append(month)
            month = Self.nextMonth(month)
        }
        guard !starts.isEmpty else {
            throw WhatIfError("\(term: .leadTime) \(settings.leadWeeks) weeks leaves no first of a month from \(earliest) to \(through) for a hire to start on")
        }
        let groups = Set(given.team.map(\.group))
        for (group, name) in settings.like.sorted(by: { $0.key < $1.key }) {
            guard groups.contains(group) else {
                throw WhatIfError("\(term: .hireLike) \(group)=\(name): the scenario has no group \"\(group)\" (groups: \(groups.sorted().joined(separator: ", ")))")
            }
            guard given.team.contains(where: { $0.name == name }) else {
                throw WhatIfError("\(term: .hireLike) \(group)=\(name): the scenario's team has no SE named \"\(name)\"")
            }
        }
        self.scenario = scenario
        self.settings = settings
        self.candidates = Set(given.team.map(\.group)).sorted().flatMap { group in starts.map { Candidate(group: group, start: $0) } }
        let model = try SimulationModel(scenario)
        self.baseModel = model
        self.checks = model.checks
        self.windowNames = model.windows.map(\.name)
    }

    static func nextMonth(_ date: CivilDate) -> CivilDate {
        date.month == 12 ? CivilDate(year: date.year + 1, month: 1, day: 1)! : CivilDate(year: date.year, month: date.month + 1, day: 1)!
    }

    /// The date the requisition of a hire starting on `start` must be open by.
    public func openBy(_ start: CivilDate) -> CivilDate { start.adding(days: -7 * settings.leadWeeks) }

    /// SE-months a hire starting on `start` is paid for up to the horizon's end.
    public func months(from start: CivilDate) -> Double { Double(start.days(to: scenario.horizon.last) + 1) / Self.daysPerMonth }

    public func unitCost(_ candidate: Int) -> Double { months(from: candidates[candidate].start) * settings.costPerMonth }
    public func cost(_ counts: [Int]) -> Double { counts.indices.reduce(0) { $0 + Double(counts[$1]) * unitCost($1) } }

    /// The scenario with `counts[i]` hires of candidate i.
    public func scenario(with counts: [Int]) -> Scenario {
        var hired = scenario
        hired.team += hires(counts)
        return hired
    }

    /// How reports name hire `slot` (1-based) of candidate i.
    public func engineerName(candidate i: Int, slot: Int) -> String {
        "hire \(candidates[i].group) \(candidates[i].start) \(slot)"
    }

    /// What a hire of `group` is like: the public holidays, working weekdays and capacity of the SE
    /// `settings.like` names for the group; without one, the group's first SE's holidays and
    /// weekdays at capacity 1. Only a hire whose calendar differs from the group's can work a day the
    /// whole group has off (a bank holiday every SE of the group shares).
    public func template(for group: String) -> SupportEngineer {
        let named = settings.like[group].flatMap { name in scenario.team.first { $0.name == name } }
        let like = named ?? scenario.team.first { $0.group == group }!
        return SupportEngineer(
            name: "hire \(group)", group: group, holidays: like.holidays, workingWeekdays: like.workingWeekdays, capacity: named?.capacity ?? 1)
    }

    /// Every candidate's `maxPerMonth` SEs, made like `template(for:)` their group: the first
    /// `counts[i]` join on the candidate's date, the others the day after the horizon.
    func hires(_ counts: [Int]) -> [SupportEngineer] {
        let never = scenario.horizon.last.adding(days: 1)
        return candidates.indices.flatMap { i in
            let template = template(for: candidates[i].group)
            return (0..<settings.maxPerMonth).map { slot in
                var hire = template
                hire.name = engineerName(candidate: i, slot: slot + 1)
                hire.joins = slot < counts[i] ? candidates[i].start : never
                hire.ramp = settings.ramp
                return hire
            }
        }
    }
}
