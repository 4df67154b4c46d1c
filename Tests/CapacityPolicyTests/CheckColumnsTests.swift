import InputFormats
import Testing
import CapacityPolicy

/// The one reader of check CSVs: inputs by their names, the cases input also as `open_cases`
/// whatever its name, and one message for a bad value.
@Suite struct CheckColumnsTests {
    /// The handbook policy with its cases input renamed `backlog`.
    static let backlog: Policy = {
        var policy = Policy.handbook
        policy.inputs[2].name = "backlog"
        return policy
    }()

    static func values(_ text: String, policy: Policy = backlog) throws -> [[Int]] {
        let csv = try CSVTable(text: text, source: "days.csv")
        let columns = try CheckColumns(csv, policy: policy, source: "days.csv")
        return try csv.rows.map { try columns.values($0) }
    }

    @Test func theCasesInputIsReadByItsNameOrAsOpenCases() throws {
        #expect(try Self.values("us,open_cases,emea,note\n10,40,3,x\n") == [[3, 10, 40]])
        #expect(try Self.values("emea,us,backlog\n3,10,41\n") == [[3, 10, 41]])
        #expect(try Self.values("emea,us,open_cases\n3,10,42\n", policy: .handbook) == [[3, 10, 42]])
        #expect(try Self.values("emea,us,open\n3,10,43\n", policy: .handbook) == [[3, 10, 43]])
        let missing = #expect(throws: CSVError.self) { try Self.values("date,window,emea,us\n") }
        #expect(missing?.description == "days.csv:1: missing column \"open_cases\"; the header must name emea,us,open_cases")
    }

    @Test func aBadValueOrRowIsNamedByLineAndColumn() {
        let bad = #expect(throws: CSVError.self) { try Self.values("emea,us,open_cases\n3,10,40\n3,ten,40\n") }
        #expect(bad?.description == "days.csv:3: column \"us\": \"ten\" is not a whole number; expected a whole number from 0 to 1000000000 (US-based SEs working that day)")
        let large = #expect(throws: CSVError.self) { try Self.values("emea,us,open_cases\n3,10,1000000001\n") }
        #expect(large?.description.hasPrefix("days.csv:2: column \"open_cases\": \"1000000001\" is too large;") == true)
        let short = #expect(throws: CSVError.self) { try Self.values("emea,us,open_cases\n3,10\n") }
        #expect(short?.description == "days.csv:2: expected 3 fields as in the header, found 2")
    }

    @Test func exportsNameTheFirstCasesInputOpenCases() {
        #expect(CheckColumns.names([("emea", .headcount), ("us", .headcount), ("open", .cases)]) == ["emea", "us", "open_cases"])
        #expect(CheckColumns.names([("emea", .headcount), ("backlog", .cases), ("open", .cases)]) == ["emea", "open_cases", "open"])
        // Unknown kinds keep their names, and so does every input when one is already named open_cases.
        #expect(CheckColumns.names([("backlog", nil), ("open", .cases)]) == ["backlog", "open_cases"])
        #expect(CheckColumns.names([("open_cases", .headcount), ("backlog", .cases)]) == ["open_cases", "backlog"])
    }
}
