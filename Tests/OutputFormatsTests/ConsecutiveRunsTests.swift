import OutputFormats
import Testing

@Suite struct ConsecutiveRunsTests {
    @Test func runsOfAdjacentElements() {
        #expect([false, true, true, false, true].runs { $0 } == [1...2, 4...4])
        #expect([true, true, true].runs { $0 } == [0...2])
        #expect([false, false].runs { $0 } == [])
        #expect([Bool]().runs { $0 } == [])
        #expect([3, 4, 9, 1, 8, 8].runs { $0 > 3 } == [1...2, 4...5])
    }

    /// Indices of a slice are those of the whole collection.
    @Test func sliceIndices() {
        let days = [0, 5, 5, 0, 5]
        #expect(days[2...].runs { $0 > 0 } == [2...2, 4...4])
    }
}
