import Foundation
import Calendars
import CapacityPolicy
import Scenarios

/// A plain, slow transcription of the planning model (docs/MODEL.md §2–6), read from the `Scenario`
/// itself, against which the trial kernel is tested for statistical equivalence.
///
/// The kernel works on `SimulationModel`'s precomputed arrays and draws in equivalent but
/// different form (waiting times instead of daily Bernoulli trials, Poisson thinning instead of
/// binomial splits, its own Poisson samplers, the compiled policy). The twin shares none of that:
/// only "who is scheduled on date d" comes from the Calendars module (tested against
/// python-holidays on its own); shift shares, arrival shares, factors, effects and levels are
/// worked out here from the scenario's numbers, and every variate is drawn as the model states it.
struct KernelTwin {
    let scenario: Scenario
    /// The policy's explained evaluator, the one that states its reasons (not the compiled one).
    let policy: EffectiveTable
    /// The day, from the day before's last check to its own, cut at every check time and at every
    /// group's shift start and end: segment s runs from `start` to `end`, in minutes after that
    /// day's 00:00 UTC (the first starts at a negative minute); `check` is the index (in order of
    /// check time) of the window whose check happens at its end, if one does; `window` the window
    /// it lies in; `worked` whether any group's shift overlaps it.
    let segments: [(start: Int, end: Int, check: Int?, window: Int, worked: Bool)]
    /// The simulated dates: the warm-up, then the horizon.
    let dates: [CivilDate]
    /// `scheduled[se][d + 1]`: whether the SE is scheduled on simulated day d, from day -1 (whose
    /// shift may run into the first day) on.
    let scheduled: [[Bool]]
    /// Index into `scenario.groups` of each SE's group.
    let groupOfEngineer: [Int]
    /// For each policy input: the index of the group it counts, or nil for the open cases.
    let inputGroups: [Int?]
    /// `shiftShares[g][offset][s]`: share of group g's shift, worked on day d − offset, that falls
    /// in segment s of day d.
    let shiftShares: [[[Double]]]
    /// λ_d of docs/MODEL.md §4 before the demand shock: base × weekday factor × holiday factor ×
    /// trend × month factor × period factors.
    let expectedCases: [Double]
    let arrivalShares: [Double]
    let isCheckDay: [Bool]
    /// Effects in force at each 0-based level, those of levels 1…k combined.
    let effects: [Scenario.LevelEffect]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        policy = EffectiveTable(scenario.policy)

        let checkMinutes = scenario.windows.map(\.checkMinute).sorted()
        let dayStart = checkMinutes.last! - 1440
        // A cut at minute m of any day falls in this day at the one of m, m ± 1440 that lies in (dayStart, dayStart + 1440].
        var ends: [Int] = []
        for minute in checkMinutes + scenario.groups.flatMap({ [$0.shiftStart, $0.shiftEnd] }) {
            for moved in [minute - 1440, minute, minute + 1440, minute - 2880] where moved > dayStart && moved <= dayStart + 1440 && !ends.contains(moved) {
                ends.append(moved)
            }
        }
        ends.sort()
        let groups = scenario.groups
        func covered(_ start: Int, _ end: Int) -> Bool {
            // A shift worked on the segment's day or one of the two before (minutes moved into the segment's day).
            groups.contains { group in (0...2).contains { offset in
                min(end, group.shiftEnd - offset * 1440) > max(start, group.shiftStart - offset * 1440)
            } }
        }
        let anyCovered = ends.indices.contains { covered($0 == 0 ? dayStart : ends[$0 - 1], ends[$0]) }
        segments = ends.indices.map { s in
            let start = s == 0 ? dayStart : ends[s - 1]
            return (start: start, end: ends[s], check: checkMinutes.firstIndex(of: ends[s]),
                    window: checkMinutes.firstIndex { $0 >= ends[s] }!, worked: !anyCovered || covered(start, ends[s]))
        }

        let first = scenario.horizon.first.adding(days: -scenario.warmupDays)
        let dayCount = scenario.warmupDays + scenario.horizon.dayCount
        dates = (0..<dayCount).map { first.adding(days: $0) }
        scheduled = scenario.team.map { se in
            (-1..<dayCount).map { se.availability(on: first.adding(days: $0), company: scenario.company).isScheduled }
        }
        groupOfEngineer = scenario.team.map { se in scenario.groups.firstIndex { $0.name == se.group }! }
        inputGroups = scenario.policy.inputs.map { input in
            input.kind == .cases ? nil : scenario.groups.firstIndex { $0.name == input.name }!
        }

        let segments = self.segments
        shiftShares = scenario.groups.map { group in
            (0...2).map { offset in
                segments.map { segment in
                    // Minutes after 00:00 UTC of the day the shift is worked.
                    let start = offset * 1440 + segment.start, end = offset * 1440 + segment.end
                    let overlap = max(0, min(end, group.shiftEnd) - max(start, group.shiftStart))
                    return Double(overlap) / Double(group.shiftEnd - group.shiftStart)
                }
            }
        }

        let inflow = scenario.inflow
        expectedCases = dates.map { date in
            let isHoliday = inflow.holidayCalendars.contains { $0.holiday(on: date) != nil }
            // Trend (1 + g)^(years since the reference), the month's factor, and every period covering the date.
            let trend = inflow.trend.map { pow(1 + $0.perYear, Double(date.dayNumber - $0.reference.dayNumber) / 365.25) } ?? 1
            let periods = inflow.periods.filter { $0.dates.first <= date && date <= $0.dates.last }.map(\.factor).reduce(1, *)
            return inflow.basePerDay * (inflow.weekdayFactors[date.weekday] ?? 1) * (isHoliday ? inflow.holidayFactor : 1)
                * trend * (inflow.monthFactors[date.month] ?? 1) * periods
        }
        // A window's share (by default its hours) split between its segments by their hours.
        let windowMinutes = checkMinutes.indices.map { w in Double(checkMinutes[w] - (w == 0 ? dayStart : checkMinutes[w - 1])) }
        let windowShares = inflow.arrivalShares ?? windowMinutes.map { $0 / 1440 }
        arrivalShares = segments.map { windowShares[$0.window] * Double($0.end - $0.start) / windowMinutes[$0.window] }
        isCheckDay = dates.map { scenario.checkDays.contains($0.weekday) && scenario.company.closure(on: $0) == nil }

        effects = scenario.policy.levels.indices.map { level in
            var combined = Scenario.LevelEffect()
            var kept = 1.0
            for effect in (1...(level + 1)).compactMap({ scenario.effects[$0] }) {
                combined.capacityMultiplier *= effect.capacityMultiplier
                combined.extraResolutionsPerDay += effect.extraResolutionsPerDay
                kept *= 1 - effect.divertedShare
            }
            combined.divertedShare = 1 - kept
            return combined
        }
    }

    /// The reported checks in time order: (simulated day, window whose check it is).
    var reportedChecks: [(day: Int, window: Int)] {
        (scenario.warmupDays..<dates.count).filter { isCheckDay[$0] }.flatMap { d in segments.compactMap { $0.check }.map { (day: d, window: $0) } }
    }

    /// The share of a day's extra resolutions that segment s resolves: its part of the hours of the
    /// segments someone works.
    func extraShare(ofSegment s: Int) -> Double {
        guard segments[s].worked else { return 0 }
        return Double(segments[s].end - segments[s].start) / Double(segments.filter(\.worked).map { $0.end - $0.start }.reduce(0, +))
    }
}
