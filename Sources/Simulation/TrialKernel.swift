import Buffers
import CapacityPolicy
import CGSL
import Statistics

/// Simulates trials of a `SimulationModel` (docs/MODEL.md §3–6) and records them in a `Tally`.
///
/// One kernel per worker thread: it owns its GSL generators, one per stream, so that the
/// absence, inflow and work draws of a block of trials do not depend on one another (common random
/// numbers between scenarios that differ in one part) nor on which thread runs the block.
///
/// Draws are made as docs/MODEL.md states them or in exactly equivalent form:
/// - sickness: instead of a Bernoulli trial each day, the waiting time to the next spell is drawn
///   as a geometric variate (the number of days up to the first success of daily Bernoulli(p)
///   trials), and a spell lasts a geometric number of days with the scenario's mean; spells are
///   rare, so a trial makes a few draws per SE instead of one per SE per day (`GeometricSampler`,
///   the same variates as `gsl_ran_geometric`);
/// - arrivals: a day's Poisson cases split binomially between segments are independent Poisson
///   counts per segment (Poisson thinning), and so are the cases kept after a binomial diversion,
///   so a segment's arrivals are Poisson with mean λ_d·D·share·(1 − diverted);
/// - windows: between two checks the level holds, so a window's arrivals and its resolution
///   draws are Poisson with the summed means; the window takes these two totals where its queue
///   is long, and is drawn segment by segment where it is short (`WindowSegments`);
/// - Poisson variates (arrivals and resolutions) come from `PoissonSampler`, exact, cheaper than
///   `gsl_ran_poisson`, and two uniforms a draw from the stream.
public final class TrialKernel {
    /// The spare stream holds the rejected attempts' retries of the Poisson samplers, so that the
    /// inflow and work streams advance by two uniforms a draw whatever the means (`PoissonSampler`).
    /// Unbooked leave (docs/MODEL.md §3a) and attrition (§2) have streams of their own, so that a
    /// scenario without them draws exactly what it drew before they existed, and adding either
    /// leaves sickness and the other alone.
    public enum Stream: UInt64, CaseIterable { case absence = 1, inflow = 2, work = 3, spare = 4, leave = 5, attrition = 6 }

    let model: SimulationModel
    let policy: CompiledPolicy
    let sampler = PoissonSampler()
    /// Draws a window segment by segment where the queue may run dry.
    let segments: WindowSegments
    let absence: RandomGenerator
    let inflow: RandomGenerator
    let work: RandomGenerator
    let spare: RandomGenerator
    let leave: RandomGenerator
    let attrition: RandomGenerator
    /// The model's numbers, copied once into fixed buffers: the hot loop reads them without
    /// reference counting or copying the model.
    let tables: KernelTables
    // Scratch buffers, allocated once: the hot loop then pays no copy-on-write or exclusivity checks.
    /// Working headcount per group and day, copied from the schedule then reduced by sickness.
    let headcount: DayGrid<Int32>
    /// Working capacity (sum of capacity factors) per group and day. A segment's capacity is
    /// summed from these (`ShiftShares.capacity`) rather than adjusted in place, so that it is the
    /// same bits whenever the same people work, and on days no sickness reaches the precomputed
    /// sum can stand in for it.
    let capacity: DayGrid<Double>
    /// Per day: sickness took capacity on that day or one of the two before, so the day's
    /// segments cannot take their resolution capacity from `KernelTables.scheduledShiftCapacity`
    /// and take it from `changedShiftCapacity`.
    let capacityChanged: FixedBuffer<Bool>
    /// Per segment and day, `[s * days + d]`: on the days `capacityChanged` marks, the segment's
    /// resolution capacity summed from `capacity` (`ShiftShares.capacity`, or `OpeningCut.capacity`
    /// on the opening's days) once the trial's absence is drawn (`resolveCapacityChanged`); the
    /// other days' values are stale.
    let changedShiftCapacity: FixedBuffer<Double>
    /// Per day, and day `days`: how many marked ranges (`markCapacityChanged`) begin there less
    /// how many end there. All zero between trials; `resolveCapacityChanged` sums it into
    /// `capacityChanged` once the trial's absence is drawn.
    let capacityChangeEdges: FixedBuffer<Int32>
    /// Per SE and day: on unbooked leave this trial, so that sickness does not take them twice.
    let onLeave: DayGrid<Bool>
    /// Per SE: the first day attrition has taken them (`Int.max` when it does not).
    let departures: FixedBuffer<Int>
    /// The sickness spells' waiting times tabulated per trial, for a team large enough that
    /// the table pays (`HorizonWaits.pays`); nil otherwise.
    let spellStarts: HorizonWaits?
    /// The policy's inputs at a check, in the policy's order.
    let inputs: FixedBuffer<Int32>
    /// What the trial saw at each reported check, recorded into the tally once the trial ends.
    let checkLevels: FixedBuffer<UInt8>
    let checkOpen: FixedBuffer<Int>
    /// `[check * groups + g]`, as `Tally.recordTrial` reads it.
    let checkHeadcounts: FixedBuffer<Int32>
    /// Where `drawAbsence` records the trial's absence events, for runs that replay them (`replayAbsence`).
    var absenceLog: AbsenceLog?

