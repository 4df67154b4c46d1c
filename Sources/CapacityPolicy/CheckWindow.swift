/// A coverage window and the time CS-triage declares its level (docs/POLICY.md: EMEA at 10:00 UTC,
/// Americas at 17:30 UTC). Scenarios may define others.
public struct CheckWindow: Sendable, Hashable {
    public var name: String
    /// Minutes after 00:00 UTC.
    public var checkMinute: Int
    /// Coverage as minutes after 00:00 UTC; the end may exceed 24 h for a window that runs past midnight.
    public var coverage: Range<Int>

    public init(name: String, checkMinute: Int, coverage: Range<Int>) {
        self.name = name
        self.checkMinute = checkMinute
        self.coverage = coverage
    }

    public static let emea = CheckWindow(name: "EMEA", checkMinute: 10 * 60, coverage: 9 * 60..<16 * 60)
    public static let americas = CheckWindow(name: "Americas", checkMinute: 17 * 60 + 30, coverage: 14 * 60..<25 * 60)
    /// The handbook's windows: those of a scenario that defines none, and of a check given without one.
    public static let handbook = [emea, americas]

    /// The window among `windows` whose name matches `name` ignoring case: people type `emea` for
    /// `EMEA`, and a scenario may define windows of its own.
    public static func named(_ name: String, in windows: [CheckWindow]) -> CheckWindow? {
        windows.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The minute after 00:00 UTC of a check time written `HH:MM` (00:00 to 23:59), as `clock` writes it.
    public static func minute(ofClock text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// The window among `windows` whose check is nearest to `minute` (after 00:00 UTC), around the
    /// clock (23:50 is nearer 00:10 than 20:00), the earlier check on a tie: the check someone
    /// declaring a level at that time most likely means. Nil for no windows. Complexity: O(windows).
    public static func nearest(to minute: Int, in windows: [CheckWindow]) -> CheckWindow? {
        func distance(_ window: CheckWindow) -> Int {
            let apart = ((window.checkMinute - minute) % 1440 + 1440) % 1440
            return min(apart, 1440 - apart)
        }
        return windows.min { (distance($0), $0.checkMinute) < (distance($1), $1.checkMinute) }
    }

    public static func clock(_ minute: Int) -> String {
        let m = ((minute % 1440) + 1440) % 1440
        let h = m / 60, mm = m % 60
        return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
    }

    /// "10:00 UTC, coverage 09:00–16:00 UTC"
    public var schedule: String {
        "\(CheckWindow.clock(checkMinute)) UTC, coverage \(CheckWindow.clock(coverage.lowerBound))–\(CheckWindow.clock(coverage.upperBound)) UTC"
    }
}
