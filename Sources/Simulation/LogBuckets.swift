/// Counts of whole numbers per check in log-spaced buckets: exact below 128, then 64 buckets to
/// each power of two. A bucket is at most 1/64 as wide as its lower bound, so the value it stands
/// for (its middle) is within 1/128 (0.8%) of every number in it, and a percentile read from the
/// counts is within 0.8% of the exact one.
///
/// The buckets of every check are one integer array laid out octave by octave: first 128 exact
/// buckets per check, then, for each power of two from 2^7 up, 64 buckets per check. The array
/// grows by whole octaves when a number first needs one, so its size follows the largest number
/// seen (about 256 bytes a check per doubling), not the size of the numbers; and since growth only
/// appends, two arrays merge by adding the shorter one into the longer, whatever sizes they reached.
enum LogBuckets {
    static let exactBelow = 128
    static let bucketsPerOctave = 64
    /// log2 of `exactBelow`: the first octave that needs buckets.
    static let firstOctave = 7

    /// The bucket of `value` ≥ 0: the value itself below 128. O(1).
    @inline(__always)
    static func bucket(_ value: Int) -> Int {
        if value < exactBelow { return value }
        // Wrapping arithmetic on small numbers (a bucket is below 4,100): nothing to check.
        let e = Int.bitWidth &- 1 &- value.leadingZeroBitCount
        return exactBelow &+ (e &- firstOctave) &* bucketsPerOctave &+ (value &>> (e &- 6)) &- bucketsPerOctave
    }

    /// The number bucket `bucket` stands for: the value itself below 128, otherwise the middle
    /// of the bucket's range. O(1).
    static func value(ofBucket bucket: Int) -> Int {
        if bucket < exactBelow { return bucket }
        let octave = (bucket - exactBelow) / bucketsPerOctave, sub = (bucket - exactBelow) % bucketsPerOctave
        let shift = octave + firstOctave - 6
        return (bucketsPerOctave + sub) << shift + (1 << shift) / 2
    }

    /// The array size that holds buckets up to `bucket` for `checks` checks. O(1).
    static func size(through bucket: Int, checks: Int) -> Int {
        if bucket < exactBelow { return checks * exactBelow }
        return checks * (exactBelow + ((bucket - exactBelow) / bucketsPerOctave + 1) * bucketsPerOctave)
    }

    /// Whether an array for `checks` checks can have `count` elements: empty (nothing counted
    /// yet), or the exact buckets and whole octaves. O(1).
    static func isReachableSize(_ count: Int, checks: Int) -> Bool {
        guard checks > 0 else { return count == 0 }
        let perCheck = count / checks
        return count == 0 || (count % checks == 0 && perCheck >= exactBelow && (perCheck - exactBelow) % bucketsPerOctave == 0)
    }

    /// Where check `check`'s count of bucket `bucket` lives in an array for `checks` checks. O(1).
    @inline(__always)
    static func index(check: Int, bucket: Int, checks: Int) -> Int {
        if bucket < exactBelow { return check &* exactBelow &+ bucket }
        let octave = (bucket &- exactBelow) / bucketsPerOctave, sub = (bucket &- exactBelow) % bucketsPerOctave
        return checks &* exactBelow &+ (octave &* checks &+ check) &* bucketsPerOctave &+ sub
    }

    /// `index(check:bucket:checks:)` of `value`'s bucket (`value` ≥ 0), in one step: the octave
    /// and the place in it come from the value's leading bit without the bucket's division into
    /// them, for the per-check loop of `Tally.recordTrial`. O(1); `LogBucketsTests` checks it
    /// against the two steps.
    @inline(__always)
    static func index(check: Int, value: Int, checks: Int) -> Int {
        if value < exactBelow { return check &* exactBelow &+ value }
        // The octave is e − 7 and the place in it (value >> (e − 6)) − 64, as in `bucket`.
        let e = Int.bitWidth &- 1 &- value.leadingZeroBitCount
        return checks &* exactBelow &+ ((e &- firstOctave) &* checks &+ check) &* bucketsPerOctave &+ (value &>> (e &- 6)) &- bucketsPerOctave
    }

    /// Check `check`'s counts in bucket order, from an array for `checks` checks. O(size / checks).
    static func counts(check: Int, in counts: [UInt32], checks: Int) -> [Int] {
        let buckets = counts.count / checks
        return (0..<buckets).map { Int(counts[index(check: check, bucket: $0, checks: checks)]) }
    }

    /// Adds `other` into `counts`, both laid out for the same checks. O(size).
    static func add(_ other: [UInt32], into counts: inout [UInt32]) {
        if counts.count < other.count { counts += repeatElement(0, count: other.count - counts.count) }
        for i in other.indices { counts[i] &+= other[i] }
    }
}