    public init(model: SimulationModel) throws(GSLError) {
        self.model = model
        self.policy = model.policy
        absence = try RandomGenerator(seed: Stream.absence.rawValue)
        inflow = try RandomGenerator(seed: Stream.inflow.rawValue)
        work = try RandomGenerator(seed: Stream.work.rawValue)
        spare = try RandomGenerator(seed: Stream.spare.rawValue)
        leave = try RandomGenerator(seed: Stream.leave.rawValue)
        attrition = try RandomGenerator(seed: Stream.attrition.rawValue)
        tables = KernelTables(model)
        segments = try WindowSegments(segments: model.layout.count, sampler: sampler)
        headcount = DayGrid(model.scheduledHeadcount, days: model.dayCount)
        capacity = DayGrid(model.scheduledCapacity, days: model.dayCount)
        capacityChanged = FixedBuffer(repeating: false, count: model.dayCount)
        changedShiftCapacity = FixedBuffer(repeating: 0, count: model.layout.count * model.dayCount)
        capacityChangeEdges = FixedBuffer(repeating: 0, count: model.dayCount + 1)
        onLeave = DayGrid([Bool](repeating: false, count: model.engineers.count * (model.dayCount + 1)), days: model.dayCount)
        departures = FixedBuffer(repeating: Int.max, count: model.engineers.count)
        spellStarts = model.scenario.sickness.dailyStartProbability > 0 && HorizonWaits.pays(sickEngineers: model.engineers.count { $0.fallsSick })
            ? HorizonWaits(horizon: model.dayCount) : nil
        inputs = FixedBuffer(repeating: 0, count: model.scenario.policy.inputs.count)
        checkLevels = FixedBuffer(repeating: 0, count: model.checks.count)
        checkOpen = FixedBuffer(repeating: 0, count: model.checks.count)
        checkHeadcounts = FixedBuffer(repeating: 0, count: model.checks.count * model.groups.count)
    }

    /// Seeds the streams for trial `trial` (counted within its block) of block `block` of a run
    /// with master seed `seed`.
    ///
    /// Each trial has its own seed per stream (`StreamSeed`), derived from (master seed, block,
    /// stream) and the trial's index, as docs/MODEL.md §7 states. Without per-trial seeds, a trial that
    /// drew a different number of variates (because a what-if changed it) would shift every later
    /// trial of its block; with them, a change to a scenario leaves the other trials' draws untouched.
    public func seed(master seed: UInt64, block: UInt64, trial: UInt64) {
        for (generator, stream) in [(absence, Stream.absence), (inflow, .inflow), (work, .work), (spare, .spare), (attrition, .attrition)] {
            generator.reseed(StreamSeed.trial(master: seed, block: block, trial: trial, stream: stream.rawValue))
        }
        if tables.hasUnbookedLeave { leave.reseed(StreamSeed.trial(master: seed, block: block, trial: trial, stream: Stream.leave.rawValue)) }
    }

    /// GSL's name of the generator every stream uses, for the run's record.
    public static var generatorName: String { String(cString: RandomGenerator.algorithm.pointee.name) }

    /// Runs one trial and records it.
    public func runTrial(into tally: inout Tally) { runTrial(saving: nil, into: &tally) }

    /// Runs one trial and records it, storing its checkpoints in `saving`.
    func runTrial(saving: CheckpointSink?, into tally: inout Tally) {
        var progress = beginTrial()
        simulateDays(from: 0, &progress, saving: saving)
        tally.recordTrial(levels: checkLevels.elements, open: checkOpen.elements, headcounts: checkHeadcounts.elements)
    }

    /// Draws the trial's absence (docs/MODEL.md §3) into `headcount` and `capacity`, then its
    /// demand shock and starting backlog (§4–5): where the trial stands before its first day.
    func beginTrial() -> TrialProgress {
        drawAbsence()
        return drawDemand()
    }

    /// Draws the trial's absence (docs/MODEL.md §3): attrition, unbooked leave and sickness, from
    /// their own streams, into `headcount`, `capacity` and `capacityChanged`. Which days changed,
    /// and their segments' capacities, are set only from day `first` on: a trial resumed there
    /// (`continueTrial`) reads none before (`resolveCapacityChanged`).
    func drawAbsence(summingFrom first: Int = 0) {
        let t = tables
        let absenceRNG = absence.uniforms
        let (headcount, capacity) = (self.headcount, self.capacity)
        absenceLog?.clear()

        // Absence (docs/MODEL.md §3).
        headcount.assign(from: t.scheduledHeadcount)
        capacity.assign(from: t.scheduledCapacity)
        let sickness = t.dailyStartProbability > 0 || t.anySickAtStart
        defer { if sickness || t.hasUnbookedLeave || t.hasAttrition { resolveCapacityChanged(summingFrom: first) } }
        if t.hasAttrition { drawDepartures() }
        if t.hasUnbookedLeave { drawUnbookedLeave() }
        if sickness {
            var severity = 1.0
            if t.severityCV > 0 {
                let shape = 1 / (t.severityCV * t.severityCV)
                severity = gsl_ran_gamma(absenceRNG.rng, shape, 1 / shape)
            }
            let spellStart = GeometricSampler(p: min(1, t.dailyStartProbability * severity))
            // Waits past the horizon come back as days + 1 from the table: a spell starting
            // there ends the SE's loop as the longer wait would.
            spellStarts?.reset(p: spellStart.p)
            drawSickness(spellStart: spellStart)
        }
    }

