import Statistics
import Testing

@Suite struct WilsonTests {
    /// Expected bounds computed independently from Wilson's closed form in Python (z = 1.959964).
    @Test func knownIntervals() {
        let a = Proportion(successes: 81, trials: 263)
        #expect(abs(a.low - 0.2553) < 1e-4 && abs(a.high - 0.3662) < 1e-4)
        let zero = Proportion(successes: 0, trials: 100)
        #expect(zero.low == 0 && abs(zero.high - 0.03699) < 1e-5)
        let all = Proportion(successes: 100, trials: 100)
        #expect(all.high == 1 && abs(all.low - 0.96301) < 1e-5)
    }
}
