import CGSL

/// The uniform variates of one `RandomGenerator`, computed inline from its taus2 state.
///
/// The kernel draws about a hundred uniforms a trial; through GSL each costs two indirect calls
/// (`gsl_rng_uniform`, then the generator type's `get_double`) that the compiler cannot inline.
/// Here the step of GSL's `taus.c` is written out, so a draw is a dozen instructions in the
/// caller. The numbers are GSL's, draw for draw (`UniformsTests` compares them), so GSL's own
/// samplers (`gsl_ran_gamma`) can be given `rng` and share the same stream.
public struct Uniforms {
    /// The generator, for GSL's samplers.
    public let rng: UnsafeMutablePointer<gsl_rng>
    /// taus2's state: s1, s2, s3, each below 2^32 in an unsigned long.
    @usableFromInline let state: UnsafeMutablePointer<UInt>

    init(_ rng: UnsafeMutablePointer<gsl_rng>) {
        self.rng = rng
        state = gsl_rng_state(rng).assumingMemoryBound(to: UInt.self)
    }

    /// The next 32-bit output, as `gsl_rng_get`. O(1).
    @inlinable @inline(__always)
    public func next() -> UInt {
        @inline(__always) func tausworthe(_ s: UInt, _ a: UInt, _ b: UInt, _ c: UInt, _ d: UInt) -> UInt {
            ((s & c) << d) & 0xFFFF_FFFF ^ ((((s << a) & 0xFFFF_FFFF) ^ s) >> b)
        }
        let s1 = tausworthe(state[0], 13, 19, 4_294_967_294, 12)
        let s2 = tausworthe(state[1], 2, 25, 4_294_967_288, 4)
        let s3 = tausworthe(state[2], 3, 11, 4_294_967_280, 17)
        state[0] = s1
        state[1] = s2
        state[2] = s3
        return s1 ^ s2 ^ s3
    }

    /// Uniform on [0, 1), as `gsl_rng_uniform`. O(1).
    @inlinable @inline(__always)
    public func uniform() -> Double { Double(next()) / 4_294_967_296.0 }

    /// Uniform on (0, 1), as `gsl_rng_uniform_pos`. O(1) expected.
    @inlinable @inline(__always)
    public func positive() -> Double {
        while true {
            let u = uniform()
            if u != 0 { return u }
        }
    }
}
