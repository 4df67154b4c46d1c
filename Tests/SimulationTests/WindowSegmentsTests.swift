import CGSL
import Testing
@testable import Simulation

/// A window drawn as totals (split where the resolutions exceed the open cases) and a window
/// drawn segment by segment (`WindowSegments`) against the model as written: one Poisson draw
/// per segment's arrivals and per worked segment's resolutions, resolved = min(available, draw).
/// The exact distribution of the cases open at the window's end, and of whether the queue ran
/// dry, is computed by convolving the segments' Poisson probabilities; 200,000 windows are
/// compared with it by Pearson's chi-square at a false-alarm risk of 10⁻⁴ per test.
@Suite struct WindowSegmentsTests {
    /// Three segments: arrivals, none worked in the middle (01:00–09:00), resolutions either side.
    static let arrivalMeans = [2.0, 0.5, 3.0], resolutionMeans = [4.0, 0.0, 2.5]
    static let windows = 200_000

    /// The distribution of (open at the end, ran dry: some segment drew more resolutions than it
    /// had cases) of a window starting with `open` cases, per segment as the model states it,
    /// over 0..<`limit` open cases (the rest beyond 10⁻¹²).
    static func exact(open start: Int, limit: Int = 80) -> [Bool: [Double]] {
        var states: [Bool: [Double]] = [false: .init(repeating: 0, count: limit), true: .init(repeating: 0, count: limit)]
        states[false]![start] = 1
        for s in arrivalMeans.indices {
            var next: [Bool: [Double]] = [false: .init(repeating: 0, count: limit), true: .init(repeating: 0, count: limit)]
            for dry in [false, true] {
                for open in 0..<limit where states[dry]![open] > 0 {
                    for a in 0..<(limit - open) {
                        let pa = gsl_ran_poisson_pdf(UInt32(a), arrivalMeans[s]) * states[dry]![open]
                        let available = open + a
                        let mean = resolutionMeans[s]
                        guard mean > 0 else { next[dry]![available] += pa; continue }
                        // Fewer drawn than available, exactly all of them, or more (the queue ran dry).
                        for drawn in 0..<available { next[dry]![available - drawn] += pa * gsl_ran_poisson_pdf(UInt32(drawn), mean) }
                        next[dry]![0] += pa * gsl_ran_poisson_pdf(UInt32(available), mean)
                        next[true]![0] += pa * gsl_cdf_poisson_Q(UInt32(available), mean)
                    }
                }
            }
            states = next
        }
        return states
    }

    static func chiSquare(observed: [Bool: [Int]], expected: [Bool: [Double]]) -> (statistic: Double, degreesOfFreedom: Int) {
        var bins: [(Int, Double)] = []
        for dry in [false, true] {
            var (o, e) = (0, 0.0)
            for k in expected[dry]!.indices {
                (o, e) = (o + observed[dry]![k], e + expected[dry]![k] * Double(windows))
                if e >= 5 { bins.append((o, e)); (o, e) = (0, 0) }
            }
            if e > 0 || o > 0 { bins.append((o, e)) }
        }
        return (bins.reduce(0) { $0 + (Double($1.0) - $1.1) * (Double($1.0) - $1.1) / max($1.1, 1e-300) }, bins.count - 1)
    }

    static func segments() throws -> WindowSegments {
        let segments = try WindowSegments(segments: 3, sampler: PoissonSampler())
        for s in 0..<3 { (segments.arrivalMeans[s], segments.resolutionMeans[s]) = (arrivalMeans[s], resolutionMeans[s]) }
        return segments
    }

    @Test(arguments: [0, 3, 9])
    func totalsThenSplitHaveTheModelsDistribution(open: Int) throws {
        let (segments, inflow, work) = (try Self.segments(), try RandomGenerator(seed: 17), try RandomGenerator(seed: 18))
        var observed: [Bool: [Int]] = [false: .init(repeating: 0, count: 80), true: .init(repeating: 0, count: 80)]
        var splits = 0
        for _ in 0..<Self.windows {
            let arrivals = Int(gsl_ran_poisson(inflow.pointer, Self.arrivalMeans.reduce(0, +)))
            let resolutions = Int(gsl_ran_poisson(work.pointer, Self.resolutionMeans.reduce(0, +)))
            var end = (open: open + arrivals - resolutions, emptied: false)
            if resolutions > open {
                end = segments.split(open: open, arrivals: arrivals, resolutions: resolutions, segments: 3, after: inflow.uniforms, work.uniforms)
                splits += 1
            }
            observed[end.emptied]![min(end.open, 79)] += 1
        }
        let (statistic, df) = Self.chiSquare(observed: observed, expected: Self.exact(open: open))
        #expect(statistic < gsl_cdf_chisq_Qinv(1e-4, Double(df)), "chi-square \(statistic) on \(df) degrees of freedom")
        #expect(splits > Self.windows / 10)
    }

