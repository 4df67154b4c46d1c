import Buffers
import CGSL
import Foundation

/// Geometric variates (trials up to and including the first success, k ≥ 1) with the success
/// probability fixed for many draws, as GSL draws them but with log(1 − p) computed once.
///
/// `gsl_ran_geometric` computes k = ⌊log(u) / log(1 − p)⌋ + 1 from one positive uniform and takes
/// two logarithms a draw; the spell model draws a few per SE per trial with the same p, so holding
/// log(1 − p) halves the cost. The variate is the same function of the same uniform, so it equals
/// GSL's draw for draw (`GeometricSamplerTests`).
///
/// A p whose variates are short (at most `tabulatedUpTo` days even at the smallest uniform, as
/// the spell lengths' are), held for a whole run, needs no logarithm at all: a uniform is a multiple of 2^-32, the
/// variate is non-increasing in it, so for each k there is a smallest uniform whose variate is
/// k or less, found once by bisection over the 2^32 uniforms with the formula itself. A draw
/// then counts the thresholds above its uniform: the same function of the same uniform.
struct GeometricSampler {
    /// The longest variate tabulated (a p of about 0.16 or more).
    static let tabulatedUpTo = 128

    let p: Double
    /// log(1 − p), or 0 when p = 1 (every trial succeeds). When 1 − p rounds to 1 (p below about
    /// 1e-16), log(1 − p) would be 0 and every draw infinite: −p is its value to double precision
    /// (and for p = 0 it is −0, so the wait is +infinity, capped below like any huge one).
    let logFailure: Double
    /// `thresholds[k - 1]`: the smallest uniform whose variate is at most k, the last 0; nil
    /// when the variates can be longer than `tabulatedUpTo`.
    let thresholds: FixedBuffer<Double>?

    /// `tabulating` short variates costs up to 32 · `tabulatedUpTo` logarithms: for a p held
    /// for many draws (the model's), not one drawn per trial.
    init(p: Double, tabulating: Bool = false) {
        self.p = p
        logFailure = p == 1 ? 0 : (1 - p < 1 ? Foundation.log(1 - p) : -p)
        let longest = tabulating ? Self.variate(0x1p-32, p: p, logFailure: logFailure) : Int.max
        guard longest <= Self.tabulatedUpTo else {
            thresholds = nil
            return
        }
        let logFailure = logFailure
        thresholds = FixedBuffer((1...longest).map { k in
            // The smallest n in 1…2^32 − 1 with variate(n / 2^32) ≤ k (k = longest: n = 1, stored as 0).
            guard k < longest else { return 0 }
            var (low, high) = (UInt64(1), UInt64(1) << 32 - 1)
            while low < high {
                let middle = (low + high) / 2
                if Self.variate(Double(middle) / 4_294_967_296.0, p: p, logFailure: logFailure) <= k { high = middle } else { low = middle + 1 }
            }
            return Double(low) / 4_294_967_296.0
        })
    }

    /// GSL's formula, with very large values (p near 0, or 0: never) capped at `Int32.max`,
    /// beyond any horizon.
    @inline(__always)
    private static func variate(_ u: Double, p: Double, logFailure: Double) -> Int {
        if p == 1 { return 1 }
        return Int(min(Foundation.log(u) / logFailure + 1, Double(Int32.max)))
    }

    /// The variate of uniform u by GSL's formula, whether or not it is tabulated.
    @inline(__always)
    func formula(_ u: Double) -> Int { Self.variate(u, p: p, logFailure: logFailure) }

    /// The next variate.
    @inline(__always)
    func sample(_ uniforms: Uniforms) -> Int {
        let u = uniforms.positive()
        guard let thresholds else { return formula(u) }
        var k = 0
        while u < thresholds[k] { k &+= 1 }
        return k &+ 1
    }
}
