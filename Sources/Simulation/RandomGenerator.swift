import CGSL
import Statistics

/// One GSL taus2 generator (L'Ecuyer's maximally equidistributed combined Tausworthe generator,
/// period about 2^88), owned and freed by this object.
///
/// Not thread-safe, like the `gsl_rng` it wraps: each worker owns its own, reseeded for every
/// trial (`StreamSeed`).
///
/// Seeding sets the whole state from 64 bits. `gsl_rng_set` would reduce a seed to 32 bits
/// (taus2 passes it through a 32-bit LCG), so seeds that agree in their low 32 bits would give the
/// same stream, and a run of a million trials would see about 120 such collisions between its
/// trials' seeds.
package final class RandomGenerator {
    /// The generator type every stream of a run uses.
    static var algorithm: UnsafePointer<gsl_rng_type> { cgsl_rng_taus2() }

    package let pointer: UnsafeMutablePointer<gsl_rng>
    /// The same generator's uniforms, drawn inline; valid while this generator lives.
    package let uniforms: Uniforms

    package init(seed: UInt64) throws(GSLError) {
        GSLRuntime.setUp()
        guard let rng = gsl_rng_alloc(Self.algorithm) else { throw .outOfMemory }
        // The state struct of GSL's taus.c: three unsigned longs, s1, s2, s3.
        guard gsl_rng_size(rng) == 3 * MemoryLayout<UInt>.size else {
            gsl_rng_free(rng)
            throw .invalidArgument
        }
        pointer = rng
        uniforms = Uniforms(rng)
        reseed(seed)
    }

    deinit { gsl_rng_free(pointer) }

    /// Sets the state from `seed`, one to one: distinct seeds give distinct states, hence distinct
    /// streams.
    ///
    /// Each of taus2's three components ignores its lowest bits (s1 one, s2 three, s3 four) and
    /// needs a non-zero rest. The seed, mixed (a bijection, so that seeds differing in a few bits
    /// give unrelated states), is cut into 22, 21 and 21 bits placed above the ignored bits of
    /// s1, s2 and s3, each component's top bit set so that none is zero. Then the state advances
    /// six steps, the warm-up of GSL's own `taus2_set`. O(1).
    package func reseed(_ seed: UInt64) {
        let x = StreamSeed.mix(seed)
        let top: UInt = 1 << 31
        let state = uniforms.state
        state[0] = top | UInt(x & 0x3F_FFFF) << 1
        state[1] = top | UInt(x >> 22 & 0x1F_FFFF) << 3
        state[2] = top | UInt(x >> 43) << 4
        for _ in 0..<6 { _ = uniforms.next() }
    }
}
