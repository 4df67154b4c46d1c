import CapacityPolicy
import Testing

/// `plan level` without `--window` declares the check nearest to the time it runs.
@Suite struct CheckWindowTests {
    static let handbook = [CheckWindow.emea, CheckWindow.americas]

    @Test(arguments: [
        (0, "Americas"),        // 00:00: 6 h 30 after 17:30 the day before, 10 h before 10:00
        (104, "Americas"),      // 01:44: 8 h 14 after 17:30, 8 h 16 before 10:00
        (105, "EMEA"),          // 01:45: 8 h 15 either way: the earlier check of the day
        (6 * 60, "EMEA"),
        (13 * 60 + 44, "EMEA"), // 3 h 44 after 10:00, 3 h 46 before 17:30
        (13 * 60 + 45, "EMEA"), // 3 h 45 either way: the earlier check
        (13 * 60 + 46, "Americas"),
        (17 * 60 + 30, "Americas"),
        (21 * 60 + 45, "Americas"), // 4 h 15 after 17:30, 12 h 15 before 10:00
        (23 * 60 + 59, "Americas"), // 6 h 29 after 17:30, 10 h 01 before 10:00
    ])
    func theNearestCheckAroundTheClock(minute: Int, expected: String) {
        #expect(CheckWindow.nearest(to: minute, in: Self.handbook)?.name == expected)
    }

    @Test func aWindowJustPastMidnightIsNearAWindowJustBefore() {
        let late = CheckWindow(name: "late", checkMinute: 23 * 60 + 50, coverage: 0..<60)
        let night = CheckWindow(name: "night", checkMinute: 20, coverage: 0..<60)
        #expect(CheckWindow.nearest(to: 10, in: [late, night, .emea])?.name == "night")
        #expect(CheckWindow.nearest(to: 23 * 60 + 40, in: [.emea, night, late])?.name == "late")
        #expect(CheckWindow.nearest(to: 0, in: []) == nil)
    }
}
