import Calendars
import Foundation
import OutputFormats
import RunFixtures
import Scenarios
import Simulation
import Testing
@testable import RunArtifacts

/// The CSV files of a run with no randomness, written out in full: every value follows from the
/// scenario by hand (see `TwoDayRun`).
@Suite struct RunTableTests {
    @Test func checksCSV() throws {
        let csv = RunTable.checks(try TwoDayRun.estimates()).csv
        let header = "date,weekday,window,p_level_1,p_level_2,p_level_3,p_level_4,p_level_5,p_level_6,p_level_7,p_level_8,"
            + "p_ge_2,p_ge_3,p_ge_4,p_ge_5,p_ge_6,p_ge_7,p_ge_8,level,level_name,mean_open,p10_open,p50_open,p90_open,mean_load,p50_load,p90_load,nobody_working,"
            + "emea_planned,mean_emea,p50_emea,p90_emea,us_planned,mean_us,p50_us,p90_us,"
            + "p_alert_community-relations,p_alert_ce,p_alert_sales,p_alert_prod-eng-announce"
        // Load percentiles are counted in hundredths, in log buckets above 1.28: 3.06 for 3.0769… (the
        // middle of 3.04–3.07), 5.72 for 5.714… (of 5.68–5.75); the mean exactly.
        let monday = "1.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,"
            + "0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,1,Business as usual,40.00,40,40,40,3.08,3.06,3.06,0.0000,"
            + "3,3.00,3,3,10,10.00,10,10,0.0000,0.0000,0.0000,0.0000"
        let tuesday = "0.0000,0.0000,0.0000,1.0000,0.0000,0.0000,0.0000,0.0000,"
            + "1.0000,1.0000,1.0000,0.0000,0.0000,0.0000,0.0000,4,Community responsiveness flexibility required,40.00,40,40,40,5.71,5.72,5.72,0.0000,"
            + "3,3.00,3,3,4,4.00,4,4,1.0000,0.0000,0.0000,0.0000"
        #expect(csv == """
            \(header)
            2026-12-07,Mon,EMEA,\(monday)
            2026-12-07,Mon,Americas,\(monday)
            2026-12-08,Tue,EMEA,\(tuesday)
            2026-12-08,Tue,Americas,\(tuesday)

            """)
    }

    @Test func levelsCSV() throws {
        let csv = RunTable.levels(try TwoDayRun.estimates()).csv
        // Wilson 95% bounds with 3 trials: 3/(3 + z²) = 0.4385 below a certain event, z²/(3 + z²) = 0.5615 above an impossible one.
        let never = "0.0000,0.0000,0.5615", always = "1.0000,0.4385,1.0000"
        var expected = "date,window,kind,level,level_name,probability,ci_low,ci_high\n"
        let names = ["Business as usual", "CS team coordination required", "CS team flexibility required",
                     "Community responsiveness flexibility required", "Post-sales responsiveness flexibility required",
                     "Pre-sales responsiveness flexibility required", "CE collaboration required", "Engineering collaboration required"]
        for (date, level) in [("2026-12-07", 1), ("2026-12-08", 4)] {
            for window in ["EMEA", "Americas"] {
                for k in 1...8 { expected += "\(date),\(window),exactly,\(k),\(names[k - 1]),\(k == level ? always : never)\n" }
                for k in 2...8 { expected += "\(date),\(window),at_least,\(k),\(names[k - 1]),\(k <= level ? always : never)\n" }
            }
        }
        #expect(csv == expected)
    }

    @Test func horizonCSV() throws {
        let csv = RunTable.horizon(try TwoDayRun.estimates()).csv
        #expect(csv == """
            level,level_name,p_reach,ci_low,ci_high,expected_checks,longest_run_mean,longest_run_p50,longest_run_p90
            2,CS team coordination required,1.0000,0.4385,1.0000,2.00,2.00,2,2
            3,CS team flexibility required,1.0000,0.4385,1.0000,2.00,2.00,2,2
            4,Community responsiveness flexibility required,1.0000,0.4385,1.0000,2.00,2.00,2,2
            5,Post-sales responsiveness flexibility required,0.0000,0.0000,0.5615,0.00,0.00,0,0
            6,Pre-sales responsiveness flexibility required,0.0000,0.0000,0.5615,0.00,0.00,0,0
            7,CE collaboration required,0.0000,0.0000,0.5615,0.00,0.00,0,0
            8,Engineering collaboration required,0.0000,0.0000,0.5615,0.00,0.00,0,0

            """)
    }

    @Test func longestRunsCSV() throws {
        let csv = RunTable.longestRuns(try TwoDayRun.estimates()).csv
        #expect(csv == """
            level,level_name,run_length,probability
            2,CS team coordination required,2,1.0000
            3,CS team flexibility required,2,1.0000
            4,Community responsiveness flexibility required,2,1.0000
            5,Post-sales responsiveness flexibility required,0,1.0000
            6,Pre-sales responsiveness flexibility required,0,1.0000
            7,CE collaboration required,0,1.0000
            8,Engineering collaboration required,0,1.0000

            """)
    }

    /// The brief-by date is `lead_days` working days before the first date: five (the default) before
    /// Tuesday 2026-12-08 is Tuesday 2026-12-01, the weekend of Dec 5–6 stepped over.
    @Test func recommendationsCSV() throws {
        let csv = try TwoDayRun.output().recommendations.csv
        #expect(csv == """
            channel,level,level_name,window,brief_by,first_date,last_date,checks,max_probability,mean_probability
            #community-relations,4,Community responsiveness flexibility required,Americas,2026-12-01,2026-12-08,2026-12-08,1,1.0000,1.0000
            #community-relations,4,Community responsiveness flexibility required,EMEA,2026-12-01,2026-12-08,2026-12-08,1,1.0000,1.0000

            """)
    }

    /// `brief_by` follows the scenario's `lead_days` in working days: 0 is the first date itself, 1 the
    /// Monday before Tuesday Dec 8, 2 the Friday before it (Saturday and Sunday are no check days), and
    /// with checks on every day 2 is the Sunday.
    @Test(arguments: [
        (0, SupportEngineer.mondayToFriday, "2026-12-08"), (1, SupportEngineer.mondayToFriday, "2026-12-07"),
        (2, SupportEngineer.mondayToFriday, "2026-12-04"), (2, Set(Weekday.allCases), "2026-12-06"),
    ])
    func recommendationsAreBriefedLeadDaysBefore(leadDays: Int, checkDays: Set<Weekday>, briefBy: String) throws {
        var scenario = TwoDayRun.scenario()
        scenario.leadDays = leadDays
        scenario.checkDays = checkDays
        let model = try SimulationModel(scenario)
        let estimates = Estimates(model: model, tally: try MonteCarloRun(model: model, settings: TwoDayRun.settings).run())
        let record = RunRecord(
            toolVersion: "9.9.9", scenarioPath: "two-days.json", scenarioBytes: Array("abc".utf8), estimates: estimates,
            settings: TwoDayRun.settings, started: Date(timeIntervalSince1970: 1_800_000_000), elapsedSeconds: 0.5)
        let table = RunTable.recommendations(estimates, record: record)
        let column = try #require(table.columns.firstIndex(of: "brief_by"))
        #expect(!table.rows.isEmpty)
        #expect(table.rows.allSatisfy { $0[column] == .text(briefBy) && $0[column + 1] == .text("2026-12-08") })
    }

    /// The JSON rows carry the CSV's rounded values as numbers, keyed by column.
    @Test func recordsAreTheCSVRowsAsJSON() throws {
        let table = RunTable(columns: ["date", "n", "p", "load"], rows: [
            [.text("2026-12-07"), .integer(3), .number(0.123456, digits: 4), .number(.infinity, digits: 2)],
        ])
        #expect(table.csv == "date,n,p,load\n2026-12-07,3,0.1235,inf\n")
        // A load with nobody working is an empty cell and JSON null, never "inf" text in a spreadsheet.
        let loads = RunTable(columns: ["load"], rows: [[.load(.infinity)], [.load(2.5)]])
        #expect(loads.csv == "load\n\n2.50\n")
        #expect(String(decoding: try JSONEncoder().encode(loads.records), as: UTF8.self) == #"[{"load":null},{"load":2.5}]"#)
        // An infinite plain number has no JSON: the writer refuses it, naming where it is.
        let refused = #expect(throws: NonFiniteNumberError.self) { try encodeJSON(table.records) }
        #expect(refused?.pointer == "/0/load")
        let finite = RunTable(columns: ["date", "n", "p"], rows: [[.text("2026-12-07"), .integer(3), .number(0.123456, digits: 4)]])
        #expect(try encodeJSON(finite.records) == "[\n  {\n    \"date\" : \"2026-12-07\",\n    \"n\" : 3,\n    \"p\" : 0.1235\n  }\n]")
    }

    @Test func fieldsWithCommasAndQuotesAreQuoted() {
        let table = RunTable(columns: ["window"], rows: [[.text("EMEA, \"late\"")]])
        #expect(table.csv == "window\n\"EMEA, \"\"late\"\"\"\n")
    }

    /// A window or channel a spreadsheet would run as a formula is written as text in the CSV and
    /// unchanged in the JSON document; negative numbers stay numbers.
    @Test func formulaLikeTextIsNeutralisedInCSVOnly() throws {
        let table = RunTable(columns: ["window", "channel", "difference"], rows: [
            [.text("=HYPERLINK(\"http://x\")"), .text("@oncall"), .number(-0.25, digits: 2)],
            [.text("-EMEA"), .text("#ce"), .integer(-3)],
        ])
        #expect(table.csv == "window,channel,difference\n\"'=HYPERLINK(\"\"http://x\"\")\",'@oncall,-0.25\n'-EMEA,#ce,-3\n")
        let json = String(decoding: try JSONEncoder().encode(table.records), as: UTF8.self)
        #expect(json.contains(#""channel":"@oncall""#) && json.contains(#""window":"-EMEA""#))
    }
}
