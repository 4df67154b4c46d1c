import CapacityPolicy
import CGSL
import GSLSupport

/// Simulates trials of a `SimulationModel` (MODEL.md §3–6) and records them in a `Tally`.
///
/// One kernel per worker thread: it owns its three GSL generators, one per stream, so that the
/// absence, inflow and work draws of a block of trials do not depend on one another (common random
/// numbers between scenarios that differ in one part) nor on which thread runs the block.
///
/// Draws are made as MODEL.md states them or in exactly equivalent form:
/// - sickness: instead of a Bernoulli trial each day, the waiting time to the next spell is drawn
///   as a geometric variate (the number of days up to the first success of daily Bernoulli(p)
///   trials), and a spell lasts a geometric number of days with the scenario's mean; spells are
///   rare, so a trial makes a few draws per SE instead of one per SE per day (`GeometricSampler`,
///   the same variates as `gsl_ran_geometric`);
/// - arrivals: a day's Poisson cases split binomially between segments are independent Poisson
///   counts per segment (Poisson thinning), and so are the cases kept after a binomial diversion,
///   so each segment takes one Poisson draw with mean λ_d·D·share·(1 − diverted);
/// - Poisson variates come from `PoissonSampler` (arrivals) and `PoissonInversionCache`
///   (resolutions, whose means recur), both exact and cheaper than `gsl_ran_poisson`.
public final class TrialKernel {
    public enum Stream: UInt64, CaseIterable { case absence = 1, inflow = 2, work = 3 }

    let model: SimulationModel
    let policy: CompiledPolicy
    let sampler = PoissonSampler()
    let resolutions = PoissonInversionCache()
    let absence: RandomGenerator
    let inflow: RandomGenerator
    let work: RandomGenerator
    /// The model's numbers, copied once into plain buffers: the hot loop reads them without
    /// reference counting or copying the model.
    let tables: KernelTables
    // Scratch buffers, allocated once: the hot loop then pays no copy-on-write or exclusivity checks.
    /// Working headcount per group and day, copied from the schedule then reduced by sickness:
    /// `[group * (days + 1) + day + 1]`.
    let headcount: UnsafeMutableBufferPointer<Int32>
    /// Working capacity (sum of capacity factors) per group and day, laid out as `headcount`.
    /// Recomputed per segment from these sums, rather than adjusted in place, so that a segment's
    /// expected resolutions are bit-identical whenever the same people work: the resolution
    /// sampler's tables are keyed by that value.
    let capacity: UnsafeMutableBufferPointer<Double>
    let inputs: UnsafeMutableBufferPointer<Int32>
    /// What the trial saw at each reported check, recorded into the tally once the trial ends.
    let checkLevels: UnsafeMutableBufferPointer<UInt8>
    let checkOpen: UnsafeMutableBufferPointer<Int32>
    let checkHeadcounts: UnsafeMutableBufferPointer<Int32>

    public init(model: SimulationModel) throws(GSLError) {
        self.model = model
        self.policy = model.policy
        absence = try RandomGenerator(.taus2, seed: 1)
        inflow = try RandomGenerator(.taus2, seed: 2)
        work = try RandomGenerator(.taus2, seed: 3)
        tables = KernelTables(model)
        headcount = .allocate(capacity: model.scheduledHeadcount.count)
        capacity = .allocate(capacity: model.scheduledCapacity.count)
        inputs = .allocate(capacity: model.scenario.policy.inputs.count)
        checkLevels = .allocate(capacity: model.checks.count)
        checkOpen = .allocate(capacity: model.checks.count)
        checkHeadcounts = .allocate(capacity: model.checks.count * model.groups.count)
    }

    deinit {
        tables.deallocate()
        headcount.deallocate()
        capacity.deallocate()
        inputs.deallocate()
        checkLevels.deallocate()
        checkOpen.deallocate()
        checkHeadcounts.deallocate()
    }

