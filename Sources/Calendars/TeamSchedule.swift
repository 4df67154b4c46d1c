/// Who is scheduled on each date of a horizon, precomputed once so that the Monte Carlo
/// simulation's questions ("is SE i scheduled on d?", "how many of group g?") cost an array read.
public struct TeamSchedule: Sendable {
    public let engineers: [SupportEngineer]
    public let company: CompanyCalendar
    public let dates: DateRange
    /// The distinct groups of the engineers, sorted.
    public let groups: [String]

    @usableFromInline let firstDay: Int
    @usableFromInline let engineerCount: Int
    /// Row-major by date: `scheduled[dayIndex * engineerCount + engineer]`.
    @usableFromInline let scheduled: ContiguousArray<Bool>
    @usableFromInline let closed: ContiguousArray<Bool>
    private let counts: [String: ContiguousArray<Int>]
    private let capacities: [String: ContiguousArray<Double>]

    /// Complexity: O(days × engineers × (closures + days off + time-off ranges)).
    public init(engineers: [SupportEngineer], company: CompanyCalendar, dates: DateRange) {
        self.engineers = engineers
        self.company = company
        self.dates = dates
        self.groups = Array(Set(engineers.map(\.group))).sorted()
        self.firstDay = dates.first.dayNumber
        self.engineerCount = engineers.count
        let days = dates.days
        var scheduled = ContiguousArray(repeating: false, count: days.count * engineers.count)
        var counts = Dictionary(uniqueKeysWithValues: groups.map { ($0, ContiguousArray(repeating: 0, count: days.count)) })
        var capacities = Dictionary(uniqueKeysWithValues: groups.map { ($0, ContiguousArray(repeating: 0.0, count: days.count)) })
        for (dayIndex, date) in days.enumerated() {
            for (index, engineer) in engineers.enumerated()
            where engineer.availability(on: date, company: company).isScheduled {
                scheduled[dayIndex * engineers.count + index] = true
                counts[engineer.group]![dayIndex] += 1
                capacities[engineer.group]![dayIndex] += engineer.capacity
            }
        }
        self.scheduled = scheduled
        self.closed = ContiguousArray(days.map { company.closure(on: $0) != nil })
        self.counts = counts
        self.capacities = capacities
    }

    /// Whether engineer `engineer` (an index into `engineers`) is scheduled on `date`, which must
    /// lie in `dates`. Complexity: O(1).
    @inlinable
    public func isScheduled(_ engineer: Int, on date: CivilDate) -> Bool {
        scheduled[dayIndex(date) * engineerCount + engineer]
    }

    /// Whether the company is closed on `date` (no checks that day). Complexity: O(1).
    @inlinable
    public func isClosed(_ date: CivilDate) -> Bool { closed[dayIndex(date)] }

    /// How many SEs of `group` are scheduled on `date`; 0 for a group nobody is in.
    /// Complexity: O(1) (one hash of the group name).
    public func scheduledCount(group: String, on date: CivilDate) -> Int {
        counts[group]?[dayIndex(date)] ?? 0
    }

    /// The summed capacity factors of the SEs of `group` scheduled on `date`. Complexity: O(1).
    public func scheduledCapacity(group: String, on date: CivilDate) -> Double {
        capacities[group]?[dayIndex(date)] ?? 0
    }

    /// Why engineer `engineer` is or is not scheduled on `date` (any date, not only in `dates`).
    public func availability(of engineer: Int, on date: CivilDate) -> Availability {
        engineers[engineer].availability(on: date, company: company)
    }

    @inlinable
    func dayIndex(_ date: CivilDate) -> Int {
        let index = date.dayNumber - firstDay
        precondition(index >= 0 && index < closed.count, "\(date) is outside the schedule's dates")
        return index
    }
}
