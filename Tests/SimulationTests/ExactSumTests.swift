import Testing
@testable import Simulation

@Suite struct ExactSumTests {
    /// Sums past Int64 carry into the high word; negative terms borrow; the order does not matter.
    @Test func carriesBorrowsAndOrder() {
        var sum = ExactSum()
        for _ in 0..<4 { sum.add(Int.max) }
        #expect(sum.value == 4 * 9_223_372_036_854_775_807.0)
        sum.add(-Int.max)
        sum.add(-Int.max)
        #expect(sum.value == 2 * 9_223_372_036_854_775_807.0)
        var negative = ExactSum()
        negative.add(-5)
        negative.add(3)
        #expect(negative.value == -2)
        let terms = [Int.max, 17, -3, Int.max / 3, 1 << 62, -(1 << 40)]
        var forward = ExactSum(), backward = ExactSum(), merged = ExactSum()
        for t in terms { forward.add(t) }
        for t in terms.reversed() { backward.add(t) }
        var halves = (ExactSum(), ExactSum())
        for t in terms.prefix(3) { halves.0.add(t) }
        for t in terms.suffix(3) { halves.1.add(t) }
        merged.add(halves.0)
        merged.add(halves.1)
        #expect(forward == backward && forward == merged)
    }
}