    /// Seeds the three streams for trial `trial` (counted within its block) of block `block` of a
    /// run with master seed `seed`.
    ///
    /// Each block's stream seed comes from (master seed, block, stream), as MODEL.md §7 states;
    /// each trial then takes its own substream of it. Without the substreams, a trial that drew a
    /// different number of variates (because a what-if changed it) would shift every later trial
    /// of its block; with them, a change to a scenario leaves the other trials' draws untouched.
    public func seed(master seed: UInt64, block: UInt64, trial: UInt64) {
        for (generator, stream) in [(absence, Stream.absence), (inflow, .inflow), (work, .work)] {
            let blockSeed = StreamSeed.derive(master: seed, block: block, stream: stream.rawValue)
            generator.reseed(StreamSeed.derive(master: UInt64(blockSeed), block: trial, stream: 0))
        }
    }

    /// Runs one trial and records it.
    public func runTrial(into tally: inout Tally) {
        let t = tables
        let days = t.days, k = t.segments, groups = t.groups, stride = days + 1
        let (absenceRNG, inflowRNG, workRNG) = (absence.pointer, inflow.pointer, work.pointer)
        let (headcount, capacity, inputs) = (self.headcount, self.capacity, self.inputs)

        // Absence (MODEL.md §3).
        _ = headcount.initialize(from: t.scheduledHeadcount)
        _ = capacity.initialize(from: t.scheduledCapacity)
        if t.dailyStartProbability > 0 {
            var severity = 1.0
            if t.severityCV > 0 {
                let shape = 1 / (t.severityCV * t.severityCV)
                severity = gsl_ran_gamma(absenceRNG, shape, 1 / shape)
            }
            let spellStart = GeometricSampler(p: min(1, t.dailyStartProbability * severity))
            for se in 0..<t.engineerGroups.count {
                let g = Int(t.engineerGroups[se])
                var day = 0
                while day < days {
                    let start = day + spellStart.sample(absenceRNG) - 1
                    if start >= days { break }
                    let length = t.spellLength.sample(absenceRNG)
                    for d in start..<min(days, start + length) where t.engineerScheduled[se * stride + d + 1] != 0 {
                        headcount[g * stride + d + 1] -= 1
                        capacity[g * stride + d + 1] -= t.engineerCapacities[se]
                    }
                    day = start + length
                }
            }
        }

        // Inflow shock and the starting backlog (MODEL.md §4–5).
        var demand = 1.0
        if t.demandCV > 0 {
            let shape = 1 / (t.demandCV * t.demandCV)
            demand = gsl_ran_gamma(inflowRNG, shape, 1 / shape)
        }
        var open = t.initialOpenIsPoisson ? sampler.sample(mean: t.initialOpen, inflowRNG) : Int(t.initialOpen)

        var level = 0
        for d in 0..<days {
            var dayFactor = demand
            if t.dispersion > 0 { dayFactor *= gsl_ran_gamma(inflowRNG, t.dispersion, 1 / t.dispersion) }
            let spike = t.spikeProbability > 0 && gsl_rng_uniform(inflowRNG) < t.spikeProbability
            for s in 0..<k {
                var mean = t.arrivalMeans[d * k + s] * dayFactor
                if spike { mean += t.spikeMeans[s] }
                let arrivals = sampler.sample(mean: mean * t.keptShares[level], inflowRNG)

                var shiftCapacity = 0.0
                for g in 0..<groups {
                    for offset in 0..<min(3, d + 2) {
                        shiftCapacity += t.shiftShares[(g * 3 + offset) * k + s] * capacity[g * stride + d - offset + 1]
                    }
                }
                let expected = t.resolve * shiftCapacity * t.multipliers[level] + t.extraPerSegment[level * k + s]
                let resolved = min(open + arrivals, resolutions.sample(mean: expected, workRNG))
                open += arrivals - resolved

                guard t.isCheckDay[d] != 0 else { continue }
                for i in 0..<inputs.count {
                    let group = Int(t.inputGroups[i])
                    inputs[i] = group >= 0 ? headcount[group * stride + d + 1] : Int32(clamping: open)
                }
                level = policy.level(UnsafePointer(inputs.baseAddress!))
                let c = Int(t.checkIndex[d * k + s])
                if c >= 0 {
                    checkLevels[c] = UInt8(level)
                    checkOpen[c] = Int32(clamping: open)
                    for g in 0..<groups { checkHeadcounts[c * groups + g] = headcount[g * stride + d + 1] }
                }
            }
        }
        tally.recordTrial(levels: UnsafeBufferPointer(checkLevels), open: UnsafeBufferPointer(checkOpen), headcounts: UnsafeBufferPointer(checkHeadcounts))
    }
}

