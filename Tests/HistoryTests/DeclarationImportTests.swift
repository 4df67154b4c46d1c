import CapacityPolicy
import InputFormats
import Testing
@testable import History

@Suite struct DeclarationImportTests {
    static let table = EffectiveTable(Policy.handbook)

    static func read(_ text: String) throws -> DeclarationImport {
        try DeclarationImport(text: text, source: "days.csv", table: table, recordedAt: "2026-11-30T10:00:00Z")
    }

    @Test func computesAMissingLevelAndReportsADisagreementButKeepsTheRecordedOne() throws {
        let imported = try Self.read("""
            date,window,emea,us,open_cases,level,note
            2026-12-01,EMEA,3,10,40,,quiet
            2026-12-01,americas,3,10,66,3,busy
            2026-12-02,Emea,1,10,30,5,
            """)
        #expect(imported.checks.map(\.level) == [1, 3, 5])
        #expect(imported.checks.map(\.window) == ["EMEA", "Americas", "EMEA"])
        #expect(imported.checks.map(\.checkMinute) == [600, 1050, 600])
        #expect(imported.checks[2].alerts == ["#community-relations", "#ce"])
        #expect(imported.checks[1].inputs == [.init(name: "emea", value: 3, kind: .headcount), .init(name: "us", value: 10, kind: .headcount), .init(name: "open", value: 66, kind: .cases)])
        #expect(imported.checks[1].source == "days.csv:3")
        #expect(try imported.checks[0].policySHA256 == Self.table.sha256)
        #expect(imported.disagreements.map(\.description) == ["days.csv:3: level 3 was recorded; the policy gives level 2 for these counts (stored as recorded)"])
    }

    @Test(arguments: [
        ("2026-12-01,asia,3,10,40", "days.csv:2: column \"window\": unknown window \"asia\"; expected EMEA or Americas, or a column check_time with the window's check time"),
        ("2026-12-01,EMEA,3,-2,40", "days.csv:2: column \"us\": \"-2\" is a negative count; expected a whole number from 0 to 1000000000 (US-based SEs working that day)"),
        ("2026-12-32,EMEA,3,2,40", "days.csv:2: column \"date\": expected a date YYYY-MM-DD from 1970-01-01 to 2100-12-31, found \"2026-12-32\""),
        ("2026-12-01,EMEA,3,2", "days.csv:2: expected 5 fields as in the header, found 4"),
    ])
    func badRowsNameTheirLine(row: String, message: String) {
        let error = #expect(throws: CSVError.self) { try Self.read("date,window,emea,us,open_cases\n\(row)\n") }
        #expect(error?.description == message)
    }

    @Test func aLevelOutsideThePolicyAndAMissingColumnAreErrors() {
        let level = #expect(throws: CSVError.self) { try Self.read("date,window,emea,us,open_cases,level\n2026-12-01,EMEA,3,10,40,9\n") }
        #expect(level?.description == "days.csv:2: column \"level\": expected a level from 1 to 8, found \"9\"")
        let column = #expect(throws: CSVError.self) { try Self.read("date,window,emea,open_cases\n2026-12-01,EMEA,3,40\n") }
        #expect(column?.description == "days.csv:1: missing column \"us\"; the header must name date,window,emea,us,open_cases")
    }

    /// What `plan history export` writes imports back as it was: the window's check time, the
    /// recorded alerts, policy, source and moment.
    @Test func anExportRowKeepsWhatItRecorded() throws {
        let sha = String(repeating: "ab", count: 32)
        let imported = try Self.read("""
            date,window,check_time,emea,us,open_cases,level,alerts,policy_sha256,source,recorded_at
            2026-12-02,APAC,23:00,3,11,30,1,,\(sha),plan level,2026-12-01T08:00:00Z
            2026-12-03,apac,23:00,3,11,30,4,#a #b,\(sha),old.csv:7,2026-12-01T08:00:01Z
            2026-12-03,EMEA,10:00,3,11,30,,,,,
            """)
        #expect(imported.checks.map(\.window) == ["APAC", "APAC", "EMEA"])
        #expect(imported.checks.map(\.checkMinute) == [1380, 1380, 600])
        #expect(imported.checks.map(\.alerts) == [[], ["#a", "#b"], []])
        #expect(imported.checks.map(\.policySHA256) == [sha, sha, try Self.table.sha256])
        #expect(imported.checks.map(\.source) == ["plan level", "old.csv:7", "days.csv:4"])
        #expect(imported.checks.map(\.recordedAt) == ["2026-12-01T08:00:00Z", "2026-12-01T08:00:01Z", "2026-11-30T10:00:00Z"])
        #expect(imported.disagreements.map(\.line) == [3])
    }

    @Test(arguments: [
        ("2026-12-01,APAC,23:00,3,10,40\n2026-12-02,APAC,22:00,3,10,40",
         "days.csv:3: column \"check_time\": the APAC check is at 23:00 UTC on line 2, not 22:00"),
        ("2026-12-01,Americas,17:00,3,10,40", "days.csv:2: column \"check_time\": the Americas check is at 17:30 UTC, not 17:00"),
        ("2026-12-01,APAC,24:00,3,10,40", "days.csv:2: column \"check_time\": expected a time HH:MM (UTC) such as 10:00, found \"24:00\""),
        ("2026-12-01,,10:00,3,10,40", "days.csv:2: column \"window\": the window's name is empty"),
    ])
    func aCheckTimeMustAgreeWithItsWindow(rows: String, message: String) {
        let error = #expect(throws: CSVError.self) { try Self.read("date,window,check_time,emea,us,open_cases\n\(rows)\n") }
        #expect(error?.description == message)
    }

    @Test func theWindowsAreTheScenariosAndAPolicyDigestIsChecked() throws {
        let apac = CheckWindow(name: "APAC", checkMinute: 1380, coverage: 1320..<1439)
        let imported = try DeclarationImport(text: "date,window,emea,us,open_cases\n2026-12-01,apac,3,10,40\n", source: "days.csv", table: Self.table,
                                             windows: [.emea, apac], recordedAt: "2026-11-30T10:00:00Z")
        #expect(imported.checks.map(\.window) == ["APAC"] && imported.checks.map(\.checkMinute) == [1380])
        let sha = #expect(throws: CSVError.self) { try Self.read("date,window,emea,us,open_cases,level,policy_sha256\n2026-12-01,EMEA,3,10,40,1,xyz\n") }
        #expect(sha?.description == "days.csv:2: column \"policy_sha256\": expected 64 hexadecimal digits, found \"xyz\"")
    }
}
