/// The cases read so far, by id, so that a case that two exports hold (overlapping date ranges),
/// or one export holds twice, is counted once: the same export given twice would otherwise double
/// every rate without a word.
///
/// The first row of a case counts, unless it has no solve time and a later row has one (a later
/// export saw the case solved): then the later row replaces it. Every repeat is counted per file,
/// with the first example, for the warning.
///
/// Memory is O(cases): the ids, and each case's two instants.
public struct CaseRegister: Sendable {
    private var cases: [String: Entry] = [:]
    /// Per file, in the order read: the rows that repeat a case, and the first such row.
    public private(set) var repeats: [(path: String, count: Int, line: Int, firstSeen: String)] = []

    private struct Entry: Sendable {
        var created: Int
        var solved: Int?
        let location: String
    }

    public init() {}

    /// What to do with a row: count it, skip it, or count it instead of an earlier row of the case.
    public enum Outcome: Equatable {
        case new
        case repeated
        case replaces(created: Int, solved: Int?)
    }

    /// Registers the row at `path:line` of the case `id`. O(1) expected.
    public mutating func register(id: String, created: Int, solved: Int?, path: String, line: Int) -> Outcome {
        guard let entry = cases[id] else {
            cases[id] = Entry(created: created, solved: solved, location: "\(path):\(line)")
            return .new
        }
        if let last = repeats.last, last.path == path {
            repeats[repeats.count - 1].count += 1
        } else {
            repeats.append((path, 1, line, entry.location))
        }
        guard entry.solved == nil, let solved else { return .repeated }
        cases[id] = Entry(created: created, solved: solved, location: entry.location)
        return .replaces(created: entry.created, solved: entry.solved)
    }

    /// One warning per file that repeated cases.
    public var warnings: [String] {
        repeats.map { r in
            let rows = r.count == 1 ? "1 row repeats a case" : "\(r.count) rows repeat cases"
            return "\(r.path): \(rows) already read (the first: line \(r.line), the case of \(r.firstSeen)); each case is counted once, the solved row kept"
        }
    }
}
