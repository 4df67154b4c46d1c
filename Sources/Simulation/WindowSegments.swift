import Buffers
import CGSL
import Statistics

/// A window's draws segment by segment, for the windows where the queue may run dry
/// (docs/MODEL.md §7).
///
/// Between two checks the level holds, so each segment's arrivals and resolution draw are
/// independent Poisson counts whose means do not depend on the queue. Where the cases open at
/// the window's start are well above its resolution mean, the day loop draws the window's two
/// totals from the inflow and work streams: unless the resolutions drawn exceed the open cases,
/// no segment can resolve fewer than its draw, and the window ends at open + arrivals −
/// resolutions whichever segment each case falls in. Otherwise the segments' counts matter, and
/// this type draws them, from a generator of its own:
/// - `simulate`: a window decided segment by segment before anything is drawn (the open cases
///   are below `drawsTotals`' bound) takes one Poisson draw per worked segment and per run of
///   arrivals up to one, exactly as the model states them;
/// - `split`: a window drawn as totals whose resolutions exceed the open cases is shared out
///   by successive binomial draws (`gsl_ran_binomial`): given Poisson totals, independent
///   Poisson counts are multinomial with the segments' shares of the mean, so the totals and
///   the split together have exactly the distribution of one draw per segment.
///
/// Either way the window's totals take their four uniforms from the inflow and work streams
/// (two each; inverted only when used), so every stream advances the same way whatever the open
/// cases. The generator is reseeded for each window it draws for from the two streams' states
/// after those uniforms: they differ from window to window and trial to trial, and are the same
/// in a variant that stands where the base stood. So drawing segment by segment moves no stream
/// a later draw reads, and a trial some cases above its partner draws what the partner draws
/// wherever both take the same path (`Rejoin`).
final class WindowSegments {
    let generator: RandomGenerator
    let sampler: PoissonSampler
    /// Per segment of the window: its arrival mean (before the level's kept share) and its
    /// resolution mean (0 where no shift reaches it). Written by the day loop.
    let arrivalMeans: FixedBuffer<Double>
    let resolutionMeans: FixedBuffer<Double>
    /// Per segment: the means of it and the segments after it in the window (`split`).
    private let resolutionsAfter: FixedBuffer<Double>
    private let arrivalsAfter: FixedBuffer<Double>

    init(segments: Int, sampler: PoissonSampler) throws(GSLError) {
        generator = try RandomGenerator(seed: 0)
        self.sampler = sampler
        arrivalMeans = FixedBuffer(repeating: 0, count: segments)
        resolutionMeans = FixedBuffer(repeating: 0, count: segments)
        resolutionsAfter = FixedBuffer(repeating: 0, count: segments + 1)
        arrivalsAfter = FixedBuffer(repeating: 0, count: segments + 1)
    }

    /// Whether a window with resolution mean `mean` that starts with `open` cases is drawn as
    /// totals: at least mean + 2 cases open. Below, most windows' resolutions would exceed the
    /// open cases and need `split`; the segments' own draws (`simulate`) cost less there. Only
    /// the cost depends on the bound (both ways are exact); among bounds from mean − 4√mean to
    /// mean + 5√mean, mean + 2 measured fastest on December and within the noise of the fastest
    /// on the year of 200 SEs (docs/PERFORMANCE.md).
    @inline(__always)
    static func drawsTotals(open: Int, mean: Double) -> Bool { Double(open) >= mean + 2 }

    /// The open cases at the end of a window of `n` segments that starts with `open` cases, its
    /// arrivals kept at the share `kept`, drawn segment by segment. A run of segments up to a
    /// worked one takes one arrival draw with the summed mean, and a segment with nothing open
    /// takes no resolution draw. O(n) draws.
    func simulate(open start: Int, kept: Double, segments n: Int, after inflow: Uniforms, _ work: Uniforms) -> Int {
        reseed(after: inflow, work)
        let uniforms = generator.uniforms
        var (open, pending) = (start, 0.0)
        for s in 0..<n {
            pending += arrivalMeans[s]
            let mean = resolutionMeans[s]
            guard mean > 0 else { continue }
            open += sampler.sample(mean: pending * kept, uniforms, spare: uniforms)
            pending = 0
            if open > 0 { open -= min(open, sampler.sample(mean: mean, uniforms, spare: uniforms)) }
        }
        if pending > 0 { open += sampler.sample(mean: pending * kept, uniforms, spare: uniforms) }
        return open
    }

