import Calendars
import Foundation
import Scenarios
import Testing
@testable import Simulation

/// The trend, month and period factors reach each day's arrival means (docs/MODEL.md §4), and the
/// engine's mean arrivals follow them.
@Suite struct DriftModelTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// Base 20 on the reference 2026-12-07; +44% a year; December × 0.5, January × 1.5; a launch
    /// doubles 2027-01-05…06. Written by hand, day by day, over 2026-12-30…2027-01-06.
    static let inflow = Scenario.Inflow(
        basePerDay: 20, trend: .init(perYear: 0.44, reference: date("2026-12-07")), monthFactors: [12: 0.5, 1: 1.5],
        periods: [.init(dates: try! DateRange(first: date("2027-01-05"), last: date("2027-01-06")), factor: 2)])

    @Test func arrivalMeansCarryTheDriftFactors() throws {
        var scenario = TestScenarios.plain(emea: 1, us: 1, days: 8, inflow: Self.inflow)
        scenario.horizon = try DateRange(first: Self.date("2026-12-30"), last: Self.date("2027-01-06"))
        let model = try SimulationModel(scenario)
        let shares = model.segmentHours.map { $0 / 24 }
        for d in 0..<8 {
            let date = Self.date("2026-12-30").adding(days: d)
            // 1.44^(t / 365.25) = 1.2^(2t / 365.25), t days after 2026-12-07.
            let trend = pow(1.2, 2 * Double(23 + d) / 365.25)
            let month = d < 2 ? 0.5 : 1.5
            let launch = d >= 6 ? 2.0 : 1
            for s in shares.indices {
                let expected = 20 * trend * month * launch * shares[s]
                #expect(abs(model.arrivalMeans[d * shares.count + s] - expected) < 1e-12 * expected, "\(date) segment \(s)")
            }
        }
    }
}
