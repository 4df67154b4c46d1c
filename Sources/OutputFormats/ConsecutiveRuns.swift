extension Collection {
    /// The maximal runs of adjacent elements that satisfy `isIncluded`, as ranges of indices, in
    /// order: for check days marked [no, yes, yes, no, yes], the runs 1...2 and 4...4. Outputs
    /// merge consecutive checks this way into "Dec 21–24" rather than four dates.
    ///
    /// - Complexity: O(n).
    public func runs(where isIncluded: (Element) throws -> Bool) rethrows -> [ClosedRange<Index>] {
        var runs: [ClosedRange<Index>] = []
        var start: Index?
        var last = startIndex
        for index in indices {
            if try isIncluded(self[index]) {
                if start == nil { start = index }
                last = index
            } else if let first = start {
                runs.append(first...last)
                start = nil
            }
        }
        if let first = start { runs.append(first...last) }
        return runs
    }
}
