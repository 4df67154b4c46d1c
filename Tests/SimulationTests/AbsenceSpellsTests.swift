import CGSL
import Scenarios
import Testing
@testable import Simulation

/// The absence draws' fast paths against their plain definitions: a spell's days taken off
/// (`TrialKernel.takeSick`, `takeLeave`, ranges cut at the horizon and the departure) and the
/// days whose capacity changed (`markCapacityChanged` as range edges, `resolveCapacityChanged`).
@Suite struct AbsenceSpellsTests {
    /// Twenty SEs over eight weeks with frequent sickness, unbooked leave, attrition in EMEA,
    /// every third SE unable to fall sick and two SEs sick at the start.
    static func scenario() -> Scenario {
        var scenario = TestScenarios.plain(emea: 10, us: 10, days: 56,
                                           sickness: Scenario.Sickness(dailyStartProbability: 0.05, meanSpellDays: 4, severityCV: 0.5))
        scenario.asOf = TestScenarios.date("2026-12-01")
        scenario.unbookedLeave = Scenario.UnbookedLeave(
            daysPerYear: 40, meanSpellDays: 3, monthFactors: [:], leadTime: [.init(upTo: 27, share: 1)])
        scenario.attrition = ["emea": .init(ratePerYear: 0.9, noticeDays: 5)]
        for i in scenario.team.indices where i % 3 == 0 { scenario.team[i].fallsSick = false }
        scenario.sickAtStart = [1, 12]
        return scenario
    }

    /// A hundred SEs (66 who can fall sick: the kernel tabulates their waits, `HorizonWaits`)
    /// without unbooked leave, so that sickness takes its days through `takeSick`'s addressed
    /// rows; attrition in EMEA, every third SE unable to fall sick, two SEs sick at the start.
    static func largeScenario() -> Scenario {
        var scenario = TestScenarios.plain(emea: 50, us: 50, days: 56,
                                           sickness: Scenario.Sickness(dailyStartProbability: 0.05, meanSpellDays: 4, severityCV: 0.5))
        scenario.attrition = ["emea": .init(ratePerYear: 0.9, noticeDays: 5)]
        for i in scenario.team.indices where i % 3 == 0 { scenario.team[i].fallsSick = false }
        scenario.sickAtStart = [1, 12]
        return scenario
    }

