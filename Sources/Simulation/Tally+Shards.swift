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
