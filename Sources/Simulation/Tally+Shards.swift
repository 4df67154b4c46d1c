extension Tally {
    /// No trials yet, shaped for `model`'s checks, levels and groups.
    public init(model: SimulationModel) {
        self.init(checkDates: model.checks.map(\.date), levelCount: model.levelCount, groupSizes: model.groupSizes)
    }

    /// Whether this tally (decoded from a shard's file) counts exactly what a tally of `model`
    /// counts: the same checks, levels and groups, every fixed table of the same length, and the
    /// two `LogBuckets` tables (which grow with the largest backlog a shard saw) of a length such a
    /// table can reach, and the weeks of `periodCounts` laid out as the model's, so that merging it
    /// and estimating or writing `counts.json` from it cannot index past a table. The
    /// fixed tables are compared by reflection over the stored properties, so a table added to
    /// `Tally` is checked too.
    ///
    /// - Complexity: O(number of tables + number of elements of tables of non-numbers).
    public func fits(_ model: SimulationModel) -> Bool {
        let empty = Tally(model: model)
        return checkCount == empty.checkCount && levelCount == empty.levelCount && groupSizes == empty.groupSizes
            && maxGroupSize == empty.maxGroupSize
            && LogBuckets.isReachableSize(openHistogram.count, checks: checkCount)
            && LogBuckets.isReachableSize(loadHistogram.count, checks: checkCount)
            && Tally.sameLengths(self, empty, skipping: Tally.logBucketTables) && periodCounts.sameShape(as: empty.periodCounts)
    }

    /// The stored properties laid out by `LogBuckets`, whose length is not fixed by the model.
    private static let logBucketTables: Set<String> = ["openHistogram", "loadHistogram"]

    /// Whether `a` and `b` have the same structure: collections of the same length, compared
    /// element by element unless their elements are plain values (numbers), and structures
    /// compared field by field. Plain values themselves are not compared.
    private static func sameLengths(_ a: Any, _ b: Any, skipping skipped: Set<String> = []) -> Bool {
        let (left, right) = (Mirror(reflecting: a), Mirror(reflecting: b))
        guard left.children.count == right.children.count else { return false }
        if left.displayStyle == .collection, let first = left.children.first, Mirror(reflecting: first.value).children.isEmpty {
            return true
        }
        return zip(left.children, right.children).allSatisfy { l, r in
            if let label = l.label, skipped.contains(label) { return l.label == r.label }
            return sameLengths(l.value, r.value)
        }
    }
}

extension Tally {
    /// The first count of this tally (decoded from a shard's file, and of the shape `fits` checks)
    /// that no run could have produced, as a phrase; nil when every invariant of `recordTrial`
    /// holds. A part edited and re-hashed passes the digest, so the values themselves are checked:
    /// every trial counted once per check in the levels, open cases, loads and headcounts of each
    /// group; the horizon statistics equal to what the levels give; no count negative or past the
    /// trials. With each count within 0...trials before it is added, no sum here can overflow, and
    /// a merge of parts that pass cannot either (their trials add up to at most `maximumTrials`).
    ///
    /// - Complexity: O(size of the tally).
    public func invariantViolation() -> String? {
        let t = trials
        guard (0...Tally.maximumTrials).contains(t) else { return "it counts \(t) trials, outside 0 to \(Tally.maximumTrials)" }
        /// The sum of `counts`, or nil when one of them is negative or more than the trials.
        func total<S: Sequence>(_ counts: S) -> Int? where S.Element: BinaryInteger {
            var sum = 0
            for count in counts {
                guard count >= 0, count <= t else { return nil }
                sum += Int(count)
            }
            return sum
        }
        func describe(_ table: String, _ sum: Int?, expected: Int) -> String? {
            guard let sum else { return "\(table) holds a count below 0 or above the \(t) trials" }
            return sum == expected ? nil : "\(table) adds up to \(sum), not to the \(expected) it must"
        }
        let (checks, levelsPerCheck, groups) = (checkCount, levelCount, groupSizes.count)
        let histogramStride = maxGroupSize + 1
        let openBuckets = checks > 0 ? openHistogram.count / checks : 0, loadBuckets = checks > 0 ? loadHistogram.count / checks : 0
        var atOrAbove = Array(repeating: 0, count: levelsPerCheck)
        for c in 0..<checks {
            let row = levels[(c * levelsPerCheck)..<((c + 1) * levelsPerCheck)]
            if let problem = describe("levels at check \(c + 1)", total(row), expected: t) { return problem }
            var above = 0
            for k in stride(from: levelsPerCheck - 1, through: 0, by: -1) {
                above += row[row.startIndex + k]
                atOrAbove[k] += above
            }
            if openSums[c].isNegative { return "the sum of open cases at check \(c + 1) is negative" }
            if loadFixedSums[c].isNegative { return "the sum of loads at check \(c + 1) is negative" }
            if openBuckets > 0 || t > 0,
               let problem = describe("open cases at check \(c + 1)", total((0..<openBuckets).lazy.map { self.openHistogram[LogBuckets.index(check: c, bucket: $0, checks: checks)] }), expected: t) {
                return problem
            }
            let loads = total((0..<loadBuckets).lazy.map { self.loadHistogram[LogBuckets.index(check: c, bucket: $0, checks: checks)] })
            if let problem = describe("loads at check \(c + 1)", loads.flatMap { sum in (0...t).contains(infiniteLoads[c]) ? sum + infiniteLoads[c] : nil }, expected: t) {
                return problem
            }
            for g in 0..<groups {
                let start = (c * groups + g) * histogramStride
                if let problem = describe("headcounts of group \(g + 1) at check \(c + 1)", total(headcountHistogram[start..<(start + histogramStride)]), expected: t) {
                    return problem
                }
            }
        }
        for k in 0..<levelsPerCheck {
            guard checksAtOrAbove[k] == atOrAbove[k] else {
                return "checks at level \(k + 1) or above are \(checksAtOrAbove[k]), but the levels of the checks give \(atOrAbove[k])"
            }
            let runs = longestRuns[(k * (checks + 1))..<((k + 1) * (checks + 1))]
            if let problem = describe("longest runs at level \(k + 1) or above", total(runs), expected: t) { return problem }
            let reachedExpected = checks > 0 ? t - runs[runs.startIndex] : 0
            guard reached[k] == reachedExpected else {
                return "trials reaching level \(k + 1) are \(reached[k]), but the longest runs give \(reachedExpected)"
            }
        }
        return nil
    }
}
