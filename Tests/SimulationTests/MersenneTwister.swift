import CGSL
@testable import Simulation
import Statistics

/// The twin's generator: GSL's Mersenne Twister, another family than the kernel's taus2, so that
/// the twin and the kernel share neither code nor random numbers. Seeded with `gsl_rng_set`.
final class MersenneTwister {
    let pointer: UnsafeMutablePointer<gsl_rng>

    init(seed: UInt32) throws(GSLError) {
        GSLRuntime.setUp()
        guard let rng = gsl_rng_alloc(cgsl_rng_mt19937()) else { throw .outOfMemory }
        gsl_rng_set(rng, UInt(seed))
        pointer = rng
    }

    deinit { gsl_rng_free(pointer) }
}
