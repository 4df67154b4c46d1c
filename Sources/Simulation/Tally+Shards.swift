extension Tally {
    /// No trials yet, shaped for `model`'s checks, levels and groups.
    public init(model: SimulationModel) {
        self.init(checkCount: model.checks.count, levelCount: model.levelCount, groupSizes: model.groupSizes)
    }

    /// Whether this tally (decoded from a shard's file) counts exactly what a tally of `model`
    /// counts: the same checks, levels and groups, and every table of the same length, so that
    /// merging it and estimating from it cannot index past a table. The tables are compared by
    /// reflection over the stored properties, so a table added to `Tally` is checked too.
    ///
    /// - Complexity: O(number of tables + number of elements of tables of non-numbers).
    public func fits(_ model: SimulationModel) -> Bool {
        let empty = Tally(model: model)
        return checkCount == empty.checkCount && levelCount == empty.levelCount && groupSizes == empty.groupSizes
            && maxGroupSize == empty.maxGroupSize && Tally.sameLengths(self, empty)
    }

    /// Whether `a` and `b` have the same structure: collections of the same length, compared
    /// element by element unless their elements are plain values (numbers), and structures
    /// compared field by field. Plain values themselves are not compared.
    private static func sameLengths(_ a: Any, _ b: Any) -> Bool {
        let (left, right) = (Mirror(reflecting: a), Mirror(reflecting: b))
        guard left.children.count == right.children.count else { return false }
        if left.displayStyle == .collection, let first = left.children.first, Mirror(reflecting: first.value).children.isEmpty {
            return true
        }
        return zip(left.children, right.children).allSatisfy { sameLengths($0.value, $1.value) }
    }
}
