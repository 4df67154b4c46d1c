import CGSL
import Calendars
import Foundation
import Scenarios

/// The parameters a synthetic history is drawn from, in the scenario's meaning (docs/MODEL.md §3–5).
struct HistoryTruth {
    var basePerDay = 20.0
    /// Averaging 1 over the week, as the calibration normalises them.
    var weekdayFactors: [Weekday: Double] = [.monday: 1.3, .tuesday: 1.2, .wednesday: 1.1, .thursday: 1.1, .friday: 1.0, .saturday: 0.7, .sunday: 0.6]
    var holidayFactor = 0.5
    var demandCV = 0.1
    /// Negative binomial k; nil for Poisson days.
    var dispersion: Double?
    /// Segment A (17:30 the day before to 10:00, window EMEA), then B (to 17:30, window Americas).
    var shares = [0.6, 0.4]
    var resolvePerShift = 2.6
    var sickDaysPerYear = 12.0
    var meanSpellDays = 3.0
    var initialBacklog = 40

    /// The truth of each fitted key, by JSON path.
    var byPointer: [String: Double] {
        var truth = [
            "/inflow/base_per_day": basePerDay, "/inflow/holiday_factor": holidayFactor, "/inflow/demand_cv": demandCV,
            "/inflow/arrival_shares/EMEA": shares[0], "/inflow/arrival_shares/Americas": shares[1],
            "/resolve_per_shift": resolvePerShift,
            "/sickness/sick_days_per_year": sickDaysPerYear, "/sickness/mean_spell_days": meanSpellDays,
        ]
        for (day, factor) in weekdayFactors { truth["/inflow/weekday_factors/\(day.abbreviation)"] = factor }
        if let dispersion { truth["/inflow/dispersion"] = dispersion }
        return truth
    }
}

/// A ticket history drawn from known parameters by its own first-in-first-out queue, independent of
/// the Monte Carlo kernel: demand shocks per 4-week period, Poisson (or Gamma–Poisson) days split between the segments
/// binomially, creation times uniform within a segment; each working SE (scheduled by the team
/// scenario, not in a sickness spell) serves Poisson(resolve_per_shift × capacity) cases at uniform
/// times over their shift, each service taking the oldest open case, or nothing when none is open.
enum QueueHistory {
    static let teamJSON = """
        {
          "name": "history-team",
          "horizon": { "start": "2026-07-01", "end": "2026-07-31" },
          "team": [
            { "name": "gb-1", "group": "emea", "country": "GB" },
            { "name": "gb-2", "group": "emea", "country": "GB" },
            { "name": "gb-3", "group": "emea", "country": "GB" },
            { "name": "gb-4", "group": "emea", "country": "GB" },
            { "name": "us-1", "group": "us", "country": "US" },
            { "name": "us-2", "group": "us", "country": "US" },
            { "name": "us-3", "group": "us", "country": "US" },
            { "name": "us-4", "group": "us", "country": "US" },
            { "name": "us-5", "group": "us", "country": "US" },
            { "name": "us-6", "group": "us", "country": "US" }
          ],
          "sickness": { "sick_days_per_year": 6, "mean_spell_days": 2 },
          "inflow": { "base_per_day": 10, "holiday_calendars": ["US"] },
          "resolve_per_shift": 3,
          "initial_open_cases": 0,
          "policy": "built-in"
        }
        """

