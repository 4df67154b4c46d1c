import CGSL

extension Double {
    /// The value truncated towards zero, for a value its caller has shown to be finite and
    /// within ±2^63 (each caller says why in a comment): one `cvttsd2si` through the C helper
    /// `plan_truncate_in_range`, where `Int(self)` checks the value is finite and above and below
    /// the range first. On the Poisson sampler's whole mean and remainder cell and the recorded
    /// load, those checks were about 7% of a December trial's instructions (docs/PERFORMANCE.md).
    /// Debug builds, and so the tests and the internal-checks build, still check. O(1).
    @inline(__always)
    var truncatedInRange: Int {
        assert(magnitude < 0x1p63, "\(self) is outside the range of an unchecked conversion to Int")
        return plan_truncate_in_range(self)
    }
}
