import Calendars
import Foundation
import Scenarios
import Testing

@testable import Calibration

/// `plan calibrate --leavers`: leavers over SE-years as a constant hazard, with Garwood's interval.
@Suite struct AttritionFitTests {
    static func scenario() -> Scenario {
        let team = (0..<10).map { SupportEngineer(name: "e\($0)", group: "emea", holidays: .none) }
            + (0..<4).map { SupportEngineer(name: "u\($0)", group: "us", holidays: .none, joins: CivilDate(iso: "2026-01-01")!) }
        return Scenario(name: "t", horizon: DateRange(CivilDate(iso: "2026-12-01")!...CivilDate(iso: "2026-12-31")!), team: team, inflow: .init(basePerDay: 1))
    }
    static let days = DateRange(CivilDate(iso: "2025-01-01")!...CivilDate(iso: "2026-12-31")!)

    /// EMEA: 10 SEs on the team all 730 days (2 SE-years each) and 2 leavers on 2026-01-01 (366
    /// days each): λ = 2 / (20 + 732/365), rate 1 − e^(−λ), interval from χ²(0.025; 4) = 0.484419
    /// and χ²(0.975; 6) = 14.449375. US: 4 SEs from 2026-01-01 (365 days each), no leaver: rate 0,
    /// upper bound from χ²(0.975; 2) = 7.377759. A leaver outside the range is counted apart.
    @Test func ratesAndIntervalsAreTheClosedForms() throws {
        let csv = "name,group,left\nold1,emea,2026-01-01\nold2,emea,2026-01-01\nolder,us,2024-06-30\n"
        let fit = try AttritionFit(csv: csv, source: "leavers.csv", scenario: Self.scenario(), days: Self.days)
        let years = 20 + 732.0 / 365
        let emea = try #require(fit.groups.first { $0.group == "emea" })
        #expect(emea.leavers == 2 && abs(emea.seYears - years) < 1e-12)
        #expect(abs(emea.rate.value - (1 - exp(-2 / years))) < 1e-12)
        #expect(abs(emea.rate.low! - (1 - exp(-0.484419 / 2 / years))) < 1e-6)
        #expect(abs(emea.rate.high! - (1 - exp(-14.449375 / 2 / years))) < 1e-6)
        let us = try #require(fit.groups.first { $0.group == "us" })
        #expect(us.leavers == 0 && us.rate.value == 0 && us.rate.low == 0 && abs(us.seYears - 4) < 1e-12)
        #expect(abs(us.rate.high! - (1 - exp(-7.377759 / 2 / 4))) < 1e-6)
        #expect(fit.outside == 1)
    }

    static func message(_ csv: String) -> String? {
        do {
            _ = try AttritionFit(csv: csv, source: "leavers.csv", scenario: scenario(), days: days)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func anUnknownGroupOrABadDateIsNamedWithItsLine() {
        #expect(Self.message("name,group,left\nx,apac,2026-01-01\n") == "leavers.csv:2: group \"apac\" is not a group of the team scenario (groups: emea, us)")
        #expect(Self.message("name,group,left\nx,emea,2026-01-01\ny,emea,2026-13-01\n") == "leavers.csv:3: left \"2026-13-01\": expected a date YYYY-MM-DD")
        #expect(Self.message("name,group\nx,emea\n") == "leavers.csv:1: missing column \"left\"; the header must name name,group,left")
    }
}
