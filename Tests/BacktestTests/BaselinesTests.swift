import Calendars
import Testing
@testable import Backtest

@Suite struct BaselinesTests {
    static func check(_ date: String, _ window: String = "EMEA", level: Int) -> DeclaredLevel {
        DeclaredLevel(date: CivilDate(iso: date)!, window: window, checkMinute: window == "EMEA" ? 600 : 1050, level: level, openCases: nil)
    }

    /// Mondays 2026-11-02, -09, -16 at levels 2, 2, 3, a Tuesday at 4 and an Americas check at 5;
    /// climatology for Monday 2026-11-23 EMEA counts the three Mondays only, with one pseudo-check
    /// spread over the four levels: (2 + 1/4) / 4 for level 2, (1 + 1/4) / 4 for level 3.
    @Test func climatologyCountsEarlierChecksOfTheSameWindowAndWeekday() {
        let history = [
            Self.check("2026-11-02", level: 2), Self.check("2026-11-09", level: 2), Self.check("2026-11-16", level: 3),
            Self.check("2026-11-17", level: 4), Self.check("2026-11-16", "Americas", level: 4),
            Self.check("2026-11-30", level: 1),
        ]
        let baselines = Baselines(history: history, levelCount: 4)
        let p = baselines.climatology(for: Self.check("2026-11-23", level: 1))
        let expected: [Double] = [0.0625, 0.5625, 0.3125, 0.0625]
        #expect(p == expected)
        // No earlier check of the window and weekday: an even split.
        let even: [Double] = [0.25, 0.25, 0.25, 0.25]
        #expect(baselines.climatology(for: Self.check("2026-11-02", level: 1)) == even)
    }

    @Test func persistenceIsTheLevelOfThePreviousCheckDayOfTheWindow() {
        let history = [Self.check("2026-11-02", level: 2), Self.check("2026-11-03", "Americas", level: 4), Self.check("2026-11-04", level: 3)]
        let baselines = Baselines(history: history, levelCount: 4)
        let third: [Double] = [0, 0, 1, 0], second: [Double] = [0, 1, 0, 0]
        #expect(baselines.persistence(for: Self.check("2026-11-05", level: 1)) == third)
        #expect(baselines.persistence(for: Self.check("2026-11-04", level: 1)) == second)
        #expect(baselines.persistence(for: Self.check("2026-11-02", level: 1)) == nil)
    }
}
