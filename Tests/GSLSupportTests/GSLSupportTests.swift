import CGSL
import Testing
import GSLSupport

@Suite struct GSLSupportTests {
    /// With GSL's default handler this call would abort the test process.
    @Test func statusCodesBecomeErrorsInsteadOfAborting() {
        GSLRuntime.disableAbortingErrorHandler()
        var result = gsl_sf_result()
        let status = gsl_sf_gamma_e(-2.0, &result)
        #expect(throws: GSLError.domain) { try GSLError.check(status) }
        #expect(GSLError.domain.description == "GSL error 1: input domain error")
    }

    @Test func sameSeedSameStream() throws {
        let a = try RandomGenerator(.taus2, seed: 12345)
        let b = try RandomGenerator(.taus2, seed: 12345)
        let xs = (0..<5).map { _ in a.uniform() }
        #expect(xs == (0..<5).map { _ in b.uniform() })
        b.reseed(12345)
        #expect(xs == (0..<5).map { _ in b.uniform() })
    }

    @Test func derivedSeedsAreDistinctAndNonZero() {
        var seen = Set<UInt32>()
        for block in 0..<200 as Range<UInt64> {
            for stream in 0..<3 as Range<UInt64> {
                let seed = StreamSeed.derive(master: 7, block: block, stream: stream)
                #expect(seed != 0)
                seen.insert(seed)
            }
        }
        #expect(seen.count == 600)
        #expect(StreamSeed.derive(master: 7, block: 3, stream: 1) == StreamSeed.derive(master: 7, block: 3, stream: 1))
        #expect(StreamSeed.derive(master: 7, block: 3, stream: 1) != StreamSeed.derive(master: 8, block: 3, stream: 1))
    }
}