    @Test(arguments: [0, 3, 9])
    func segmentBySegmentHasTheModelsDistribution(open: Int) throws {
        let (segments, inflow, work) = (try Self.segments(), try RandomGenerator(seed: 19), try RandomGenerator(seed: 20))
        var observed: [Bool: [Int]] = [false: .init(repeating: 0, count: 80), true: .init(repeating: 0, count: 80)]
        for _ in 0..<Self.windows {
            // The day loop advances both streams by the totals' four uniforms before the window.
            _ = (inflow.uniforms.next(), inflow.uniforms.next(), work.uniforms.next(), work.uniforms.next())
            observed[false]![min(segments.simulate(open: open, kept: 1, segments: 3, after: inflow.uniforms, work.uniforms), 79)] += 1
        }
        // Segment by segment, a window does not say whether the queue ran dry (the day loop
        // does not follow such days at all): only the open cases are compared.
        let exact = Self.exact(open: open)
        let marginal = zip(exact[false]!, exact[true]!).map { $0 + $1 }
        let (statistic, df) = Self.chiSquare(observed: observed, expected: [false: marginal, true: .init(repeating: 0, count: 80)])
        #expect(statistic < gsl_cdf_chisq_Qinv(1e-4, Double(df)), "chi-square \(statistic) on \(df) degrees of freedom")
    }

    /// The kept share thins the arrivals: a window that keeps 30% of 10 expected cases and
    /// resolves nothing ends with Poisson(3) more cases.
    @Test func theKeptShareThinsTheArrivals() throws {
        let segments = try WindowSegments(segments: 2, sampler: PoissonSampler())
        (segments.arrivalMeans[0], segments.arrivalMeans[1]) = (4, 6)
        (segments.resolutionMeans[0], segments.resolutionMeans[1]) = (0, 1e-300)
        let (inflow, work) = (try RandomGenerator(seed: 21), try RandomGenerator(seed: 22))
        let draws = PoissonDraws(mean: 3, count: 100_000) {
            _ = (inflow.uniforms.next(), work.uniforms.next())
            return segments.simulate(open: 0, kept: 0.3, segments: 2, after: inflow.uniforms, work.uniforms)
        }
        #expect(draws.chiSquare(minimumExpected: 5).pValue > 1e-4)
    }

    /// Whether a window is drawn as totals or segment by segment depends on the open cases, but
    /// the inflow and work streams advance alike either way: a trial of December started with
    /// 2,000 open cases (totals almost everywhere) ends at the same inflow and work states as
    /// the same trial started with none (segment by segment wherever the queue is short), so
    /// every later draw meets the same uniforms (common random numbers).
    @Test func theStreamsAdvanceAlikeWhateverTheOpenCases() throws {
        var scenario = try DecemberModelTests.fileModel().scenario
        var kernels: [TrialKernel] = []
        for open in [0, 2_000] {
            scenario.initialOpenCases = .fixed(open)
            kernels.append(try TrialKernel(model: SimulationModel(scenario)))
        }
        for trial in 0..<50 {
            for kernel in kernels {
                kernel.seed(master: 7, block: 0, trial: UInt64(trial))
                kernel.simulateTrial(saving: nil)
            }
            #expect(kernels[0].inflow.uniforms.saved == kernels[1].inflow.uniforms.saved, "trial \(trial)")
            #expect(kernels[0].work.uniforms.saved == kernels[1].work.uniforms.saved, "trial \(trial)")
            // The two took different paths: the first reported check finds far more open cases in the second.
            #expect(kernels[0].checkOpen[0] + 500 < kernels[1].checkOpen[0], "trial \(trial)")
        }
    }
}
