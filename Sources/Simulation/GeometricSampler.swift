import CGSL
import Foundation

/// Geometric variates (trials up to and including the first success, k ≥ 1) with the success
/// probability fixed for many draws, as GSL draws them but with log(1 − p) computed once.
///
/// `gsl_ran_geometric` computes k = ⌊log(u) / log(1 − p)⌋ + 1 from one positive uniform and takes
/// two logarithms a draw; the spell model draws a few per SE per trial with the same p, so holding
/// log(1 − p) halves the cost. The variate is the same function of the same uniform, so it equals
/// GSL's draw for draw (`GeometricSamplerTests`).
struct GeometricSampler {
    let p: Double
    /// log(1 − p), or 0 when p = 1 (every trial succeeds). When 1 − p rounds to 1 (p below about
    /// 1e-16), log(1 − p) would be 0 and every draw infinite: −p is its value to double precision
    /// (and for p = 0 it is −0, so the wait is +infinity, capped below like any huge one).
    private let logFailure: Double

    init(p: Double) {
        self.p = p
        logFailure = p == 1 ? 0 : (1 - p < 1 ? Foundation.log(1 - p) : -p)
    }

    /// The next variate; very large values (p near 0, or 0: never) are capped at `Int32.max`,
    /// beyond any horizon.
    @inline(__always)
    func sample(_ uniforms: Uniforms) -> Int {
        let u = uniforms.positive()
        if p == 1 { return 1 }
        return Int(min(Foundation.log(u) / logFailure + 1, Double(Int32.max)))
    }
}