    /// Each trial's headcount, capacity and changed days are, exactly, what its logged events take
    /// when applied day by day as docs/MODEL.md §2–3 state them: a departure takes every scheduled
    /// day from its first on; leave takes the scheduled days before the SE's departure; sickness
    /// takes the scheduled days not on leave and before the departure of an SE who can fall sick.
    /// A day is changed when it, or one of the `ShiftShares.days − 1` before it, is within a
    /// spell's first to last day taken off (leave: from its start). Replaying the events
    /// (`replayAbsence`) in another kernel sets up the same.
    /// Both scenarios: the small one with every kind of event, the large one through the
    /// tabulated waits and the addressed rows.
    @Test(arguments: [false, true])
    func drawnAbsenceIsWhatItsEventsTakeDayByDay(large: Bool) throws {
        let model = try SimulationModel(large ? Self.largeScenario() : Self.scenario())
        let kernel = try TrialKernel(model: model)
        kernel.absenceLog = AbsenceLog()
        let replay = try TrialKernel(model: model)
        let t = kernel.tables
        let days = model.dayCount, groups = model.groups.count, engineers = model.engineers.count
        var kinds = Set<UInt8>(), sickDaysTaken = 0
        for trial in 0..<300 {
            kernel.seed(master: 11, block: 0, trial: UInt64(trial))
            kernel.drawAbsence()
            var headcount = (0..<groups).map { g in (0..<days).map { Int32(t.scheduledHeadcount[g, day: $0]) } }
            var capacity = (0..<groups).map { g in (0..<days).map { t.scheduledCapacity[g, day: $0] } }
            var changed = [Bool](repeating: false, count: days)
            var onLeave = [[Bool]](repeating: [Bool](repeating: false, count: days), count: engineers)
            var gone = [Int](repeating: Int.max, count: engineers)
            func take(_ se: Int, _ d: Int) {
                let g = Int(t.engineerGroups[se])
                headcount[g][d] -= 1
                capacity[g][d] -= t.engineerCapacities[se]
            }
            func mark(_ first: Int, _ last: Int) {
                for d in first..<days where d <= last + ShiftShares.days - 1 { changed[d] = true }
            }
            for event in kernel.absenceLog!.events {
                let se = Int(event.se), start = Int(event.start), end = Int(event.start + event.length)
                kinds.insert(event.kind.rawValue)
                switch event.kind {
                case .departure:
                    gone[se] = start
                    for d in start..<days where t.engineerScheduled[se, day: d] { take(se, d) }
                    if start < days { mark(start, days - 1) }
                case .leave:
                    let out = (start..<end).filter { t.engineerScheduled[se, day: $0] && $0 < gone[se] }
                    for d in out { onLeave[se][d] = true; take(se, d) }
                    if let last = out.last { mark(start, last) }
                case .sickness:
                    let out = (start..<end).filter { model.engineers[se].fallsSick && t.engineerScheduled[se, day: $0] && !onLeave[se][$0] && $0 < gone[se] }
                    for d in out { take(se, d) }
                    sickDaysTaken += out.count
                    if let first = out.first, let last = out.last { mark(first, last) }
                }
            }
            kernel.absenceLog!.events.withUnsafeBufferPointer { replay.replayAbsence($0) }
            for k in [kernel, replay] {
                for g in 0..<groups {
                    #expect((0..<days).map { k.headcount[g, day: $0] } == headcount[g], "trial \(trial), group \(g)")
                    #expect((0..<days).map { k.capacity[g, day: $0] } == capacity[g], "trial \(trial), group \(g)")
                }
                #expect(Array(k.capacityChanged) == changed, "trial \(trial)")
            }
        }
        // Every kind of event occurred, and sickness took days.
        #expect(kinds == (large ? [0, 2] : [0, 1, 2]))
        #expect(sickDaysTaken > 1_000)
        #expect((kernel.spellStarts != nil) == large && t.hasUnbookedLeave == !large)
    }

    /// The tabulated spells (`drawTabulatedSpells`, for an SE not sick at the start in a team with
    /// the waits' table) draw the same events and take the same days as the plain loop
    /// (`drawSpells`) run for every SE after the same departures and severity draw.
    @Test func tabulatedSpellsAreThePlainLoops() throws {
        let model = try SimulationModel(Self.largeScenario())
        let kernel = try TrialKernel(model: model)
        kernel.absenceLog = AbsenceLog()
        let t = kernel.tables
        let waits = try #require(kernel.spellStarts)
        var spells = 0
        for trial in 0..<300 {
            kernel.seed(master: 7, block: 2, trial: UInt64(trial))
            kernel.drawAbsence()
            let drawn = (events: kernel.absenceLog!.events, headcount: Array(kernel.headcount.values),
                         capacity: Array(kernel.capacity.values), changed: Array(kernel.capacityChanged))
            kernel.seed(master: 7, block: 2, trial: UInt64(trial))
            kernel.absenceLog!.clear()
            kernel.headcount.assign(from: t.scheduledHeadcount)
            kernel.capacity.assign(from: t.scheduledCapacity)
            kernel.drawDepartures()
            let shape = 1 / (t.severityCV * t.severityCV)
            let severity = gsl_ran_gamma(kernel.absence.uniforms.rng, shape, 1 / shape)
            let spellStart = GeometricSampler(p: min(1, t.dailyStartProbability * severity))
            waits.reset(p: spellStart.p)
            for se in 0..<model.engineers.count {
                let gone = t.fallsSick[se] ? min(t.days, kernel.departures[se]) : 0
                kernel.drawSpells(se, group: Int(t.engineerGroups[se]), gone: gone, spellStart: spellStart, kernel.absence.uniforms)
            }
            kernel.resolveCapacityChanged()
            #expect(kernel.absenceLog!.events == drawn.events, "trial \(trial)")
            #expect(Array(kernel.headcount.values) == drawn.headcount, "trial \(trial)")
            #expect(Array(kernel.capacity.values) == drawn.capacity, "trial \(trial)")
            #expect(Array(kernel.capacityChanged) == drawn.changed, "trial \(trial)")
            spells += drawn.events.count { $0.kind == .sickness }
        }
        #expect(spells > 10_000)
    }

