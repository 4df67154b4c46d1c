import Calendars
import RunFixtures
import Testing
@testable import Reports

@Suite struct TerminalSummaryTests {
    /// Three trials decide nothing within the noise: every check is at the line, its planning
    /// level anywhere from the estimate's to the top (P(level ≥ 5) = 0 of 3 has a 95% interval up to 56%).
    @Test func printsTheDaysTheAdviceAndTheHorizon() throws {
        let text = TerminalSummary(try TwoDayRun.output()).text
        #expect(text == """
            two-days: 2026-12-07…2026-12-08, 4 checks (EMEA, Americas); 13 SEs (emea 3, us 10)
            3 trials, seed 5; every P(level ≥ k) within ±28.07 points (95%)
            Policy: Support capacity levels (handbook), built-in, first-level reading
            Sickness: none.
            Inflow: 0 cases a day; Poisson.
            Work: each SE resolves 0 cases a shift on average; 40 open cases at the start of the horizon.
            Effects: none; levels are declared but change nothing (open loop).

                             EMEA 10:00 UTC            Americas 17:30 UTC
            date        day  plan    ≥2    ≥3    ≥4    plan    ≥2    ≥3    ≥4
            2026-12-07  Mon  1–8     0%    0%    0%    1–8     0%    0%    0%
            2026-12-08  Tue  4–8     100%  100%  100%  4–8     100%  100%  100%

            plan: planning level, the lowest k with P(level > k) ≤ 10%; ≥k: P(level ≥ k).
            2–3: at the line, P(level > 2)'s 95% interval contains 10%: 2 or 3 within the noise.

            Arrange ahead (alerts needed with probability 25% or more):
              Brief #community-relations by Tue Dec 1 for Dec 8 (EMEA and Americas): P(level ≥ 4) 100%.

            Over the horizon (4 checks)                         at least once  checks at ≥k  longest run p50/p90
              ≥2 CS team coordination required                  100%           2.0           2 / 2
              ≥3 CS team flexibility required                   100%           2.0           2 / 2
              ≥4 Community responsiveness flexibility required  100%           2.0           2 / 2
              ≥5 Post-sales responsiveness flexibility required 0%             0.0           0 / 0
              ≥6 Pre-sales responsiveness flexibility required  0%             0.0           0 / 0
              ≥7 CE collaboration required                      0%             0.0           0 / 0
              ≥8 Engineering collaboration required             0%             0.0           0 / 0

            """)
    }

    @Test func longLinesWrapWithinTheWidth() throws {
        let summary = TerminalSummary(try TwoDayRun.output())
        let words = Array(repeating: "capacity", count: 40).joined(separator: " ")
        let lines = summary.wrap("  Brief " + words)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.count <= TerminalSummary.width })
        #expect(lines[0].hasPrefix("  Brief capacity"))
        #expect(lines[1].hasPrefix("      capacity"))
    }

    @Test(arguments: [
        ("2026-12-21", "2026-12-24", "Dec 21–24"), ("2026-12-31", "2026-12-31", "Dec 31"), ("2026-12-28", "2027-01-04", "Dec 28–Jan 4"),
    ])
    func dateRanges(first: String, last: String, text: String) {
        #expect(TerminalSummary.range(CivilDate(iso: first)!, CivilDate(iso: last)!) == text)
    }

    @Test func progressLine() {
        #expect(ProgressLine.text(done: 104_000, planned: 200_000) == "[###############···············]  52%  104000 of 200000 trials")
        #expect(ProgressLine.text(done: 16_000, planned: nil) == "16000 trials (until the precision target is met)")
    }
}
