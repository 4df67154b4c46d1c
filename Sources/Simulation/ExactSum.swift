/// A sum of whole numbers in 128 bits: integer addition in any order gives the same total (the
/// basis of identical output whatever the thread count), and 128 bits cannot overflow here: the
/// largest term (a load of 2^63 cases per SE in units of 2^-16) times the most trials a run may
/// have (4·10^9) stays below 2^116.
public struct ExactSum: Sendable, Equatable, Codable {
    private var high: Int64 = 0
    private var low: UInt64 = 0

    public init() {}

    /// Adds `value`. O(1).
    @inline(__always)
    mutating func add(_ value: Int) {
        let (sum, carry) = low.addingReportingOverflow(UInt64(bitPattern: Int64(value)))
        low = sum
        // A negative term is its two's complement: −1 in the high word, plus the carry.
        high &+= (value < 0 ? -1 : 0) &+ (carry ? 1 : 0)
    }

    mutating func add(_ other: ExactSum) {
        let (sum, carry) = low.addingReportingOverflow(other.low)
        low = sum
        high &+= other.high &+ (carry ? 1 : 0)
    }

    /// Whether the total is below zero. O(1).
    public var isNegative: Bool { high < 0 }

    /// The total, rounded to the nearest double. Totals that fit 64 bits convert directly (the
    /// two words would cancel in floating point); larger ones lose nothing that a double keeps.
    public var value: Double {
        if high == 0 && low < 1 << 63 || high == -1 && low >= 1 << 63 { return Double(Int64(bitPattern: low)) }
        return Double(high) * 18_446_744_073_709_551_616.0 + Double(low)
    }
}