    /// On every day whose capacity changed, each segment's resolution capacity summed once the
    /// absence is drawn (`changedShiftCapacity`, a run of days at a time) is the same bits as the
    /// sum the day loop made segment by segment before (`ShiftShares.capacity`, and
    /// `OpeningCut.capacity` on the days an opening instant cuts), drawn and replayed.
    @Test(arguments: [nil, 7 * 60])
    func changedDaysCapacityIsTheSegmentSum(openCasesAt: Int?) throws {
        var scenario = Self.scenario()
        scenario.openCasesAt = openCasesAt
        let model = try SimulationModel(scenario)
        #expect(model.opening.days == (openCasesAt == nil ? 0 : 1))
        let kernel = try TrialKernel(model: model), replay = try TrialKernel(model: model)
        kernel.absenceLog = AbsenceLog()
        let t = kernel.tables
        let (days, segments) = (model.dayCount, model.layout.count)
        var compared = 0, firstDayChanged = 0
        for trial in 0..<200 {
            kernel.seed(master: 5, block: 1, trial: UInt64(trial))
            kernel.drawAbsence()
            kernel.absenceLog!.events.withUnsafeBufferPointer { replay.replayAbsence($0) }
            if kernel.capacityChanged[0] { firstDayChanged += 1 }
            for k in [kernel, replay] {
                for d in 0..<days where k.capacityChanged[d] {
                    for s in 0..<segments {
                        let expected = d < t.opening.days ? t.opening.capacity(day: d, segment: s, groups: t.groups, from: k.capacity)
                            : t.shiftShares.capacity(day: d, segment: s, groups: t.groups, from: k.capacity)
                        let summed = k.changedShiftCapacity[s * days + d]
                        #expect(summed.bitPattern == expected.bitPattern, "trial \(trial), day \(d), segment \(s): \(summed) against \(expected)")
                        compared += 1
                    }
                }
            }
        }
        // Most days change with this much absence, the first (summed over every share) in some trials.
        #expect(compared > 200 * 2 * days * segments / 2)
        #expect(firstDayChanged > 0)
    }

    /// Ranges marked in any order and overlapping, then resolved, give exactly the days some range
    /// covers; the edges are left zero, so the next trial's marks stand alone.
    @Test func markedRangesResolveToTheDaysTheyCover() throws {
        let model = try SimulationModel(TestScenarios.plain(emea: 2, us: 2, days: 30))
        let kernel = try TrialKernel(model: model)
        let days = model.dayCount
        var rng = SplitMix64(seed: 26)
        for round in 0..<200 {
            var covered = [Bool](repeating: false, count: days)
            for _ in 0..<Int.random(in: 0...8, using: &rng) {
                let first = Int.random(in: 0..<days, using: &rng), last = Int.random(in: first..<days, using: &rng)
                kernel.markCapacityChanged(from: first, through: last)
                for d in first..<min(days, last + ShiftShares.days) { covered[d] = true }
            }
            kernel.resolveCapacityChanged()
            #expect(Array(kernel.capacityChanged) == covered, "round \(round)")
            #expect(kernel.capacityChangeEdges.allSatisfy { $0 == 0 })
        }
    }
}
