/// Each SE's days away merged into spells of consecutive days, counted by bucket of days (a
/// season for sickness, a month for leave): the one walk `SicknessFit` and `LeaveFit` both make.
struct SpellCount {
    /// Spells begun in each bucket.
    var starts: [Double]
    /// SE-days in each bucket that are not away.
    var outside: [Double]
    /// Every spell's length in days; a spell still running at the end of the range ends there.
    var lengths: [Int]

    /// `away[engineer][day]`; `bucket(day)` is one of `0..<buckets`.
    ///
    /// - Complexity: O(engineers × days).
    init(_ away: [[Bool]], buckets: Int, bucket: (Int) -> Int) {
        starts = [Double](repeating: 0, count: buckets)
        outside = [Double](repeating: 0, count: buckets)
        lengths = []
        for row in away {
            var run = 0
            for (d, isAway) in row.enumerated() {
                let b = bucket(d)
                if isAway {
                    if run == 0 { starts[b] += 1 }
                    run += 1
                } else {
                    outside[b] += 1
                    if run > 0 { lengths.append(run); run = 0 }
                }
            }
            if run > 0 { lengths.append(run) }
        }
    }
}
