/// Finding the name someone probably meant, for messages about a name that matches nobody.
package enum NameSuggestion {
    /// The known name closest to `name` by edit distance, ignoring case, if it is close enough to be a
    /// typo: at most a third of the name's letters differ (at least one, at most three).
    package static func closest(to name: String, among known: [String]) -> String? {
        let limit = min(3, max(1, name.count / 3))
        let scored = known.map { (name: $0, distance: editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return best.name
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    ///
    /// - Complexity: O(m × n) time and O(n) space for strings of m and n characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
