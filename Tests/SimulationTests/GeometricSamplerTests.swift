import CGSL
import Testing
@testable import Simulation

@Suite struct GeometricSamplerTests {
    /// Same generator state, same variate as GSL's, draw for draw.
    @Test(arguments: [1.0, 0.4, 0.0066, 0.00001])
    func equalsGSLDrawForDraw(p: Double) throws {
        let ours = try RandomGenerator(seed: 99)
        let theirs = try RandomGenerator(seed: 99)
        let sampler = GeometricSampler(p: p)
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
}
