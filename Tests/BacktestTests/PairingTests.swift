import Calendars
import Testing
@testable import Backtest

@Suite struct PairingTests {
    static let check = DeclaredLevel(date: CivilDate(iso: "2026-12-10")!, window: "EMEA", checkMinute: 600, level: 2, openCases: 40)

    static func forecast(_ run: String, madeAt: String, date: String = "2026-12-10", window: String = "EMEA") -> LevelForecast {
        LevelForecast(runID: run, madeAt: Moment(iso: madeAt)!, date: CivilDate(iso: date)!, window: window,
                      levels: [0.5, 0.5], p10Open: 30, p90Open: 50)
    }

    let forecasts = [
        forecast("a", madeAt: "2026-11-01T09:00:00Z"),
        forecast("b", madeAt: "2026-12-03T09:00:00Z"),
        forecast("c", madeAt: "2026-12-10T09:59:00Z"),
        forecast("late", madeAt: "2026-12-10T10:00:00Z"),
        forecast("other-window", madeAt: "2026-12-01", window: "Americas"),
        forecast("other-day", madeAt: "2026-12-01", date: "2026-12-11"),
    ]

    @Test func latestIsTheLastForecastMadeBeforeTheCheck() {
        let pairs = Pairing.latest.pairs([Self.check], forecasts, lead: 0...365)
        #expect(pairs.map(\.forecast.runID) == ["c"])
        #expect(pairs.first?.leadDays == 0)
    }

    @Test func eachScoresEveryForecastMadeBeforeTheCheckWithinTheLead() {
        #expect(Pairing.each.pairs([Self.check], forecasts, lead: 0...365).map(\.forecast.runID) == ["a", "b", "c"])
        #expect(Pairing.each.pairs([Self.check], forecasts, lead: 1...30).map(\.forecast.runID) == ["b"])
        #expect(Pairing.latest.pairs([Self.check], forecasts, lead: 8...365).map(\.forecast.runID) == ["a"])
        #expect(Pairing.latest.pairs([Self.check], forecasts, lead: 50...60).isEmpty)
    }

    @Test func momentsReadISOTimesAndDates() {
        #expect(Moment(iso: "2026-11-30T20:01:02Z") == Moment(date: CivilDate(iso: "2026-11-30")!, minute: 20 * 60 + 1))
        #expect(Moment(iso: "2026-11-30T20:01") == Moment(date: CivilDate(iso: "2026-11-30")!, minute: 20 * 60 + 1))
        #expect(Moment(iso: "2026-11-30") == Moment(date: CivilDate(iso: "2026-11-30")!, minute: 0))
        for bad in ["2026-11-30T25:00:00Z", "2026-11-30T20:1", "2026-13-01", "noon", "2026-11-30T20:01:61Z"] {
            #expect(Moment(iso: bad) == nil, "\(bad)")
        }
        #expect(Moment(iso: "2026-11-30T20:01:02Z")?.description == "2026-11-30T20:01Z")
    }
}
