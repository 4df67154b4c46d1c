import WhatIf

/// A search for the least-cost counts (cover bought, hires made) that keep every constrained check
/// within the risk limits on a sample: `CoverSearch` and `HireSearch` judge a candidate the same way.
protocol LimitedSearch {
    /// The limits on the sample (possibly tighter than the stated ones, `ValidatedSearch`).
    var limits: [RiskLimit] { get set }
    /// Per limit and check: whether the check is constrained (false for checks nothing can fix).
    var active: [[Bool]] { get }
    /// Trials of the sample the risks are counted on.
    var sampleTrials: Int { get }
    /// Whether `counts` keep every constrained check within its limit on the sample.
    mutating func isFeasible(_ counts: [Int]) throws -> Bool
    /// The least-cost counts found from `seed`; nil when even every unit cannot meet the limits on the sample.
    mutating func run(from seed: [Int]) throws -> [Int]?
}

extension LimitedSearch {
    /// Lazy greedy: a unit's last ratio (risk reduced per unit of cost, which only falls as the
    /// plan grows) stands in until it is the best, and is then recomputed with `ratio`. The unit
    /// whose fresh ratio is the best, when it is positive; nil when none is.
    static func bestSingleUnit(among relevant: [Int], stale: inout [Int: Double], ratio: (Int) throws -> Double) rethrows -> Int? {
        var fresh: Set<Int> = []
        while let top = relevant.max(by: { (stale[$0] ?? .infinity, -$0) < (stale[$1] ?? .infinity, -$1) }) {
            if fresh.contains(top) { return stale[top]! > 0 ? top : nil }
            stale[top] = try ratio(top)
            fresh.insert(top)
        }
        return nil
    }

    /// The violated (limit, check) pairs of a candidate on the sample.
    func violations(_ risks: CoverSample.Risks) -> [(limit: Int, check: Int)] {
        var found: [(Int, Int)] = []
        for (i, limit) in limits.enumerated() {
            for c in risks.atLeast[i].indices where active[i][c] && limit.isExceeded(by: risks.atLeast[i][c]) { found.append((i, c)) }
        }
        return found
    }

    /// The excess risk over the violated pairs `over`, with a small weight on how far above the
    /// limit's level the checks are: one trial's worth more than the excess itself, so that a pair
    /// just at the limit still counts.
    func score(_ risks: CoverSample.Risks, over pairs: [(limit: Int, check: Int)]) -> Double {
        let unit = 1 / Double(sampleTrials)
        return pairs.reduce(0) { sum, pair in
            let p = risks.atLeast[pair.limit][pair.check]
            let excess = limits[pair.limit].isExceeded(by: p) ? p - limits[pair.limit].probability + unit : 0
            return sum + excess + 0.01 * risks.depth[pair.limit][pair.check]
        }
    }

    /// Takes units away from the candidates in `order`, each as far as the counts stay feasible:
    /// the pruning step of both searches, which differ only in which units they give up first.
    mutating func removeWhileFeasible(_ start: [Int], in order: [Int]) throws -> [Int] {
        var counts = start
        for i in order {
            while counts[i] > 0 {
                var fewer = counts
                fewer[i] -= 1
                guard try isFeasible(fewer) else { break }
                counts = fewer
            }
        }
        return counts
    }
}
