import Calendars
import CapacityPolicy
import Scenarios
import Simulation
import WhatIf

/// What a cover is chosen from and how it enters the model: the candidates (one option on one
/// day), and for every option `maxPerDay` cover SEs appended to the team.
///
/// Every candidate cover is simulated with all these SEs in the team, those not bought that day
/// off: the team's SEs keep their draws, and each cover SE keeps its own whatever else is bought,
/// so every candidate meets the same random numbers (docs/MODEL.md §7) and their risks differ only
/// by what they buy. Cover SE j of an option works the days the cover buys j or more of it.
public struct CoverProblem: Sendable {
    public let scenario: Scenario
    public let pool: CoverPool
    /// Every day an option can be bought on: in its dates, not a company closure, and for a named
    /// SE a day they are not scheduled. Ordered by option, then date.
    public let candidates: [Candidate]
    /// The reported checks, in time order, as the model lists them.
    public let checks: [SimulationModel.Check]
    public let windowNames: [String]
    /// The scenario without cover, whose compiled policy every cover's model shares
    /// (`SimulationModel(_:sharingPolicyWith:)`): compiling it took a third of each cover's time.
    public let baseModel: SimulationModel

    public struct Candidate: Sendable, Hashable {
        /// Index into `pool.options`.
        public let option: Int
        public let date: CivilDate
    }

    public init(scenario: Scenario, pool: CoverPool) throws {
        self.scenario = scenario
        self.pool = pool
        let model = try SimulationModel(scenario)
        self.baseModel = model
        self.checks = model.checks
        self.windowNames = model.windows.map(\.name)
        let closed = Set(model.firstDate.dayNumber..<(model.firstDate.dayNumber + model.dayCount)).filter {
            scenario.company.closure(on: CivilDate(dayNumber: $0)) != nil
        }
        var candidates: [Candidate] = []
        for (o, option) in pool.options.enumerated() {
            let named = option.name.flatMap { name in scenario.team.first { $0.name == name } }
            for date in option.dates.days where !closed.contains(date.dayNumber) {
                if let named, named.availability(on: date, company: scenario.company).isScheduled { continue }
                candidates.append(Candidate(option: o, date: date))
            }
        }
        self.candidates = candidates
    }

    public func cost(_ counts: [Int]) -> Double {
        zip(candidates, counts).reduce(0) { $0 + Double($1.1) * pool.options[$1.0.option].costPerDay }
    }

    public func unitCost(_ candidate: Int) -> Double { pool.options[candidates[candidate].option].costPerDay }
    public func room(_ candidate: Int) -> Int { pool.options[candidates[candidate].option].maxPerDay }

    /// How reports and the written scenario name cover SE `slot` (1-based) of option `o`.
    public func engineerName(option o: Int, slot: Int) -> String {
        let option = pool.options[o]
        if let name = option.name { return "\(name) (cover \(option.option))" }
        return "\(option.option) \(slot)"
    }

    /// The scenario with the cover bought: `counts[i]` SEs of candidate i.
    public func scenario(with counts: [Int]) -> Scenario {
        var covered = scenario
        covered.team += coverEngineers(counts)
        return covered
    }

    /// The appended SEs, option by option, slot by slot: each works the days its slot is bought,
    /// whatever their weekdays or holidays (a rota date), and is off every other simulated day.
    public func coverEngineers(_ counts: [Int]) -> [SupportEngineer] {
        var working = [[Set<CivilDate>]](repeating: [], count: pool.options.count)
        for (o, option) in pool.options.enumerated() { working[o] = Array(repeating: [], count: option.maxPerDay) }
        for (i, candidate) in candidates.enumerated() where counts[i] > 0 {
            for slot in 0..<counts[i] { working[candidate.option][slot].insert(candidate.date) }
        }
        let simulated = DateRange(scenario.simulationStart.adding(days: -1)...scenario.horizon.last)
        var engineers: [SupportEngineer] = []
        for (o, option) in pool.options.enumerated() {
            let named = option.name.flatMap { name in scenario.team.first { $0.name == name } }
            let like = named ?? scenario.team.first { $0.group == option.group } ?? scenario.team[0]
            for slot in 0..<option.maxPerDay {
                engineers.append(SupportEngineer(
                    name: engineerName(option: o, slot: slot + 1), group: option.group, holidays: like.holidays,
                    workingWeekdays: Set(Weekday.allCases), capacity: named?.capacity ?? 1,
                    timeOff: Self.complement(of: working[o][slot], in: simulated), rota: working[o][slot], fallsSick: option.fallsSick))
            }
        }
        return engineers
    }

    /// The days of `range` not in `days`, as ranges.
    static func complement(of days: Set<CivilDate>, in range: DateRange) -> [DateRange] {
        let all = range.days
        return all.runs { !days.contains($0) }.map { DateRange(all[$0.lowerBound]...all[$0.upperBound]) }
    }
}
