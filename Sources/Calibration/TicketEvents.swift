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
        if let solvedAt, solvedAt < createdAt {
            solvedBeforeCreated += 1
            if firstSolvedBeforeCreatedLine == nil { firstSolvedBeforeCreatedLine = line }
            return
        }
        let c = clock.minute(ofSeconds: createdAt)
        let s = solvedAt.map { clock.minute(ofSeconds: $0) }
        guard c < created.count else { outsideRange += 1; return }
        if c < 0 {
            // Before the range: it matters only as part of the backlog the range starts with.
            outsideRange += 1
            guard s.map({ $0 >= 0 }) ?? true else { return }
            openAtStart += 1
        } else {
            cases += 1
            created[c] += 1
        }
        if let s, s >= 0, s < solved.count { solved[s] += 1 }
    }

    /// Cases created on each day of the range (day d runs from the last check of d − 1 to the last
    /// check of d).
    ///
    /// - Complexity: O(minutes).
    public var createdPerDay: [Int] {
        (0..<clock.dayCount).map { d in
            created[(d * SegmentClock.minutesPerDay)..<((d + 1) * SegmentClock.minutesPerDay)].reduce(0) { $0 + Int($1) }
        }
    }

    /// Cases created in each segment of each day: `[day][segment]`.
    public var createdPerSegment: [[Int]] { perSegment(created) }

    /// Cases solved in each segment of each day: `[day][segment]`.
    public var solvedPerSegment: [[Int]] { perSegment(solved) }

    private func perSegment(_ counts: [Int32]) -> [[Int]] {
        (0..<clock.dayCount).map { d in
            clock.segmentBounds.map { range in
                range.reduce(0) { $0 + Int(counts[d * SegmentClock.minutesPerDay + $1]) }
            }
        }
    }

    /// Whether the backlog stayed above zero at every minute of each segment: `[day][segment]`.
    /// The open count at the end of a minute is the start's backlog plus the cases created minus the
    /// cases solved so far; a case that arrives and is solved within one minute is not seen.
    ///
    /// - Complexity: O(minutes).
    public var busyPerSegment: [[Bool]] {
        var busy = [[Bool]](repeating: [Bool](repeating: true, count: clock.segmentCount), count: clock.dayCount)
        var open = openAtStart
        var previousOpen = open
        for m in 0..<clock.minuteCount {
            open += Int(created[m]) - Int(solved[m])
            let d = m / SegmentClock.minutesPerDay
            let s = clock.segment(ofMinute: m)
            // The segment is idle if the queue was empty at its start or at the end of any minute.
            if (previousOpen <= 0 && m % SegmentClock.minutesPerDay == clock.segmentBounds[s].lowerBound) || open <= 0 {
                busy[d][s] = false
            }
            previousOpen = open
        }
        return busy
    }
}
