import Buffers

/// Values per row (a simulated day, or a level) and segment of the day: `[row * segments + s]`,
/// hidden behind `grid[row, segment: s]`.
struct SegmentGrid<Element> {
    let values: FixedBuffer<Element>
    let segments: Int

    init(_ values: [Element], segments: Int) {
        precondition(values.count % segments == 0, "\(values.count) values do not fill rows of \(segments) segments")
        self.values = FixedBuffer(values)
        self.segments = segments
    }

    /// O(1).
    @inline(__always)
    subscript(row: Int, segment s: Int) -> Element { values[row &* segments &+ s] }
}