    /// Every SE's sickness spells (docs/MODEL.md §3) from the absence stream, in the SEs' order,
    /// waits at `spellStart` (from `spellStarts` when the team has the table), into `headcount`,
    /// `capacity` and the marked days. Functions of their own, each inlining one loop, so that
    /// the loops keep their values in registers (in `drawAbsence` they were spilled around the
    /// other draws'). O(SEs + spells + days taken).
    @inline(never)
    func drawSickness(spellStart: GeometricSampler) {
        let t = tables
        guard let waits = spellStarts else {
            drawPlainSickness(spellStart: spellStart)
            return
        }
        let rng = absence.uniforms
        for se in 0..<t.engineerGroups.count {
            let g = Int(t.engineerGroups[se])
            if t.sickAtStart[se] {
                drawSpellsApart(se, group: g, gone: sicknessEnd(se), spellStart: spellStart, rng)
            } else {
                drawTabulatedSpells(se, group: g, gone: sicknessEnd(se), waits: waits, rng)
            }
        }
    }

    /// `drawSickness` for a team without the waits' table: the plain loop for every SE.
    @inline(never)
    func drawPlainSickness(spellStart: GeometricSampler) {
        let t = tables
        let rng = absence.uniforms
        for se in 0..<t.engineerGroups.count {
            drawSpells(se, group: Int(t.engineerGroups[se]), gone: sicknessEnd(se), spellStart: spellStart, rng)
        }
    }

    /// `drawSpells` as a call, for an SE sick at the start in a team with the waits' table (a
    /// few, if any): its loop stays out of the tabulated one's function.
    @inline(never)
    func drawSpellsApart(_ se: Int, group g: Int, gone: Int, spellStart: GeometricSampler, _ rng: Uniforms) {
        drawSpells(se, group: g, gone: gone, spellStart: spellStart, rng)
    }

    /// The day before which sickness can take SE `se`: spells take nothing from an SE who
    /// cannot fall sick, nor on or after the day attrition takes them. O(1).
    @inline(__always)
    func sicknessEnd(_ se: Int) -> Int { tables.fallsSick[se] ? min(tables.days, departures[se]) : 0 }

    /// SE `se`'s sickness spells, their waits at `spellStart` (or from `spellStarts`), a spell
    /// begun on the first reported day for an SE sick at the start: the plain loop, for any SE.
    @inline(__always)
    func drawSpells(_ se: Int, group g: Int, gone: Int, spellStart: GeometricSampler, _ rng: Uniforms) {
        let t = tables
        let days = t.days
        var day = 0
        // An SE out until further notice is in a spell on the horizon's first day
        // (`Scenario.sickAtStart`): one begins there unless one already covers it.
        var pending = t.sickAtStart[se]
        while day < days {
            if pending && day > t.firstReportedDay { pending = false }
            var start = t.dailyStartProbability > 0 ? day + (spellStarts?.sample(rng) ?? spellStart.sample(rng)) - 1 : Int.max
            if pending && start >= t.firstReportedDay { (start, pending) = (t.firstReportedDay, false) }
            if start >= days { break }
            let length = t.spellLength.sample(rng)
            absenceLog?.spell(.sickness, se, start: start, length: length, days: days)
            // An SE who cannot fall sick draws their spells all the same and ignores
            // them, so every later SE's draws stay the same (common random numbers).
            // A day on unbooked leave is out already, and a leaver is gone: the spell takes nothing more.
            if start < gone { takeSick(se, group: g, days: start..<min(gone, start + length)) }
            day = start + length
        }
    }

    /// `drawSpells` for an SE not sick at the start, in a team with the waits' table: the same
    /// draws in the same order and the same days taken, without the loop's checks for no start
    /// probability (the table exists only with one) and for a pending spell
    /// (`AbsenceSpellsTests` compares both on a team of 100).
    @inline(__always)
    func drawTabulatedSpells(_ se: Int, group g: Int, gone: Int, waits: HorizonWaits, _ rng: Uniforms) {
        let days = tables.days
        let lengths = tables.spellLength
        let rows = sicknessRows(se, group: g)
        var day = 0
        while day < days {
            // A wait is at most days + 1 and a length at most Int32.max: no overflow.
            let start = day &+ waits.sample(rng) &- 1
            if start >= days { return }
            let length = lengths.sample(rng)
            absenceLog?.spell(.sickness, se, start: start, length: length, days: days)
            if start < gone {
                let range = start..<min(gone, start &+ length)
                if let rows {
                    let (firstOut, lastOut) = rows.takeOff(range)
                    if lastOut >= 0 { markCapacityChanged(from: firstOut, through: lastOut) }
                } else {
                    takeSick(se, group: g, days: range)
                }
            }
            day = start &+ length
        }
    }