/// The numbers of a `SimulationModel` a trial reads, as plain values and buffers (see
/// `SimulationModel` for what each means).
struct KernelTables {
    let days: Int, segments: Int, groups: Int
    let resolve: Double
    let dailyStartProbability: Double, severityCV: Double
    /// A spell lasts a geometric number of days with mean `mean_spell_days` (success probability 1/mean).
    let spellLength: GeometricSampler
    let demandCV: Double
    /// 0 for Poisson inflow.
    let dispersion: Double
    let spikeProbability: Double
    let initialOpen: Double, initialOpenIsPoisson: Bool
    let arrivalMeans: UnsafeMutableBufferPointer<Double>
    let spikeMeans: UnsafeMutableBufferPointer<Double>
    let keptShares: UnsafeMutableBufferPointer<Double>
    let shiftShares: UnsafeMutableBufferPointer<Double>
    let multipliers: UnsafeMutableBufferPointer<Double>
    let extraPerSegment: UnsafeMutableBufferPointer<Double>
    let isCheckDay: UnsafeMutableBufferPointer<UInt8>
    let checkIndex: UnsafeMutableBufferPointer<Int32>
    /// Per policy input: its group, or -1 for the cases input.
    let inputGroups: UnsafeMutableBufferPointer<Int32>
    let scheduledHeadcount: UnsafeMutableBufferPointer<Int32>
    let scheduledCapacity: UnsafeMutableBufferPointer<Double>
    let engineerGroups: UnsafeMutableBufferPointer<Int32>
    let engineerCapacities: UnsafeMutableBufferPointer<Double>
    /// `[se * (days + 1) + day + 1]`: 1 when scheduled.
    let engineerScheduled: UnsafeMutableBufferPointer<UInt8>

    init(_ m: SimulationModel) {
        func copy<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, values.count))
            _ = buffer.initialize(from: values)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<values.count])
        }
        let scenario = m.scenario
        days = m.dayCount
        segments = m.windows.count
        groups = m.groups.count
        resolve = scenario.resolvePerShift
        dailyStartProbability = scenario.sickness.dailyStartProbability
        spellLength = GeometricSampler(p: 1 / scenario.sickness.meanSpellDays)
        severityCV = scenario.sickness.severityCV
        demandCV = scenario.inflow.demandCV
        dispersion = scenario.inflow.dispersion ?? 0
        spikeProbability = scenario.inflow.spikeProbability
        switch scenario.initialOpenCases {
        case .fixed(let n): (initialOpen, initialOpenIsPoisson) = (Double(n), false)
        case .poissonMean(let mean): (initialOpen, initialOpenIsPoisson) = (mean, true)
        }
        arrivalMeans = copy(m.arrivalMeans)
        spikeMeans = copy(m.spikeMeans)
        keptShares = copy(m.keptShares)
        shiftShares = copy(m.shiftShares)
        multipliers = copy(m.multipliers)
        extraPerSegment = copy(m.extraPerSegment)
        isCheckDay = copy(m.isCheckDay.map { $0 ? 1 : 0 })
        checkIndex = copy(m.checkIndex.map { Int32($0) })
        inputGroups = copy(m.inputGroups.map { Int32($0 ?? -1) })
        scheduledHeadcount = copy(m.scheduledHeadcount)
        scheduledCapacity = copy(m.scheduledCapacity)
        engineerGroups = copy(m.engineers.map { Int32($0.group) })
        engineerCapacities = copy(m.engineers.map(\.capacity))
        engineerScheduled = copy(m.engineers.flatMap { $0.scheduled.map { $0 ? UInt8(1) : 0 } })
    }

    func deallocate() {
        for buffer in [arrivalMeans, spikeMeans, keptShares, shiftShares, multipliers, extraPerSegment, scheduledCapacity, engineerCapacities] {
            buffer.baseAddress?.deallocate()
        }
        isCheckDay.baseAddress?.deallocate()
        engineerScheduled.baseAddress?.deallocate()
        checkIndex.baseAddress?.deallocate()
        inputGroups.baseAddress?.deallocate()
        scheduledHeadcount.baseAddress?.deallocate()
        engineerGroups.baseAddress?.deallocate()
    }
}
