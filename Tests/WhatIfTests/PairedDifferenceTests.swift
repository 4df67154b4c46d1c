import Testing
@testable import WhatIf

@Suite struct PairedDifferenceTests {
    @Test func noDiscordantTrialIsExactlyZero() {
        let d = PairedDifference(baseOnly: 0, variantOnly: 0, trials: 10_000)
        #expect(d.estimate == 0 && d.low == 0 && d.high == 0 && !d.isSignificant)
    }

    /// Four trials that all moved up are not evidence of a change (a sign test gives p = 0.125);
    /// six are (p = 0.03).
    @Test func fewDiscordantTrialsAreNotSignificant() {
        #expect(!PairedDifference(baseOnly: 0, variantOnly: 4, trials: 100_000).isSignificant)
        #expect(PairedDifference(baseOnly: 0, variantOnly: 6, trials: 100_000).isSignificant)
    }

    /// With many discordant trials the interval is the Wald interval of the mean per-trial difference.
    @Test func matchesTheWaldIntervalForManyPairs() {
        let d = PairedDifference(baseOnly: 300, variantOnly: 700, trials: 10_000)
        #expect(abs(d.estimate - 0.04) < 1e-15)
        let variance = (0.1 - 0.04 * 0.04) / 10_000
        #expect(abs(d.halfWidth - 1.959963984540054 * variance.squareRoot()) < 2e-5)
        #expect(d.isSignificant)
    }
}
