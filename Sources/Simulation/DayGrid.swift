import Buffers

/// Values per row (a group, or an SE) and simulated day, with the day before the first included:
/// a shift that crosses midnight works into the next day, so day d's resolutions read capacity
/// from days d − 2…d, and day −1 is a valid day. Stored `[row * (days + 1) + day + 1]`; callers
/// never see that layout.
struct DayGrid<Element> {
    let values: FixedBuffer<Element>
    /// Entries per row: the simulated days and day −1.
    let stride: Int

    /// A grid over `days` simulated days from values already in the grid's layout (as
    /// `SimulationModel` builds them).
    init(_ values: [Element], days: Int) {
        precondition(values.count % (days + 1) == 0, "\(values.count) values do not fill rows of \(days + 1) days")
        self.values = FixedBuffer(values)
        stride = days + 1
    }

    /// Row `row` on day `day`, −1 ≤ day < days. O(1).
    @inline(__always)
    subscript(row: Int, day day: Int) -> Element {
        get { values[row &* stride &+ day &+ 1] }
        nonmutating set { values[row &* stride &+ day &+ 1] = newValue }
    }

    /// Row `row`'s values from day 0: `row(r)[d]` is `self[r, day: d]` (−1 ≤ d < days), for a
    /// loop over one row's days that addresses the row once. O(1).
    @inline(__always)
    func row(_ row: Int) -> UnsafeMutablePointer<Element> {
        UnsafeMutablePointer(mutating: values.elements.baseAddress!) + (row &* stride &+ 1)
    }

    /// Overwrites every value with `source`'s, which has the same shape. O(rows × days).
    func assign(from source: DayGrid<Element>) { values.assign(from: source.values) }
}