    /// Draws the trial's demand shock and starting backlog (docs/MODEL.md §4–5) from the inflow
    /// stream (and the spare one for a large Poisson backlog).
    func drawDemand() -> TrialProgress {
        let t = tables
        let (inflowRNG, spareRNG) = (inflow.uniforms, spare.uniforms)
        var demand = 1.0
        if t.demandCV > 0 {
            let shape = 1 / (t.demandCV * t.demandCV)
            demand = gsl_ran_gamma(inflowRNG.rng, shape, 1 / shape)
        }
        let open = t.initialOpenIsPoisson ? sampler.sample(mean: t.initialOpen, inflowRNG, spare: spareRNG) : Int(t.initialOpen)
        return TrialProgress(open: open, level: 0, check: 0, largestReportedOpen: 0, demand: demand)
    }

    /// Draws the trial's unbooked leave (docs/MODEL.md §3a) from the leave stream into `onLeave`,
    /// `headcount` and `capacity`, after attrition (a leaver takes no leave) and before sickness, which then leaves those days alone.
    ///
    /// A day's start probability q_d varies with its month and its distance from `as_of`, so the
    /// daily Bernoulli trials are drawn by thinning: candidate days come as geometric waits at the
    /// SE's largest q, and a candidate d starts a spell with probability q_d / that largest q. The
    /// result is equal in distribution to a Bernoulli(q_d) trial on each day outside a spell.
    func drawUnbookedLeave() {
        let t = tables
        let days = t.days
        let rng = leave.uniforms
        onLeave.values.assign(repeating: false)
        for se in 0..<t.engineerGroups.count {
            let top = t.leaveTopProbability[se]
            guard top > 0 else { continue }
            let perYear = t.leaveDaysPerYear[se]
            let waits = t.leaveWaits[se]
            let g = Int(t.engineerGroups[se])
            // A leaver takes no leave on or after the day attrition takes them.
            let gone = min(days, departures[se])
            var day = t.firstUnbookedLeaveDay
            while day < days {
                let start = day + waits.sample(rng) - 1
                if start >= days { break }
                guard rng.uniform() * top < min(1, perYear * t.unbookedLeaveRate[start]) else {
                    day = start + 1
                    continue
                }
                let length = t.leaveSpellLength.sample(rng)
                absenceLog?.spell(.leave, se, start: start, length: length, days: days)
                if start < gone { takeLeave(se, group: g, days: start..<min(gone, start + length)) }
                day = start + length
            }
        }
    }

    /// Attrition (docs/MODEL.md §2), on its own stream: each SE of a group with attrition resigns
    /// after a geometric number G ≥ 1 of days from their clock's start (daily probability
    /// 1 − (1 − r)^(1/365)), works the notice, and is gone from day clock + G + notice on.
    func drawDepartures() {
        let t = tables
        let rng = attrition.uniforms
        for se in 0..<t.engineerGroups.count {
            let g = Int(t.engineerGroups[se])
            guard t.departureProbabilities[g] > 0 else { continue }
            let gone = t.attritionClocks[se] + t.departureWaits[g].sample(rng) + t.noticeDays[g]
            absenceLog?.departure(se, gone: gone, days: t.days)
            takeDeparture(se, group: g, gone: gone)
        }
    }

    /// SE `se` of group `g` is gone from day `gone` on (at or past the horizon: no day taken), so
    /// every day they are scheduled from then is off. The draw and the replay (`replayAbsence`)
    /// both go through it, so they take the same days.
    func takeDeparture(_ se: Int, group g: Int, gone: Int) {
        let days = tables.days
        departures[se] = gone
        guard gone < days else { return }
        for d in gone..<days where tables.engineerScheduled[se, day: d] { takeOff(se, group: g, day: d) }
        markCapacityChanged(from: gone, through: days - 1)
    }

    /// SE `se` of group `g` does not work on day d, a day they are scheduled: their capacity that
    /// day leaves the group's, and they leave its headcount if they count in it. The caller marks
    /// the days whose capacity changes (`markCapacityChanged`) once per spell, not once per day out.
    @inline(__always)
    func takeOff(_ se: Int, group g: Int, day d: Int) {
        let t = tables
        if t.engineerCounted?[se, day: d] ?? true { headcount[g, day: d] -= 1 }
        capacity[g, day: d] -= t.engineerRampCapacity?[se, day: d] ?? t.engineerCapacities[se]
        #if PLAN_INTERNAL_CHECKS
        precondition(headcount[g, day: d] >= 0, "group \(g) has a negative headcount on day \(d)")
        #endif
    }

