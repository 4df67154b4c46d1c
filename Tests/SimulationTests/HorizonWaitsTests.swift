import CGSL
import Foundation
import Testing
@testable import Simulation

@Suite struct HorizonWaitsTests {
    /// GSL's variate, or horizon + 1 for any longer: what the table must give.
    static func expected(_ u: Double, p: Double, horizon: Int) -> Int {
        // gsl_ran_geometric's own expression.
        min(p == 1 ? 1 : Int(min(log(u) / log(1 - p) + 1, Double(Int32.max))), horizon + 1)
    }

    /// Draw for draw the same as GSL's waits (capped at the horizon + 1), for success
    /// probabilities from a year's sickness (0.0066) through a severe trial's, and the edges:
    /// p = 1 (every wait 1), p = 0 (never), and a p so small that 1 − p rounds to 1.
    @Test(arguments: [0.0066, 0.0015, 0.03, 0.5, 0.999, 1.0, 0.0, 1e-17])
    func equalsGSLDrawForDraw(p: Double) throws {
        let horizon = 379
        let waits = try #require(HorizonWaits(horizon: horizon))
        waits.reset(p: 0.2)
        waits.reset(p: p)
        let ours = try RandomGenerator(seed: 26)
        let theirs = try RandomGenerator(seed: 26)
        for _ in 0..<100_000 {
            let gsl = min(Int(gsl_ran_geometric(theirs.pointer, p)), horizon + 1)
            #expect(waits.sample(ours.uniforms) == (p == 0 || p == 1e-17 ? horizon + 1 : gsl), "p \(p)")
        }
    }

    /// Uniforms (multiples of 2^-32, as the generator gives them) on and next to every power
    /// T_i, where a count off by one would show: the table's count equals GSL's there too.
    @Test(arguments: [0.0066, 0.03, 0.4])
    func boundariesMatchGSL(p: Double) throws {
        let horizon = 400
        let waits = try #require(HorizonWaits(horizon: horizon))
        waits.reset(p: p)
        for i in 1...horizon {
            let n = (waits.powers[i] * 0x1p32).rounded(.down)
            for step in [-2.0, -1, 0, 1, 2] where n + step >= 1 && n + step < 0x1p32 {
                let u = (n + step) * 0x1p-32
                #expect(waits.wait(UInt(n + step)) == Self.expected(u, p: p, horizon: horizon), "p \(p), i \(i), u \(u)")
            }
        }
        // On both sides of every guide cell's edge, and at the ends of the 32-bit uniforms.
        for c in 0...HorizonWaits.cells {
            let edge = UInt(c) << HorizonWaits.cellShift
            for bits in [edge &- 1, edge, edge + 1] where bits >= 1 && bits < 1 << 32 {
                let u = Double(bits) * 0x1p-32
                #expect(waits.wait(bits) == Self.expected(u, p: p, horizon: horizon), "p \(p), u \(u)")
                #expect(Int(bitPattern: bits >> HorizonWaits.cellShift) == Int(u * Double(HorizonWaits.cells)), "u \(u)")
            }
        }
        // Each guide cell holds its definition: the powers at or above the cell's upper edge.
        for c in 0..<HorizonWaits.cells {
            let bound = Double(c + 1) / Double(HorizonWaits.cells)
            #expect(Int(waits.guide[c]) == (1...horizon).count { waits.powers[$0] >= bound }, "p \(p), cell \(c)")
        }
        #expect(HorizonWaits.cells == 1 << (32 - HorizonWaits.cellShift))
        #expect(HorizonWaits(horizon: HorizonWaits.longestHorizon + 1) == nil)
        #expect(HorizonWaits(horizon: 0) == nil)
    }
}