    static func teamScenario() throws -> Scenario {
        try Scenario.load(text: teamJSON, path: "team.json") { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: $0]) }.scenario
    }

    /// Writes `tickets.csv` and `absences.csv` into `folder`.
    static func write(_ truth: HistoryTruth, scenario: Scenario, days: DateRange, seed: UInt, to folder: URL) throws {
        let rng = gsl_rng_alloc(cgsl_rng_mt19937())!
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, seed)
        let n = days.dayCount
        let date = { (d: Int) in days.first.adding(days: d) }

        // Sickness spells per SE, day by day (p0 = sick days / 365 / mean spell days).
        let p0 = truth.sickDaysPerYear / 365 / truth.meanSpellDays
        var sick = [[Bool]](repeating: [Bool](repeating: false, count: n), count: scenario.team.count)
        var absences = "name,start,end,type\n"
        for (i, se) in scenario.team.enumerated() {
            var d = 0
            while d < n {
                if gsl_rng_uniform(rng) < p0 {
                    let length = Int(gsl_ran_geometric(rng, 1 / truth.meanSpellDays))
                    let last = min(n - 1, d + length - 1)
                    for day in d...last { sick[i][day] = true }
                    absences += "\(se.name),\(date(d)),\(date(last)),sick\n"
                    d += length
                } else {
                    d += 1
                }
            }
        }

        // Arrivals, as seconds since 1970 UTC. Day d runs from 17:30 on d − 1 to 17:30 on d.
        let dayStart = { (d: Int) in Double((days.first.dayNumber + d - 1) * 86_400 + (17 * 60 + 30) * 60) }
        let segments = [(0.0, 16.5 * 3600), (16.5 * 3600, 24.0 * 3600)]
        let periods = max(1, n / 28)
        let shapeCV = truth.demandCV
        let shocks = (0..<periods).map { _ in gsl_ran_gamma(rng, 1 / (shapeCV * shapeCV), shapeCV * shapeCV) }
        let holidays = scenario.inflow.holidayCalendars
        var arrivals: [Double] = (0..<truth.initialBacklog).map { _ in dayStart(0) - 86_400 * gsl_rng_uniform(rng) }
        for d in 0..<n {
            var mean = truth.basePerDay * truth.weekdayFactors[date(d).weekday]! * shocks[min(d / 28, periods - 1)]
            if holidays.contains(where: { $0.holiday(on: date(d)) != nil }) { mean *= truth.holidayFactor }
            if let k = truth.dispersion { mean *= gsl_ran_gamma(rng, k, 1 / k) }
            let count = Int(gsl_ran_poisson(rng, mean))
            let first = Int(gsl_ran_binomial(rng, truth.shares[0], UInt32(count)))
            for k in 0..<count {
                let (lo, hi) = segments[k < first ? 0 : 1]
                arrivals.append(dayStart(d) + lo + (hi - lo) * gsl_rng_uniform(rng))
            }
        }
        arrivals.sort()

        // Services: each working SE's shift (the group's, in UTC minutes of the day), Poisson count.
        let schedule = TeamSchedule(engineers: scenario.team, company: scenario.company, dates: DateRange(date(-2)...date(n - 1)))
        var services: [Double] = []
        for (i, se) in scenario.team.enumerated() {
            let group = scenario.groups.first { $0.name == se.group }!
            for d in -2..<n where schedule.isScheduled(i, on: date(d)) && !(d >= 0 && sick[i][d]) {
                let start = Double((days.first.dayNumber + d) * 86_400 + group.shiftStart * 60)
                let length = Double((group.shiftEnd - group.shiftStart) * 60)
                let count = gsl_ran_poisson(rng, truth.resolvePerShift * se.capacity)
                for _ in 0..<count { services.append(start + length * gsl_rng_uniform(rng)) }
            }
        }
        services.sort()

        // First in, first out.
        var solvedAt = [Double?](repeating: nil, count: arrivals.count)
        var next = 0, head = 0
        for t in services {
            while next < arrivals.count && arrivals[next] <= t { next += 1 }
            if head < next {
                solvedAt[head] = t
                head += 1
            }
        }
        var tickets = "id,created_at,solved_at,queue\n"
        for (i, created) in arrivals.enumerated() {
            tickets += "\(i),\(iso(created)),\(solvedAt[i].map(iso) ?? ""),support\n"
        }
        try tickets.write(to: folder.appendingPathComponent("tickets.csv"), atomically: true, encoding: .utf8)
        try absences.write(to: folder.appendingPathComponent("absences.csv"), atomically: true, encoding: .utf8)
    }

    static func iso(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        let day = CivilDate(dayNumber: s >= 0 ? s / 86_400 : (s - 86_399) / 86_400)
        let t = s - day.dayNumber * 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(t / 3600)):\(two(t / 60 % 60)):\(two(t % 60))Z"
    }
}