    /// A sickness spell takes SE `se` of group `g` off the days of `range` they are scheduled and
    /// not on unbooked leave (the caller has cut the range at the horizon and their departure),
    /// and marks the days from the first to the last taken off.
    @inline(__always)
    func takeSick(_ se: Int, group g: Int, days range: Range<Int>) {
        let scheduled = tables.engineerScheduled
        var (firstOut, lastOut) = (-1, -1)
        if tables.hasUnbookedLeave {
            let onLeave = self.onLeave
            for d in range where scheduled[se, day: d] && !onLeave[se, day: d] {
                takeOff(se, group: g, day: d)
                if firstOut < 0 { firstOut = d }
                lastOut = d
            }
        } else if let rows = sicknessRows(se, group: g) {
            (firstOut, lastOut) = rows.takeOff(range)
        } else {
            for d in range where scheduled[se, day: d] {
                takeOff(se, group: g, day: d)
                if firstOut < 0 { firstOut = d }
                lastOut = d
            }
        }
        if lastOut >= 0 { markCapacityChanged(from: firstOut, through: lastOut) }
    }

    /// SE `se`'s rows for `SicknessRows.takeOff`, nil unless that is what `takeSick` does for
    /// them: nobody takes unbooked leave, and every SE counts in the headcount at their own capacity. O(1).
    @inline(__always)
    func sicknessRows(_ se: Int, group g: Int) -> SicknessRows? {
        let t = tables
        guard !t.hasUnbookedLeave && t.engineerCounted == nil && t.engineerRampCapacity == nil else { return nil }
        return SicknessRows(scheduled: t.engineerScheduled.row(se), headcount: headcount.row(g), capacity: capacity.row(g),
                            lost: t.engineerCapacities[se])
    }

    /// A spell of unbooked leave puts SE `se` of group `g` on leave and takes them off the days of
    /// `range` they are scheduled (the caller has cut the range at the horizon and their
    /// departure), and marks the days from the spell's start to the last taken off.
    @inline(__always)
    func takeLeave(_ se: Int, group g: Int, days range: Range<Int>) {
        let (scheduled, onLeave) = (tables.engineerScheduled, self.onLeave)
        var lastOut = -1
        for d in range where scheduled[se, day: d] {
            onLeave[se, day: d] = true
            takeOff(se, group: g, day: d)
            lastOut = d
        }
        if lastOut >= 0 { markCapacityChanged(from: range.lowerBound, through: lastOut) }
    }

    /// Days `first…last` lost capacity: their segments, and those of the next days their shifts
    /// reach, cannot take the precomputed sum (`KernelTables.scheduledShiftCapacity`). A day marked
    /// that nothing reached (a day off inside a spell) computes the same sum the table holds.
    ///
    /// Two stores per range instead of one per day: the range's edges go into
    /// `capacityChangeEdges`, and `resolveCapacityChanged` sums them once the trial's absence is drawn.
    @inline(__always)
    func markCapacityChanged(from first: Int, through last: Int) {
        capacityChangeEdges[first] &+= 1
        capacityChangeEdges[min(tables.days, last + ShiftShares.days)] &-= 1
    }

    /// Sets `capacityChanged` from the ranges marked since the last call (`markCapacityChanged`):
    /// a day is changed when some range covers it; and the changed days' segment capacities in
    /// `changedShiftCapacity`. Both only for the days from `first` on: a trial resumed at `first`
    /// reads none before, and those days' values are left stale. Leaves `capacityChangeEdges` all
    /// zero. O(days + changed days × segments).
    func resolveCapacityChanged(summingFrom first: Int = 0) {
        let (edges, changed) = (capacityChangeEdges, capacityChanged)
        let days = tables.days
        let start = min(first, days)
        var covering: Int32 = 0
        for d in 0..<start {
            covering &+= edges[d]
            edges[d] = 0
        }
        var runStart = -1
        for d in start..<days {
            covering &+= edges[d]
            edges[d] = 0
            let isChanged = covering > 0
            changed[d] = isChanged
            if isChanged && runStart < 0 {
                runStart = d
            } else if !isChanged && runStart >= 0 {
                sumShiftCapacity(days: runStart..<d)
                runStart = -1
            }
        }
        edges[days] = 0
        if runStart >= 0 { sumShiftCapacity(days: runStart..<days) }
    }

    /// Every segment's resolution capacity on the days of `range` into `changedShiftCapacity`,
    /// as the day loop would sum it from `capacity` (the opening's days cut at its instant). Summed
    /// here once the absence is drawn, for a run of days at a time, it costs a fraction of summing
    /// it segment by segment in the loop, where sickness reaches nearly every day of a large team.
    func sumShiftCapacity(days range: Range<Int>) {
        let t = tables
        let sums = UnsafeMutablePointer(mutating: changedShiftCapacity.elements.baseAddress!)
        t.shiftShares.capacities(days: range, groups: t.groups, from: capacity, into: sums, days: t.days)
        // The opening's days only (none without an opening instant), not a test on every day of the run.
        for d in range.lowerBound..<max(range.lowerBound, min(range.upperBound, t.opening.days)) {
            for s in 0..<t.segments { sums[s * t.days + d] = t.opening.capacity(day: d, segment: s, groups: t.groups, from: capacity) }
        }
    }

