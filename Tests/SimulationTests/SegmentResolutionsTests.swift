import Testing
@testable import Simulation

/// The day loop skips a resolution draw's inversion where `TrialKernel.drawOnlyAdvances` says the
/// draw only advances its stream, and advances the work stream by two uniforms instead. Wherever
/// it says so, the plain draw must resolve nothing and leave both streams exactly there: for
/// every mean, on both sides of the sampler's switch to transformed rejection (whose retries draw
/// from the spare stream) and for means that are not positive numbers.
@Suite struct SegmentResolutionsTests {
    @Test(arguments: [0.0, -1.0, .nan, 0.4, 3.7, 42.0, 127.99, 128.0, 300.5, 1e7])
    func skippedDrawsLeaveTheStreamsWhereThePlainDrawDoes(mean: Double) throws {
        let sampler = PoissonSampler()
        let (work, spare) = (try RandomGenerator(seed: 26), try RandomGenerator(seed: 27))
        let (skipping, skippingSpare) = (try RandomGenerator(seed: 26), try RandomGenerator(seed: 27))
        var skipped = 0
        for i in 0..<3_000 {
            // Nothing open one segment in three, otherwise a few cases or many.
            let available = [0, 2, 500][i % 3]
            let resolved = min(available, sampler.sample(mean: mean, work.uniforms, spare: spare.uniforms))
            if TrialKernel.drawOnlyAdvances(available: available, mean: mean) {
                #expect(resolved == 0)
                _ = skipping.uniforms.next()
                _ = skipping.uniforms.next()
                skipped += 1
            } else {
                _ = sampler.sample(mean: mean, skipping.uniforms, spare: skippingSpare.uniforms)
            }
            #expect(work.uniforms.saved == skipping.uniforms.saved && spare.uniforms.saved == skippingSpare.uniforms.saved, "draw \(i)")
        }
        // Every draw with nothing open is skipped below the tables (0 and −1 included); none at or
        // above them, where a draw may retry from the spare stream, nor for a mean that is no number.
        #expect(skipped == (mean < PoissonSampler.tabulatedMeans ? 1_000 : 0))
    }
}
