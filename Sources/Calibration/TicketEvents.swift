/// Created and solved events counted per minute of `--from…--to`: all that the fits need from an
/// export, in O(days) memory however many cases it has. Per-minute counts give the cases created
/// on each day and in each segment, and, summed in order, the open count at every minute
/// without sorting a single row.
public struct TicketEvents: Sendable {
    public let clock: SegmentClock
    /// Cases created in each minute.
    public private(set) var created: [Int32]
    /// Cases solved in each minute.
    public private(set) var solved: [Int32]
    /// Cases created before the first day that were still open when it began.
    public private(set) var openAtStart = 0
    /// Rows counted: created inside the range.
    public private(set) var cases = 0
    /// Rows ignored because they were created before the first or after the last day.
    public private(set) var outsideRange = 0
    /// Rows skipped because they are solved before they were created.
    public private(set) var solvedBeforeCreated = 0
    /// The latest creation instant of any case read, inside the range or not (seconds since 1970
    /// UTC): where the history ends, which `--to` must not pass.
    public private(set) var latestCreated: Int?
    /// The first such row's line, for the warning.
    public private(set) var firstSolvedBeforeCreatedLine: Int?

    public init(clock: SegmentClock) {
        self.clock = clock
        created = [Int32](repeating: 0, count: clock.minuteCount)
        solved = [Int32](repeating: 0, count: clock.minuteCount)
    }

    /// Counts one case, created and (if solved) solved at these instants (seconds since 1970 UTC).
    ///
    /// - Complexity: O(1).
    public mutating func add(created createdAt: Int, solved solvedAt: Int?, line: Int) {
        count(created: createdAt, solved: solvedAt, line: line, by: 1)
    }

    /// Takes back a case added earlier with these instants: a later export saw it solved
    /// (`CaseRegister`). O(1).
    public mutating func remove(created createdAt: Int, solved solvedAt: Int?) {
        count(created: createdAt, solved: solvedAt, line: nil, by: -1)
    }

    private mutating func count(created createdAt: Int, solved solvedAt: Int?, line: Int?, by step: Int) {
        if let solvedAt, solvedAt < createdAt {
            solvedBeforeCreated += step
            if firstSolvedBeforeCreatedLine == nil { firstSolvedBeforeCreatedLine = line }
            return
        }
        if step > 0 { latestCreated = max(latestCreated ?? createdAt, createdAt) }
        let c = clock.minute(ofSeconds: createdAt)
        let s = solvedAt.map { clock.minute(ofSeconds: $0) }
        guard c < created.count else { outsideRange += step; return }
        if c < 0 {
            // Before the range: it matters only as part of the backlog the range starts with.
            outsideRange += step
            guard s.map({ $0 >= 0 }) ?? true else { return }
            openAtStart += step
        } else {
            cases += step
            created[c] += Int32(step)
        }
        if let s, s >= 0, s < solved.count { solved[s] += Int32(step) }
    }

    /// Per segment of each day (`[day × segments + segment]`): the cases created, the cases solved,
    /// and whether the backlog stayed above zero at every minute of it. The open count at the end
    /// of a minute is the starting backlog plus the cases created minus the cases solved so far; a
    /// case that arrives and is solved within one minute is not seen.
    public struct Segments: Sendable {
        public let created: [Int]
        public let solved: [Int]
        public let busy: [Bool]
    }

    /// One pass over the minutes.
    ///
    /// - Complexity: O(minutes).
    public var segments: Segments {
        let k = clock.segmentCount
        var createdCounts = [Int](repeating: 0, count: clock.dayCount * k)
        var solvedCounts = createdCounts
        var busy = [Bool](repeating: true, count: clock.dayCount * k)
        var open = openAtStart
        var index = -1
        let (created, solved) = (self.created, self.solved)
        for m in 0..<clock.minuteCount {
            let cell = (m / SegmentClock.minutesPerDay) * k + clock.segment(ofMinute: m)
            // A segment whose backlog is empty as it starts is idle from its first minute.
            if cell != index {
                index = cell
                if open <= 0 { busy[cell] = false }
            }
            createdCounts[cell] += Int(created[m])
            solvedCounts[cell] += Int(solved[m])
            open += Int(created[m]) - Int(solved[m])
            if open <= 0 { busy[cell] = false }
        }
        return Segments(created: createdCounts, solved: solvedCounts, busy: busy)
    }
}
