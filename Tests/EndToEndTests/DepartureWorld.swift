import Foundation

/// A helpdesk drawn by its own code, independently of the simulation kernel, in which one thing
/// departs from a stationary world (issue 20): demand that grows, a seasonal month, an SE who
/// joins, or leave booked ahead. It writes what a team would hand `plan`: the helpdesk and HR
/// exports as they stand on `to` (tickets CSV, absences CSV with each leave's booking date), the
/// team scenario, and the checks declared after `to`, each with its level left for the policy.
///
/// The world, day by day (a day's tickets arrive from 17:30 UTC the day before, as the checks cut
/// days): Poisson arrivals with mean base × weekday factor × (1 + trend)^(years from `to`) × month
/// factor × a Gamma demand shock per 4-week period, split 60/40 between the segments before and
/// after the 10:00 check, at uniform times within each; sickness spells per SE (a start with a
/// fixed probability on a day outside a spell, 1 + geometric days); leave spells per SE (a start
/// with a fixed probability on a day outside leave or sickness, a fixed length), each booked a
/// lead time before it starts (a fixed minimum plus a geometric number of days). An SE is
/// scheduled Monday to Friday outside their country's public holidays and from their `joins`
/// date; a scheduled SE outside sickness and leave works, serving Poisson(resolve_per_shift)
/// cases at uniform times over their group's shift, each the oldest open case (none when nothing
/// is open). At 10:00 and 17:30 UTC on every weekday the check observes each group's working SEs
/// and the cases open at that instant.
struct DepartureWorld {
    struct Member {
        var name: String
        /// "emea" (GB holidays, shift 09:00–16:00) or "us" (US holidays, shift 14:00–01:00).
        var group: String
        var joins: Int?
    }

    var name: String
    var first: Int
    var to: Int
    /// The horizon, whole ISO weeks from the day after `to`.
    var horizonEnd: Int
    var team: [Member]
    var basePerDay: Double
    /// Per year, log-linear, with `basePerDay` the rate on `to`.
    var trendPerYear = 0.0
    var monthFactors: [Int: Double] = [:]
    var demandCV = 0.05
    /// Monday … Sunday, averaging 1.
    var weekdayFactors = [1.2, 1.15, 1.1, 1.05, 1.0, 0.75, 0.75]
    var resolvePerShift: Double
    var sickDaysPerYear = 8.0
    var meanSpellDays = 2.5
    var leaveSpellsPerYear = 4.0
    var leaveSpellDays = 5
    var minimumLeadDays = 200
    var meanExtraLeadDays = 20.0
    var seed: UInt64 = 1
    /// Serve as the model does rather than as a queue does: a service may take a case that arrives
    /// later in the same segment, the day cut at the checks and at the shifts' starts and ends
    /// (docs/MODEL.md §5). Off, the world is a queue in time: a case that arrives at 15:00 waits
    /// for the service after it.
    var pooledSegments = false

