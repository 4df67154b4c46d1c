import CapacityPolicy
import CGSL
import Scenarios

extension KernelTwin {
    /// What one trial saw at each reported check, in time order.
    struct CheckOutcome {
        /// 0-based level.
        let level: Int
        let open: Int
    }

    /// Runs one trial of docs/MODEL.md §3–6, drawing every variate from `rng` as the model states it.
    ///
    /// `levels` remembers the explained evaluator's verdicts across trials: a check's inputs recur,
    /// and the evaluator, which keeps every reason, is slow.
    func runTrial(_ rng: UnsafeMutablePointer<gsl_rng>, levels: inout [Observation: Int]) -> [CheckOutcome] {
        let days = dates.count

        // §3: each day an SE not in a spell starts one with probability p0 × S; it lasts 1 + G days.
        // gsl_ran_geometric counts the trials up to the first success, so it is 1 + G already.
        let sickness = scenario.sickness
        let severity = sickness.severityCV > 0 ? gamma(meanOneWithCV: sickness.severityCV, rng) : 1
        let p = min(1, sickness.dailyStartProbability * severity)
        var sick = [[Bool]](repeating: [Bool](repeating: false, count: days), count: scenario.team.count)
        for se in scenario.team.indices {
            var daysLeftInSpell = 0
            for d in 0..<days {
                // An SE out until further notice is in a spell of the usual length on the horizon's first day.
                if d == scenario.warmupDays && scenario.sickAtStart.contains(se) && daysLeftInSpell == 0 {
                    daysLeftInSpell = Int(gsl_ran_geometric(rng, 1 / sickness.meanSpellDays))
                }
                if daysLeftInSpell == 0 && gsl_ran_bernoulli(rng, p) == 1 {
                    daysLeftInSpell = Int(gsl_ran_geometric(rng, 1 / sickness.meanSpellDays))
                }
                // An SE who cannot fall sick draws the same and ignores their spells.
                if daysLeftInSpell > 0 {
                    sick[se][d] = scenario.team[se].fallsSick
                    daysLeftInSpell -= 1
                }
            }
        }
        let onLeave = unbookedLeave(rng)
        // §2: attrition. From their clock's start (the horizon's first day, or their first day if
        // later), an SE still on the team resigns each day with probability 1 − (1 − r)^(1/365),
        // works that day and the notice days, and is gone from the day after.
        let firstDate = dates[0]
        func daysSinceJoining(_ se: Int, _ d: Int) -> Int { scenario.team[se].joins.map { d - firstDate.days(to: $0) } ?? Int.max }
        var gone = [Int](repeating: Int.max, count: scenario.team.count)
        for (se, engineer) in scenario.team.enumerated() {
            guard let attrition = scenario.attrition(ofGroup: engineer.group) else { continue }
            let q = 1 - pow(1 - attrition.ratePerYear, 1.0 / 365)
            let clock = max(scenario.warmupDays, engineer.joins.map { firstDate.days(to: $0) } ?? 0)
            for d in clock..<max(clock, days) where gsl_ran_bernoulli(rng, q) == 1 {
                gone[se] = d + 1 + attrition.noticeDays
                break
            }
        }
        // Who works: scheduled, not on unbooked leave, not sick and not gone. Day -1 has none of these: its SEs count as scheduled (docs/MODEL.md §1).
        // A ramping hire brings the ramp's share of their capacity and, if the ramp says so, counts only once it is over.
        // `headcount[g][d + 1]` and `capacity[g][d + 1]` (summed capacity factors) per group and day.
        var headcount = [[Int]](repeating: [Int](repeating: 0, count: days + 1), count: scenario.groups.count)
        var capacity = [[Double]](repeating: [Double](repeating: 0, count: days + 1), count: scenario.groups.count)
        for (se, engineer) in scenario.team.enumerated() {
            for d in -1..<days where scheduled[se][d + 1] && (d < 0 || (!(sick[se][d] || onLeave[se][d]) && d < gone[se])) {
                if engineer.ramp?.counts(daysSinceJoining: daysSinceJoining(se, d)) ?? true { headcount[groupOfEngineer[se]][d + 1] += 1 }
                capacity[groupOfEngineer[se]][d + 1] += engineer.capacity * (engineer.ramp?.fraction(daysSinceJoining: daysSinceJoining(se, d)) ?? 1)
            }
        }

        // §4–5: the trial's demand shock and the starting backlog.
        let inflow = scenario.inflow
        let demand = inflow.demandCV > 0 ? gamma(meanOneWithCV: inflow.demandCV, rng) : 1
        var backlog: Int
        switch scenario.initialOpenCases {
        case .fixed(let count): backlog = count
        case .poissonMean(let mean): backlog = Int(gsl_ran_poisson(rng, mean))
        }

        var level = 0
        var outcomes: [CheckOutcome] = []
        for d in 0..<days {
            var mean = expectedCases[d] * demand
            if let k = inflow.dispersion { mean *= gsl_ran_gamma(rng, k, 1 / k) }
            var cases = Int(gsl_ran_poisson(rng, mean))
            if inflow.spikeProbability > 0 && gsl_ran_bernoulli(rng, inflow.spikeProbability) == 1 {
                cases += Int(gsl_ran_poisson(rng, inflow.spikeMean))
            }
            let arrivals = split(cases, rng)

            for s in segments.indices {
                // §5: before the starting backlog's instant nothing is simulated. The segment's part
                // after it, [from, end), keeps each of its cases with probability (its share of the
                // segment's time) and the minutes of each shift worked in it.
                let from = max(segments[s].start, scenario.openCasesAt.map { $0 - d * 1440 } ?? segments[s].start)
                let after = from >= segments[s].end ? 0 : Int(gsl_ran_binomial(rng, Double(segments[s].end - from) / Double(segments[s].end - segments[s].start), UInt32(arrivals[s])))
                let effect = effects[level]
                let diverted = Int(gsl_ran_binomial(rng, effect.divertedShare, UInt32(after)))
                let kept = after - diverted

                // A shift worked on day d − offset contributes its share in this segment.
                var expected = 0.0
                for g in scenario.groups.indices {
                    let group = scenario.groups[g]
                    for offset in 0...2 where d - offset >= -1 {
                        let share = from == segments[s].start ? shiftShares[g][offset][s]
                            : Double(max(0, min(offset * 1440 + segments[s].end, group.shiftEnd) - max(offset * 1440 + from, group.shiftStart)))
                                / Double(group.shiftEnd - group.shiftStart)
                        expected += scenario.resolvePerShift * share * capacity[g][d - offset + 1]
                    }
                }
                expected = expected * effect.capacityMultiplier + effect.extraResolutionsPerDay * extraShare(ofSegment: s)
                // A segment no shift reaches resolves nothing.
                let resolved = segments[s].worked ? min(backlog + kept, Int(gsl_ran_poisson(rng, expected))) : 0
                backlog += kept - resolved

                // §6: the level declared at this check holds until the next one.
                guard isCheckDay[d] && segments[s].check != nil else { continue }
                let values = inputGroups.map { group in group.map { headcount[$0][d + 1] } ?? backlog }
                level = self.level(Observation(values), memo: &levels)
                if d >= scenario.warmupDays { outcomes.append(CheckOutcome(level: level, open: backlog)) }
            }
        }
        return outcomes
    }

