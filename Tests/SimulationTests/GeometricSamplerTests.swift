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
            #expect(sampler.sample(ours.pointer) == Int(gsl_ran_geometric(theirs.pointer, p)))
        }
    }
}