    /// The open cases at the end of a window of `n` segments that starts with `open` cases and
    /// drew `arrivals` and `resolutions` in all, more resolutions than open cases, and whether
    /// the queue ran dry: a segment drew more resolutions than it had cases, so a trial some
    /// cases above would have resolved more (`CheckpointSink`'s emptied days). O(n) binomial
    /// draws at most.
    func split(open start: Int, arrivals: Int, resolutions: Int, segments n: Int, after inflow: Uniforms, _ work: Uniforms) -> (open: Int, emptied: Bool) {
        reseed(after: inflow, work)
        arrivalsAfter[n] = 0
        resolutionsAfter[n] = 0
        for s in stride(from: n - 1, through: 0, by: -1) {
            arrivalsAfter[s] = arrivalsAfter[s + 1] + arrivalMeans[s]
            resolutionsAfter[s] = resolutionsAfter[s + 1] + resolutionMeans[s]
        }
        var (open, arrivalsLeft, resolutionsLeft, emptied) = (start, arrivals, resolutions, false)
        // The arrivals of the segments up to a worked one are drawn together: only their sum
        // is available to its resolutions.
        var pendingFrom = 0
        for s in 0..<n where resolutionMeans[s] > 0 {
            // What is left cannot run the queue dry: the rest only adds and subtracts.
            if open >= resolutionsLeft { break }
            let pendingMean = arrivalsAfter[pendingFrom] - arrivalsAfter[s + 1]
            let arrived = binomial(arrivalsLeft, pendingMean / arrivalsAfter[pendingFrom])
            let drawn = binomial(resolutionsLeft, resolutionMeans[s] / resolutionsAfter[s])
            (arrivalsLeft, resolutionsLeft, pendingFrom) = (arrivalsLeft - arrived, resolutionsLeft - drawn, s + 1)
            open += arrived
            if drawn > open { (open, emptied) = (0, true) } else { open -= drawn }
        }
        return (open + arrivalsLeft - resolutionsLeft, emptied)
    }

    /// A Binomial(`n`, `p`) count; n may exceed `gsl_ran_binomial`'s 32 bits (then a sum of
    /// binomials with the same p). A p outside (0, 1) from rounding answers 0 or n.
    private func binomial(_ n: Int, _ p: Double) -> Int {
        guard n > 0, p > 0 else { return 0 }
        guard p < 1 else { return n }
        var (left, count) = (n, 0)
        while left > 0 {
            let chunk = min(left, Int(UInt32.max))
            count += Int(gsl_ran_binomial(generator.pointer, p, UInt32(chunk)))
            left -= chunk
        }
        return count
    }

    /// Seeds the generator from the two streams' states (96 bits, folded into 64 and mixed).
    /// The state is set as `RandomGenerator.reseed` sets it, without its six warm-up steps:
    /// those stand in for GSL's own seeding, whose 32-bit LCG leaves nearby seeds' states alike,
    /// while a mixed seed's are unrelated already.
    @inline(__always)
    private func reseed(after inflow: Uniforms, _ work: Uniforms) {
        let (i, w) = (inflow.state, work.state)
        let x = StreamSeed.mix(UInt64(w[0]) << 32 ^ UInt64(w[1]) ^ UInt64(w[2]) << 21 ^ UInt64(i[0]) << 11 ^ UInt64(i[1]) << 43 ^ UInt64(i[2]))
        let top: UInt = 1 << 31, state = generator.uniforms.state
        state[0] = top | UInt(x & 0x3F_FFFF) << 1
        state[1] = top | UInt(x >> 22 & 0x1F_FFFF) << 3
        state[2] = top | UInt(x >> 43) << 4
    }
}