    /// Simulates days `first…` of the trial (docs/MODEL.md §4–6) from `progress`, the trial as it
    /// stands at the start of day `first`, keeping what it sees at the reported checks. With
    /// `saving`, the trial's state at the start of each day the sink asks for (and at the end,
    /// day `days`) is stored there, and the trial stops at the start of a day the sink finds it
    /// has rejoined its partner's (`Rejoin`).
    func simulateDays(from first: Int, _ progress: inout TrialProgress, saving: CheckpointSink?) {
        let t = tables
        let days = t.days, k = t.segments
        let (inflowRNG, workRNG, spareRNG) = (inflow.uniforms, work.uniforms, spare.uniforms)
        let capacityChanged = self.capacityChanged, changedShiftCapacity = self.changedShiftCapacity.elements
        // The tables the segments read, as pointers taken once: the loop then reads a value, not
        // the buffer object and then its storage, after every sampler call.
        let steps = t.steps.values.elements, arrivalMeans = t.arrivalMeans.values.elements
        let spikeMeans = t.spikeMeans.values.elements, scheduledShiftCapacity = t.scheduledShiftCapacity.values.elements
        let keptShares = t.keptShares.elements, multipliers = t.multipliers.elements
        let extraPerSegment = t.extraPerSegment.values.elements
        let segments = self.segments, windowArrivals = segments.arrivalMeans, windowResolutions = segments.resolutionMeans
        let (resolve, dispersion, spikeProbability) = (t.resolve, t.dispersion, t.spikeProbability)
        let demand = progress.demand
        var (open, level, largestReportedOpen) = (progress.open, progress.level, progress.largestReportedOpen)
        // Reported checks come in the order the days and segments are simulated.
        var check = progress.check
        // Whether a trial some cases above could not follow this one through the day before (`CheckpointSink.save`).
        var emptied = false
        for d in first..<days {
            if saving?.save(
                day: d, open: open, level: level, largestReportedOpen: largestReportedOpen, demand: demand, emptiedBefore: emptied, inflowRNG, workRNG, spareRNG
            ) == false { break }
            emptied = false
            var dayFactor = demand
            if dispersion > 0 { dayFactor *= gsl_ran_gamma(inflowRNG.rng, dispersion, 1 / dispersion) }
            let spike = spikeProbability > 0 && inflowRNG.uniform() < spikeProbability
            let changed = capacityChanged[d]
            // A window: the segments up to a check or the day's end, under one level. Its
            // arrivals and resolutions are drawn as totals or segment by segment (`WindowSegments`).
            var s = 0
            while s < k {
                let first = s
                var (arrivalMean, resolutionMean, worked) = (0.0, 0.0, false)
                var step: SegmentStep
                repeat {
                    let i = d &* k &+ s
                    step = SegmentStep(rawValue: steps[i])
                    var mean = arrivalMeans[i] * dayFactor
                    if spike { mean += spikeMeans[i] }
                    var expected = 0.0
                    if step.contains(.worked) {
                        worked = true
                        let shiftCapacity = changed ? changedShiftCapacity[s &* days &+ d] : scheduledShiftCapacity[i]
                        expected = resolve * shiftCapacity * multipliers[level] + extraPerSegment[level &* k &+ s]
                    }
                    windowArrivals[s &- first] = mean
                    windowResolutions[s &- first] = expected
                    arrivalMean += mean
                    resolutionMean += expected
                    s &+= 1
                } while s < k && !step.contains(.check)
                let kept = keptShares[level], count = s &- first
                if !worked {
                    // Nobody's shift reaches the window: it resolves nothing and draws nothing (docs/MODEL.md §7).
                    open += sampler.sample(mean: arrivalMean * kept, inflowRNG, spare: spareRNG)
                } else if WindowSegments.drawsTotals(open: open, mean: resolutionMean) {
                    let arrivals = sampler.sample(mean: arrivalMean * kept, inflowRNG, spare: spareRNG)
                    let resolutions = sampler.sample(mean: resolutionMean, workRNG, spare: spareRNG)
                    if resolutions <= open {
                        open += arrivals - resolutions
                    } else {
                        let (left, ranDry) = segments.split(
                            open: open, arrivals: arrivals, resolutions: resolutions, segments: count, after: inflowRNG, workRNG)
                        (open, emptied) = (left, emptied || ranDry)
                    }
                } else {
                    // The totals' uniforms, not inverted: the streams advance as they would.
                    _ = (inflowRNG.next(), inflowRNG.next(), workRNG.next(), workRNG.next())
                    // A trial some cases above may draw this window as totals: the day is not followed (`Rejoin`).
                    open = segments.simulate(open: open, kept: kept, segments: count, after: inflowRNG, workRNG)
                    emptied = true
                }
                #if PLAN_INTERNAL_CHECKS
                precondition(open >= 0, "negative open cases on day \(d), segment \(s - 1)")
                #endif

                if step.contains(.check) {
                    record(day: d, open: open, level: &level, check: &check, largestReportedOpen: &largestReportedOpen)
                }
            }
        }
        _ = saving?.save(
            day: days, open: open, level: level, largestReportedOpen: largestReportedOpen, demand: demand, emptiedBefore: emptied, inflowRNG, workRNG, spareRNG)
        (progress.open, progress.level, progress.check, progress.largestReportedOpen) = (open, level, check, largestReportedOpen)
    }

