import Buffers
import Foundation

/// Geometric waits for the sickness spells' starts, whose success probability each trial draws
/// afresh (the severity), without a logarithm a draw: the same variate of the same uniform as
/// `GeometricSampler`, except that a wait past `horizon` days is reported as `horizon + 1` (a
/// spell that would start there starts after the trial's last day either way).
///
/// The variate is 1 + ⌊log(u) / L⌋ with L = log(1 − p), which in exact arithmetic is
/// 1 + #{i ≥ 1 : e^(iL) ≥ u}. Once per trial the powers T_i = e^(iL) for i ≤ `horizon` are built
/// by repeated multiplication (relative error below 3.3e-16 · i, under 7e-13 at the longest
/// horizon tabulated), with a guide table over u; a draw looks its count up and steps a power or
/// two. The formula's own rounding (libm's logarithm within an ulp, a division, an addition)
/// moves its quotient, at most `longestHorizon` + 1, by under 1e-12: its ⌊·⌋ can differ from the
/// exact one only for a u within a relative 1e-12 · |L| of some T_i. So a uniform farther than a
/// relative `margin` = 1e-11 · (1 + |L|) from both powers it falls between gets the table's count,
/// which is then the formula's; any other uniform (about one draw in 10^10) takes the formula.
///
/// Building costs about 7,700 instructions a trial at a year's horizon (callgrind) against about
/// 55 saved a draw, so the kernel uses it only for teams that draw many waits (`pays`).
final class HorizonWaits {
    /// The longest horizon tabulated: the margin holds up to it.
    static let longestHorizon = 2_000
    /// Cells of the guide table over u: a power of two, so that u · cells is exact, and a
    /// uniform's cell is its 32 bits shifted right by `cellShift`.
    static let cells = 512, cellShift = 23
    /// The number of SEs who can fall sick from which the table pays: a year of 200 SEs draws
    /// about 700 waits a trial (−27,000 instructions with the table); a year of 14 draws about
    /// 50, which would not pay for building it.
    static let paysFrom = 64

    let horizon: Int
    /// T_0 = 1, T_1 … T_horizon, then −1: a sentinel below every uniform.
    let powers: FixedBuffer<Double>
    /// `guide[c]` = #{1 ≤ i ≤ horizon : T_i ≥ (c + 1) / cells}, a lower bound of the count of any
    /// u below (c + 1) / cells.
    let guide: FixedBuffer<Int32>
    /// This trial's formula, for the uniforms within the margin and for p = 0 or 1.
    private(set) var sampler = GeometricSampler(p: 1)
    private(set) var margin = 0.0
    /// 1 − `margin` and 1 + `margin`, the factors a draw's bounds take (computed once a trial,
    /// the same bits as a draw's own subtraction and addition).
    private var belowFactor = 1.0, aboveFactor = 1.0
    private var tabulated = false

    /// Scratch for waits within `horizon` days, nil for no days or beyond `longestHorizon`.
    init?(horizon: Int) {
        guard horizon >= 1 && horizon <= Self.longestHorizon else { return nil }
        self.horizon = horizon
        powers = FixedBuffer(repeating: 0, count: horizon + 2)
        guide = FixedBuffer(repeating: 0, count: Self.cells)
    }

    /// Whether a model whose SEs can fall sick `sickEngineers` of them should use the table.
    static func pays(sickEngineers: Int) -> Bool { sickEngineers >= paysFrom }

    /// Tabulates the waits of probability `p` for the trial. O(horizon + cells).
    func reset(p: Double) {
        sampler = GeometricSampler(p: p)
        let logFailure = sampler.logFailure
        // p = 1 (every wait 1) and p = 0 (never) have no powers to count: the formula serves.
        tabulated = logFailure < 0 && logFailure.isFinite
        guard tabulated else { return }
        margin = 1e-11 * (1 - logFailure)
        (belowFactor, aboveFactor) = (1 - margin, 1 + margin)
        let q = Foundation.exp(logFailure)
        // guide[c] = #{i ≥ 1 : T_i ≥ (c + 1) / cells} = #{i ≥ 1 : ⌊T_i · cells⌋ > c} (T_i · cells
        // is exact, cells being a power of two). The powers fall (q ≤ 1), and so do their cells:
        // the cells not yet filled, from the top down to T_i's own, lie below the cells of
        // T_1 … T_(i−1) and at or above T_i's, so they hold i − 1.
        var power = 1.0
        powers[0] = 1
        var cell = Self.cells - 1
        for i in 1...horizon {
            power *= q
            powers[i] = power
            // 0 ≤ power ≤ 1, so its cell is 0…cells: no conversion out of range.
            let powerCell = (power * Double(Self.cells)).truncatedInRange
            while cell >= powerCell {
                guide[cell] = Int32(truncatingIfNeeded: i - 1)
                cell -= 1
            }
        }
        powers[horizon + 1] = -1
        while cell >= 0 {
            guide[cell] = Int32(truncatingIfNeeded: horizon)
            cell -= 1
        }
    }

    /// The next wait, `horizon + 1` for any past the horizon, from the uniform
    /// `Uniforms.positive` would give. O(1) expected.
    @inline(__always)
    func sample(_ uniforms: Uniforms) -> Int {
        var bits = uniforms.next()
        while bits == 0 { bits = uniforms.next() }
        return wait(bits)
    }

    /// The wait of the uniform u = `bits` / 2^32 (0 < bits < 2^32).
    @inline(__always)
    func wait(_ bits: UInt) -> Int {
        let u = Double(bits) / 4_294_967_296.0
        guard tabulated else { return min(sampler.formula(u), horizon + 1) }
        // ⌊u · cells⌋ from the bits, without the checked conversion of a double: cells = 2^9.
        var count = Int(guide[Int(bitPattern: bits >> Self.cellShift)])
        while powers[count &+ 1] >= u { count &+= 1 }
        if u <= powers[count] * belowFactor && u > powers[count &+ 1] * aboveFactor { return count &+ 1 }
        return min(sampler.formula(u), horizon + 1)
    }
}
