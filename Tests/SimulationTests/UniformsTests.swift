import CGSL
import Testing
@testable import Simulation

/// The inline uniforms are GSL's taus2 numbers, draw for draw: the kernel's own draws and GSL's
/// samplers (given the same generator) share one stream.
@Suite struct UniformsTests {
    @Test(arguments: [0, 1, 12_345, UInt64.max, 1 << 40])
    func sameNumbersAsGSL(seed: UInt64) throws {
        let ours = try RandomGenerator(seed: seed), theirs = try RandomGenerator(seed: seed)
        for _ in 0..<10_000 {
            #expect(ours.uniforms.next() == gsl_rng_get(theirs.pointer))
            #expect(ours.uniforms.uniform() == gsl_rng_uniform(theirs.pointer))
            #expect(ours.uniforms.positive() == gsl_rng_uniform_pos(theirs.pointer))
        }
    }

    /// Interleaved with a GSL sampler on the same generator, the stream continues where GSL left it.
    @Test func sharesTheStreamWithGSLSamplers() throws {
        let ours = try RandomGenerator(seed: 5), theirs = try RandomGenerator(seed: 5)
        for _ in 0..<1_000 {
            #expect(gsl_ran_gamma(ours.pointer, 2.5, 0.4) == gsl_ran_gamma(theirs.pointer, 2.5, 0.4))
            #expect(ours.uniforms.uniform() == gsl_rng_uniform(theirs.pointer))
        }
    }
}