    /// A check on day d with `open` cases (docs/MODEL.md §6): the policy declares the level, and a
    /// reported check keeps what the trial saw.
    @inline(__always)
    func record(day d: Int, open: Int, level: inout Int, check: inout Int, largestReportedOpen: inout Int) {
        let t = tables
        for i in 0..<t.headcountInputs.count {
            let (input, group) = t.headcountInputs[i]
            inputs[input] = headcount[group, day: d]
        }
        inputs[t.casesInput] = Int32(clamping: open)
        level = policy.level(inputs.elements.baseAddress!)
        guard d >= t.firstReportedDay else { return }
        checkLevels[check] = UInt8(level)
        checkOpen[check] = open
        largestReportedOpen = max(largestReportedOpen, open)
        for g in 0..<t.groups { checkHeadcounts[check * t.groups + g] = headcount[g, day: d] }
        check += 1
    }
}

/// Where a trial stands at the start of a day, besides its absence (drawn for the whole trial
/// first) and its generators' states.
struct TrialProgress {
    var open: Int
    /// 0-based: the level declared at the last check, in force until the next.
    var level: Int
    /// Reported checks recorded so far, and the most open cases among them.
    var check: Int
    var largestReportedOpen: Int
    /// The trial's demand shock.
    let demand: Double
}

/// The numbers of a `SimulationModel` a trial reads, in fixed buffers and grids (see
/// `SimulationModel` for what each means).
struct KernelTables {
    let days: Int, segments: Int, groups: Int
    let firstReportedDay: Int
    let resolve: Double
    let dailyStartProbability: Double, severityCV: Double
    /// A spell lasts a geometric number of days with mean `mean_spell_days` (success probability 1/mean).
    let spellLength: GeometricSampler
    let demandCV: Double
    /// 0 for Poisson inflow.
    let dispersion: Double
    let spikeProbability: Double
    let initialOpen: Double, initialOpenIsPoisson: Bool
    let arrivalMeans: SegmentGrid<Double>
    /// Per day and segment: the spike's mean cases, the opening cut's share kept on its days.
    let spikeMeans: SegmentGrid<Double>
    let keptShares: FixedBuffer<Double>
    let shiftShares: ShiftShares
    /// The first days' segments cut at the starting backlog's instant (`OpeningCut`).
    let opening: OpeningCut
    /// `shiftShares.capacity` (or `opening.capacity`) per day and segment when everyone scheduled works: what a trial
    /// uses on days no sickness reaches, bit for bit what it would compute.
    let scheduledShiftCapacity: SegmentGrid<Double>
    let multipliers: FixedBuffer<Double>
    let extraPerSegment: SegmentGrid<Double>
    /// Per day and segment: what the day loop does there (`SegmentStep`'s raw values).
    let steps: SegmentGrid<UInt8>
    /// Per day 0…days: the reported checks on the days before it, where a trial resumed at that
    /// day records its next check.
    let reportedChecksBefore: FixedBuffer<Int>
    /// The policy inputs that count a group's working SEs, and the one that takes the open cases.
    let headcountInputs: FixedBuffer<(input: Int, group: Int)>
    let casesInput: Int
    let scheduledHeadcount: DayGrid<Int32>
    let scheduledCapacity: DayGrid<Double>
    let engineerGroups: FixedBuffer<Int32>
    let engineerCapacities: FixedBuffer<Double>
    /// Per SE: in a spell of unknown length on day 0; and whether any SE is.
    let sickAtStart: FixedBuffer<Bool>
    let anySickAtStart: Bool
    /// Per SE: sickness can take them (`SupportEngineer.fallsSick`).
    let fallsSick: FixedBuffer<Bool>
    /// Per SE and day: scheduled to work.
    let engineerScheduled: DayGrid<Bool>
    /// Unbooked leave (docs/MODEL.md §3a): whether any SE can take it; the daily start probability
    /// per leave day a year on each day; per SE their leave days a year, their largest daily start
    /// probability and the geometric waits at it; the spell length; the first day a spell can start.
    let hasUnbookedLeave: Bool
    let unbookedLeaveRate: FixedBuffer<Double>
    let leaveDaysPerYear: FixedBuffer<Double>
    let leaveTopProbability: FixedBuffer<Double>
    let leaveWaits: FixedBuffer<GeometricSampler>
    let leaveSpellLength: GeometricSampler
    let firstUnbookedLeaveDay: Int
    /// Per SE and day: a ramping hire's capacity, and whether they count in the headcount; nil
    /// when no SE ramps, or none ramps uncounted (`SimulationModel.Engineer`).
    let engineerRampCapacity: DayGrid<Double>?
    let engineerCounted: DayGrid<Bool>?
    /// Attrition: per SE the day their clock starts; per group the daily probability of resigning,
    /// its geometric waiting time and the notice days; whether any group has attrition.
    let attritionClocks: FixedBuffer<Int>
    let departureProbabilities: FixedBuffer<Double>
    let departureWaits: FixedBuffer<GeometricSampler>
    let noticeDays: FixedBuffer<Int>
    let hasAttrition: Bool