    /// Days since 1970-01-01 from a YYYY-MM-DD date.
    static func day(_ text: String) -> Int {
        let parts = text.split(separator: "-").map { Int($0)! }
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day) of a day number.
    static func civil(_ n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func text(_ n: Int) -> String {
        let (y, m, d) = civil(n)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    static func weekday(_ n: Int) -> Int { ((n + 3) % 7 + 7) % 7 }

    static func timestamp(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        let day = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let t = s - day * 86_400
        return "\(text(day))T" + String(format: "%02d:%02d:%02dZ", t / 3600, t / 60 % 60, t % 60)
    }

    /// Writes team.json, tickets.csv, absences.csv and declared.csv into `folder`. `holidays`
    /// holds the public holidays of GB (for "emea") and US (for "us") as day numbers.
    func write(to folder: URL, holidays: [String: Set<Int>]) throws {
        var random = WorldRandom(seed: seed)
        // Four weeks before `first` so that the backlog has its own level when the export starts.
        let start = first - 28, end = horizonEnd
        let n = end - start + 1
        let country = ["emea": "GB", "us": "US"]

        // Sickness and leave, day by day per SE.
        enum Absence { case none, sick, leave }
        var absent = [[Absence]](repeating: [Absence](repeating: .none, count: n), count: team.count)
        var absenceRows: [(name: String, first: Int, last: Int, type: String, requested: Int)] = []
        let p0 = sickDaysPerYear / 365 / meanSpellDays, leaveStart = leaveSpellsPerYear / 365
        for (i, member) in team.enumerated() {
            var d = 0
            while d < n {
                if random.uniform() < p0 {
                    let length = random.spellLength(mean: meanSpellDays)
                    let last = min(n - 1, d + length - 1)
                    for day in d...last { absent[i][day] = .sick }
                    absenceRows.append((member.name, start + d, start + last, "sick", start + d))
                    d += length
                } else if random.uniform() < leaveStart {
                    let last = min(n - 1, d + leaveSpellDays - 1)
                    for day in d...last { absent[i][day] = .leave }
                    let lead = minimumLeadDays + random.spellLength(mean: meanExtraLeadDays + 1) - 1
                    absenceRows.append((member.name, start + d, start + last, "vacation", start + d - lead))
                    d += leaveSpellDays
                } else {
                    d += 1
                }
            }
        }
        func scheduled(_ i: Int, _ day: Int) -> Bool {
            let member = team[i]
            return Self.weekday(day) < 5 && !(holidays[country[member.group]!]?.contains(day) ?? false) && day >= (member.joins ?? Int.min)
        }
        func working(_ i: Int, _ day: Int) -> Bool { day >= start && day <= end && scheduled(i, day) && absent[i][day - start] == .none }

        // Arrivals, in seconds since 1970; day d runs from 17:30 on d − 1 to 17:30 on d.
        let shocks = (0...(n / 28)).map { _ in random.demandShock(cv: demandCV) }
        let dayStart = { (d: Int) in Double((d - 1) * 86_400 + (17 * 60 + 30) * 60) }
        var arrivals: [Double] = []
        for d in start...end {
            let years = Double(d - to) / 365.25
            let mean = basePerDay * weekdayFactors[Self.weekday(d)] * pow(1 + trendPerYear, years)
                * (monthFactors[Self.civil(d).month] ?? 1) * shocks[(d - start) / 28]
            let count = random.poisson(mean)
            for _ in 0..<count {
                // 60% in the 16.5 hours before the 10:00 check, 40% in the 7.5 hours after it.
                let (lo, length) = random.uniform() < 0.6 ? (0.0, 16.5 * 3600) : (16.5 * 3600, 7.5 * 3600)
                arrivals.append(dayStart(d) + lo + length * random.uniform())
            }
        }
        arrivals.sort()

        // Services over each working SE's shift, first in first out.
        let shifts = ["emea": (9 * 3600, 7 * 3600), "us": (14 * 3600, 11 * 3600)]
        var services: [Double] = []
        for (i, member) in team.enumerated() {
            let (offset, length) = shifts[member.group]!
            for d in start...end where working(i, d) {
                for _ in 0..<random.poisson(resolvePerShift) {
                    services.append(Double(d * 86_400 + offset) + Double(length) * random.uniform())
                }
            }
        }
        services.sort()
        var solvedAt = [Double?](repeating: nil, count: arrivals.count)
        var solveTimes: [Double] = []
        var arrived = 0, head = 0
        for t in services {
            // The model's discipline: a service reaches any case that arrives before its segment's
            // end (01:00, 09:00, 10:00, 14:00, 16:00, 17:30: the checks and the shifts' starts and
            // ends), as if the segment's capacity were spent at its end.
            var reach = t
            if pooledSegments {
                let midnight = (t / 86_400).rounded(.down) * 86_400, since = t - midnight
                let end = [3_600.0, 32_400, 36_000, 50_400, 57_600, 63_000].first { since < $0 }
                reach = end.map { midnight + $0 } ?? midnight + 86_400 + 3_600
            }
            while arrived < arrivals.count && arrivals[arrived] <= reach { arrived += 1 }
            if head < arrived {
                let solved = max(t, arrivals[head])
                solvedAt[head] = solved
                solveTimes.append(solved)
                head += 1
            }
        }

        // The exports as they stand at the end of `to`.
        let exportedAt = Double((to + 1) * 86_400)
        var tickets = "id,created_at,solved_at\n"
        for (i, created) in arrivals.enumerated() where created < exportedAt {
            let solved = solvedAt[i].flatMap { $0 < exportedAt ? $0 : nil }
            tickets += "\(i + 1),\(Self.timestamp(created)),\(solved.map(Self.timestamp) ?? "")\n"
        }
        var absences = "name,start,end,type,requested\n"
        // Sickness known so far (a spell under way ends on `to` as far as HR knows), leave booked so far.
        for row in absenceRows where row.last >= first && row.requested <= to {
            let last = row.type == "sick" ? min(row.last, to) : row.last
            absences += "\(row.name),\(Self.text(row.first)),\(Self.text(last)),\(row.type),\(Self.text(row.requested))\n"
        }

        // The checks after `to`.
        func upperBound(_ values: [Double], _ t: Double) -> Int {
            var lo = 0, hi = values.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[mid] <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        var declared = "date,window,emea,us,open_cases\n"
        for d in (to + 1)...end where Self.weekday(d) < 5 {
            for (window, time) in [("EMEA", 10 * 3600), ("Americas", 17 * 3600 + 1800)] {
                let t = Double(d * 86_400 + time)
                let open = upperBound(arrivals, t) - upperBound(solveTimes, t)
                let emea = team.indices.filter { team[$0].group == "emea" && working($0, d) }.count
                let us = team.indices.filter { team[$0].group == "us" && working($0, d) }.count
                declared += "\(Self.text(d)),\(window),\(emea),\(us),\(open)\n"
            }
        }

        try teamJSON.write(to: folder.appendingPathComponent("team.json"), atomically: true, encoding: .utf8)
        try tickets.write(to: folder.appendingPathComponent("tickets.csv"), atomically: true, encoding: .utf8)
        try absences.write(to: folder.appendingPathComponent("absences.csv"), atomically: true, encoding: .utf8)
        try declared.write(to: folder.appendingPathComponent("declared.csv"), atomically: true, encoding: .utf8)
    }

    /// The team scenario a team would write: who works where and from when; the inflow, resolution
    /// and sickness values are placeholders for `plan calibrate` to replace.
    var teamJSON: String {
        let members = team.map { member in
            "    { \"name\": \"\(member.name)\", \"group\": \"\(member.group)\", \"country\": \"\(member.group == "emea" ? "GB" : "US")\""
                + (member.joins.map { ", \"joins\": \"\(Self.text($0))\"" } ?? "") + " }"
        }.joined(separator: ",\n")
        return """
            {
              "name": "\(name)",
              "horizon": { "start": "\(Self.text(to + 1))", "end": "\(Self.text(horizonEnd))" },
              "windows": [
                { "name": "EMEA", "check": "10:00", "coverage": "09:00-16:00" },
                { "name": "Americas", "check": "17:30", "coverage": "14:00-01:00" }
              ],
              "groups": [
                { "name": "emea", "shift": "09:00-16:00" },
                { "name": "us", "shift": "14:00-01:00" }
              ],
              "team": [
            \(members)
              ],
              "sickness": { "sick_days_per_year": 6, "mean_spell_days": 2 },
              "inflow": { "base_per_day": 30 },
              "resolve_per_shift": 5,
              "initial_open_cases": 40,
              "policy": "built-in"
            }

            """
    }
}