    /// §3a: on a day d after as_of, an SE not in an unbooked spell starts one with probability
    /// leave days a year / 365 / mean spell × the month's factor × P(lead time < d − as_of); it lasts
    /// 1 + G days. `[se][d]`, all false without the model.
    func unbookedLeave(_ rng: UnsafeMutablePointer<gsl_rng>) -> [[Bool]] {
        var onLeave = [[Bool]](repeating: [Bool](repeating: false, count: dates.count), count: scenario.team.count)
        guard let leave = scenario.unbookedLeave, let asOf = scenario.asOf else { return onLeave }
        // P(lead time < x): each bin's share spread evenly over its whole days, counted day by day.
        func bookedLater(_ x: Int) -> Double {
            var p = 0.0, from = 0
            for bin in leave.leadTime {
                for lead in from...bin.upTo where lead < x { p += bin.share / Double(bin.upTo - from + 1) }
                from = bin.upTo + 1
            }
            return p
        }
        for (se, engineer) in scenario.team.enumerated() {
            let perYear = engineer.leaveDaysPerYear ?? leave.daysPerYear
            var daysLeftInSpell = 0
            for (d, date) in dates.enumerated() {
                let after = date.dayNumber - asOf.dayNumber
                let q = min(1, perYear / 365 / leave.meanSpellDays * (leave.monthFactors[date.month] ?? 1) * bookedLater(after))
                if daysLeftInSpell == 0 && after > 0 && gsl_ran_bernoulli(rng, q) == 1 {
                    daysLeftInSpell = Int(gsl_ran_geometric(rng, 1 / leave.meanSpellDays))
                }
                if daysLeftInSpell > 0 {
                    onLeave[se][d] = true
                    daysLeftInSpell -= 1
                }
            }
        }
        return onLeave
    }

    /// The policy's 0-based level for `observation`, by the explained evaluator.
    func level(_ observation: Observation, memo: inout [Observation: Int]) -> Int {
        if let level = memo[observation] { return level }
        let level = policy.evaluate(observation).level
        memo[observation] = level
        return level
    }

    /// A day's cases split between its segments by the arrival shares, by successive binomial draws
    /// (segment s takes its share of what the earlier segments left).
    func split(_ cases: Int, _ rng: UnsafeMutablePointer<gsl_rng>) -> [Int] {
        var left = cases, shareLeft = 1.0
        return arrivalShares.indices.map { s in
            let count = s == arrivalShares.count - 1 || shareLeft <= 0
                ? left : Int(gsl_ran_binomial(rng, min(1, arrivalShares[s] / shareLeft), UInt32(left)))
            left -= count
            shareLeft -= arrivalShares[s]
            return count
        }
    }

    /// Gamma with mean 1 and coefficient of variation `cv`: shape 1/cv², scale cv².
    func gamma(meanOneWithCV cv: Double, _ rng: UnsafeMutablePointer<gsl_rng>) -> Double {
        let shape = 1 / (cv * cv)
        return gsl_ran_gamma(rng, shape, 1 / shape)
    }
}
