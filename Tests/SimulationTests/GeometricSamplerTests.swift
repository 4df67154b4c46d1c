import CGSL
import Foundation
import Testing
@testable import Simulation

@Suite struct GeometricSamplerTests {
    /// Same generator state, same variate as GSL's, draw for draw, tabulated (where the
    /// variates are short enough) or not.
    @Test(arguments: [1.0, 0.999, 0.4, 0.17, 0.16, 0.15, 0.0066, 0.00001], [false, true])
    func equalsGSLDrawForDraw(p: Double, tabulating: Bool) throws {
        let ours = try RandomGenerator(seed: 99)
        let theirs = try RandomGenerator(seed: 99)
        let sampler = GeometricSampler(p: p, tabulating: tabulating)
        for _ in 0..<100_000 {
            #expect(sampler.sample(ours.uniforms) == Int(gsl_ran_geometric(theirs.pointer, p)))
        }
    }

    /// Where log(1 − p) rounds to 0 (GSL would divide by zero) and at p = 0, every wait is past any
    /// horizon: capped at Int32.max, never a trap. At p = 1e-15 it is about 10^15 days, capped too.
    @Test(arguments: [0.0, 1e-18, 1e-15])
    func vanishingProbabilitiesWaitPastAnyHorizon(p: Double) throws {
        let rng = try RandomGenerator(seed: 5)
        let sampler = GeometricSampler(p: p)
        for _ in 0..<1_000 { #expect(sampler.sample(rng.uniforms) == Int(Int32.max)) }
    }

    /// The tabulated samplers (variates of at most `tabulatedUpTo`) hold, for each k, the
    /// smallest 32-bit uniform whose GSL variate is k or less: at it the variate is ≤ k, one
    /// step below it > k. Both sides of the switch: p = 0.16 is tabulated (longest 128), 0.15 not.
    @Test(arguments: [1.0, 0.999, 0.4, 1 / 2.5, 1 / 5.0, 0.16])
    func thresholdsAreGSLsBoundaries(p: Double) throws {
        let sampler = GeometricSampler(p: p, tabulating: true)
        let thresholds = try #require(sampler.thresholds)
        let step = 0x1p-32
        for k in 1...thresholds.count {
            let threshold = thresholds[k - 1]
            // gsl_ran_geometric's own expression.
            func gsl(_ u: Double) -> Int { p == 1 ? 1 : Int(log(u) / log(1 - p) + 1) }
            if k == thresholds.count {
                #expect(threshold == 0 && gsl(step) == k, "p \(p): the last variate, \(k), at the smallest uniform")
            } else {
                #expect(gsl(threshold) <= k && gsl(threshold - step) > k, "p \(p), k \(k), threshold \(threshold)")
            }
        }
        #expect(GeometricSampler(p: 0.15, tabulating: true).thresholds == nil)
        #expect(GeometricSampler(p: p).thresholds == nil, "a sampler not asked to tabulate does not")
    }
}
