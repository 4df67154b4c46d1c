import Foundation
import Testing
@testable import Simulation

/// The log-bucketed counts behind the percentiles of open cases and load: exact below 128,
/// within 1/128 of every value above, ordered, and merged exactly whatever sizes the arrays grew to.
@Suite struct LogBucketsTests {
    @Test func smallValuesAreExact() {
        for value in 0..<128 {
            #expect(LogBuckets.bucket(value) == value)
            #expect(LogBuckets.value(ofBucket: value) == value)
        }
    }

    /// Every value from 0 to 2^20, and random values up to Int.max: buckets never decrease with
    /// the value, step by at most one, and the bucket's value is within 1/128 of the value.
    @Test func bucketsAreOrderedAndWithinOnePart128() {
        var previous = 0
        for value in 0..<(1 << 20) {
            let bucket = LogBuckets.bucket(value)
            #expect(bucket == previous || bucket == previous + 1)
            previous = bucket
            let error = abs(Double(LogBuckets.value(ofBucket: bucket) - value))
            if error * 128 > Double(value) { Issue.record("value \(value): bucket value \(LogBuckets.value(ofBucket: bucket))") }
        }
        var random = SplitMix64(seed: 9)
        for _ in 0..<100_000 {
            let value = Int(random.next() >> UInt64(1 + random.next() % 63))
            let representative = LogBuckets.value(ofBucket: LogBuckets.bucket(value))
            #expect(abs(Double(representative) - Double(value)) <= Double(value) / 128, "value \(value)")
        }
        #expect(LogBuckets.bucket(.max) == LogBuckets.bucket(.max - (1 << 56) + 1))
        #expect(LogBuckets.value(ofBucket: LogBuckets.bucket(.max)) > 0)
    }

    /// Indices for every check and bucket up to an array's size are distinct and inside it, and
    /// a larger size keeps every smaller size's indices (growth appends).
    @Test func layoutGrowsByAppending() {
        let checks = 3
        for top in [5, 127, 128, 191, 192, 1000] {
            let size = LogBuckets.size(through: top, checks: checks)
            var seen = Set<Int>()
            for c in 0..<checks {
                for bucket in 0...top { seen.insert(LogBuckets.index(check: c, bucket: bucket, checks: checks)) }
            }
            #expect(seen.count == checks * (top + 1))
            #expect(seen.allSatisfy { $0 < size })
        }
    }

    /// The one-step index of a value is the index of its bucket, for every check of a few layouts,
    /// every value below 2^16 and random values up to Int.max.
    @Test func indexOfAValueIsItsBucketsIndex() {
        var random = SplitMix64(seed: 13)
        let values = Array(0..<(1 << 16)) + (0..<20_000).map { _ in Int(random.next() >> UInt64(1 + random.next() % 63)) } + [.max]
        for checks in [1, 3, 542] {
            for c in [0, 1, checks - 1] {
                let wrong = values.filter { LogBuckets.index(check: c, value: $0, checks: checks) != LogBuckets.index(check: c, bucket: LogBuckets.bucket($0), checks: checks) }
                #expect(wrong.isEmpty, "checks \(checks), check \(c): \(wrong.prefix(5))")
            }
        }
    }

    /// Counting values into two arrays that grow to different sizes and adding one into the other
    /// gives the counts of one array that saw every value.
    @Test func mergingArraysOfDifferentSizesIsExact() {
        let checks = 2
        func count(_ values: [(check: Int, value: Int)]) -> [UInt32] {
            var counts: [UInt32] = []
            for (c, value) in values {
                let bucket = LogBuckets.bucket(value)
                let size = LogBuckets.size(through: bucket, checks: checks)
                if counts.count < size { counts += repeatElement(0, count: size - counts.count) }
                counts[LogBuckets.index(check: c, bucket: bucket, checks: checks)] += 1
            }
            return counts
        }
        let small = [(0, 3), (1, 100), (0, 127)], large = [(1, 5_000), (0, 130), (1, 1 << 40)]
        var merged = count(small)
        LogBuckets.add(count(large), into: &merged)
        #expect(merged == count(small + large))
        var other = count(large)
        LogBuckets.add(count(small), into: &other)
        #expect(other == merged)
        #expect(LogBuckets.counts(check: 1, in: merged, checks: checks).reduce(0, +) == 3)
    }

    /// The 50th and 90th percentiles read from bucketed counts are within 1/128 of the exact ones.
    @Test func percentilesAreWithinOnePart128() {
        var random = SplitMix64(seed: 4)
        for spread in [10.0, 500.0, 1e6] {
            let values = (0..<10_001).map { _ in Int(spread * -log(1 - random.unit())) }
            var counts: [UInt32] = []
            for value in values {
                let bucket = LogBuckets.bucket(value)
                let size = LogBuckets.size(through: bucket, checks: 1)
                if counts.count < size { counts += repeatElement(0, count: size - counts.count) }
                counts[bucket] += 1
            }
            let summary = Estimates.summary(histogram: LogBuckets.counts(check: 0, in: counts, checks: 1),
                                            value: { Double(LogBuckets.value(ofBucket: $0)) }, trials: values.count)
            let sorted = values.sorted()
            for (q, estimate) in [(0.5, summary.p50), (0.9, summary.p90)] {
                let exact = Double(sorted[Int((q * Double(values.count)).rounded(.up)) - 1])
                #expect(abs(estimate - exact) <= exact / 128, "spread \(spread), q \(q): \(estimate) vs \(exact)")
            }
        }
    }

    /// A shard's decoded tally is accepted only with sizes the layout can reach by growing.
    @Test func reachableSizesAreEmptyOrWholeOctaves() {
        for checks in [1, 3, 62] {
            #expect(LogBuckets.isReachableSize(0, checks: checks))
            for value in [0, 127, 128, 5_000, 1 << 40] {
                #expect(LogBuckets.isReachableSize(LogBuckets.size(through: LogBuckets.bucket(value), checks: checks), checks: checks))
            }
            for bad in [1, checks * 128 - 1, checks * 128 + 1, checks * (128 + 32), checks * 64] {
                #expect(!LogBuckets.isReachableSize(bad, checks: checks), "\(bad) for \(checks) checks")
            }
        }
    }
}