    init(_ m: SimulationModel) {
        let scenario = m.scenario
        days = m.dayCount
        segments = m.layout.count
        groups = m.groups.count
        firstReportedDay = m.firstReportedDay
        resolve = scenario.resolvePerShift
        dailyStartProbability = scenario.sickness.dailyStartProbability
        spellLength = GeometricSampler(p: 1 / scenario.sickness.meanSpellDays, tabulating: true)
        severityCV = scenario.sickness.severityCV
        demandCV = scenario.inflow.demandCV
        dispersion = scenario.inflow.dispersion ?? 0
        spikeProbability = scenario.inflow.spikeProbability
        switch scenario.initialOpenCases {
        case .fixed(let n): (initialOpen, initialOpenIsPoisson) = (Double(n), false)
        case .poissonMean(let mean): (initialOpen, initialOpenIsPoisson) = (mean, true)
        }
        arrivalMeans = SegmentGrid(m.arrivalMeans, segments: segments)
        let opening = m.opening
        spikeMeans = SegmentGrid((0..<days).flatMap { d in
            m.spikeMeans.indices.map { s in m.spikeMeans[s] * (d < opening.days ? opening.kept[d * m.spikeMeans.count + s] : 1) }
        }, segments: segments)
        keptShares = FixedBuffer(m.keptShares)
        shiftShares = ShiftShares(m.shiftShares, segments: segments)
        multipliers = FixedBuffer(m.multipliers)
        extraPerSegment = SegmentGrid(m.extraPerSegment, segments: segments)
        steps = SegmentGrid(SegmentStep.grid(layout: m.layout, isCheckDay: m.isCheckDay).map(\.rawValue), segments: segments)
        reportedChecksBefore = FixedBuffer((0...days).map(m.reportedChecks(before:)))
        headcountInputs = FixedBuffer(m.inputGroups.enumerated().compactMap { input, group in group.map { (input, $0) } })
        casesInput = m.inputGroups.firstIndex(of: nil)!
        scheduledHeadcount = DayGrid(m.scheduledHeadcount, days: days)
        scheduledCapacity = DayGrid(m.scheduledCapacity, days: days)
        self.opening = opening
        let (shares, scheduled, groups) = (shiftShares, scheduledCapacity, groups)
        scheduledShiftCapacity = SegmentGrid((0..<days).flatMap { d in
            (0..<m.layout.count).map { s in
                d < opening.days ? opening.capacity(day: d, segment: s, groups: groups, from: scheduled)
                    : shares.capacity(day: d, segment: s, groups: groups, from: scheduled)
            }
        }, segments: segments)
        engineerGroups = FixedBuffer(m.engineers.map { Int32($0.group) })
        engineerCapacities = FixedBuffer(m.engineers.map(\.capacity))
        sickAtStart = FixedBuffer(m.engineers.map(\.sickAtStart))
        anySickAtStart = m.engineers.contains(where: \.sickAtStart)
        fallsSick = FixedBuffer(m.engineers.map(\.fallsSick))
        engineerScheduled = DayGrid(m.engineers.flatMap(\.scheduled), days: days)
        unbookedLeaveRate = FixedBuffer(m.unbookedLeaveRate)
        leaveDaysPerYear = FixedBuffer(m.engineers.map(\.leaveDaysPerYear))
        let largestRate = m.unbookedLeaveRate.isEmpty ? 0 : m.unbookedLeaveRate[m.firstUnbookedLeaveDay...].max() ?? 0
        let tops = m.engineers.map { min(1, $0.leaveDaysPerYear * largestRate) }
        leaveTopProbability = FixedBuffer(tops)
        leaveWaits = FixedBuffer(tops.map { GeometricSampler(p: $0) })
        leaveSpellLength = GeometricSampler(p: 1 / (scenario.unbookedLeave?.meanSpellDays ?? 1), tabulating: true)
        firstUnbookedLeaveDay = m.firstUnbookedLeaveDay
        hasUnbookedLeave = tops.contains { $0 > 0 }
        engineerRampCapacity = m.engineers.contains { $0.rampCapacity != nil }
            ? DayGrid(m.engineers.flatMap { $0.rampCapacity ?? Array(repeating: $0.capacity, count: m.dayCount + 1) }, days: m.dayCount) : nil
        engineerCounted = m.engineers.contains { $0.counted != nil }
            ? DayGrid(m.engineers.flatMap { $0.counted ?? $0.scheduled }, days: m.dayCount) : nil
        attritionClocks = FixedBuffer(m.engineers.map(\.attritionClock))
        departureProbabilities = FixedBuffer(m.departureProbabilities)
        departureWaits = FixedBuffer(m.departureProbabilities.map { GeometricSampler(p: $0) })
        noticeDays = FixedBuffer(m.noticeDays)
        hasAttrition = m.departureProbabilities.contains { $0 > 0 } && !m.engineers.isEmpty
    }
}
