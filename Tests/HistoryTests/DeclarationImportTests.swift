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
}
