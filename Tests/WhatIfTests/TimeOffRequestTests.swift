import Testing
@testable import WhatIf

@Suite struct TimeOffRequestTests {
    static let team = ["us-09", "us-10"]
    static let horizon = December.dates("2026-12-01", "2026-12-31")

    @Test func readsNamesDatesAndPriorities() throws {
        let requests = try TimeOffRequest.read(
            csv: "Name,Start,End,Priority\nus-09,2026-12-21,2026-12-24,2\n\"us-10\",2026-12-22,,\n", source: "r.csv", team: Self.team, horizon: Self.horizon).requests
        #expect(requests == [
            TimeOffRequest(name: "us-09", dates: December.dates("2026-12-21", "2026-12-24"), priority: 2, line: 2),
            TimeOffRequest(name: "us-10", dates: December.dates("2026-12-22", "2026-12-22"), priority: 0, line: 3),
        ])
        let withoutPriority = try TimeOffRequest.read(csv: "name,start,end\nus-09,2026-12-21,2026-12-21\n", source: "r.csv", team: Self.team, horizon: Self.horizon).requests
        #expect(withoutPriority.map(\.priority) == [0])
    }

    /// The note column is kept as written (quoted commas and quotes, surrounding spaces trimmed), the
    /// mark `CSVWriter` puts before a formula-like note removed; a file without one gives empty notes.
    @Test func keepsTheNoteOfEachRequest() throws {
        let requests = try TimeOffRequest.read(
            csv: "name,start,end,Note\nus-09,2026-12-21,2026-12-24,\" family visit, \"\"long\"\" \"\nus-10,2026-12-22,,'=SUM(A1)\nus-10,2026-12-23,,\n",
            source: "r.csv", team: Self.team, horizon: Self.horizon).requests
        #expect(requests.map(\.note) == ["family visit, \"long\"", "=SUM(A1)", ""])
        let withoutNote = try TimeOffRequest.read(csv: "name,start,end\nus-09,2026-12-21,2026-12-21\n", source: "r.csv", team: Self.team, horizon: Self.horizon).requests
        #expect(withoutNote.map(\.note) == [""])
        let renamed = try TimeOffRequest.read(
            csv: "name,start,end,comment\nus-09,2026-12-21,2026-12-21,moving house\n", source: "r.csv",
            columns: try RequestColumns(parsing: "note=comment"), team: Self.team, horizon: Self.horizon).requests
        #expect(renamed == [TimeOffRequest(name: "us-09", dates: December.dates("2026-12-21", "2026-12-21"), note: "moving house", line: 2)])
    }

    @Test(arguments: [
        ("name,start,end,priority\nus-09,2026-12-21,2026-12-24,high\n", "r.csv:2: priority \"high\" is not a whole number from -1000000000 to 1000000000"),
        ("name,start,end\nus-9,2026-12-21,2026-12-24\n", "r.csv:2: \"us-9\" is not the name of an SE in the team; did you mean \"us-09\"?"),
        ("name,start,end\nus-09,2026-12-24,2026-12-21\n", "r.csv:2: end 2026-12-21 is before start 2026-12-24"),
        ("name,start\nus-09,2026-12-24\n", "r.csv:1: missing column \"end\"; the header must name name,start,end"),
        ("name,start,end\n", "r.csv: no requests (expected one row per request after the header)"),
    ])
    func refuses(csv: String, message: String) {
        #expect(throws: WhatIfError(message)) { try TimeOffRequest.read(csv: csv, source: "r.csv", team: Self.team, horizon: Self.horizon) }
    }

    /// Unknown names, an end before its start, a date that is none, a bad priority and, with
    /// `strict`, dates outside the horizon: every problem of the file at once, in line order.
    @Test func reportsEveryProblemAtOnce() {
        let csv = "name,start,end,priority\nus-9,2026-12-21,2026-12-24,1\nus-09,2027-01-04,2027-01-05,x\nus-10,2026-12-24,2026-12-21,\nus-11,2026-12-01,,\nus-10,2026-12-3,,\n"
        #expect(throws: WhatIfError("""
            r.csv:2: "us-9" is not the name of an SE in the team; did you mean "us-09"?
            r.csv:3: priority "x" is not a whole number from -1000000000 to 1000000000
            r.csv:3: us-09 2027-01-04…2027-01-05 is outside the horizon 2026-12-01…2026-12-31; it would change no check
            r.csv:4: end 2026-12-21 is before start 2026-12-24
            r.csv:5: "us-11" is not the name of an SE in the team; did you mean "us-10"?
            r.csv:6: "2026-12-3" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31)
            """)) { try TimeOffRequest.read(csv: csv, source: "r.csv", team: Self.team, horizon: Self.horizon, strict: true) }
    }

    /// Without `strict`, a request outside the horizon is skipped with a warning naming its line;
    /// the others are read.
    @Test func aRequestOutsideTheHorizonIsSkippedWithAWarning() throws {
        let file = try TimeOffRequest.read(
            csv: "name,start,end\nus-09,2027-01-04,2027-01-05\nus-10,2026-12-21,\n", source: "r.csv", team: Self.team, horizon: Self.horizon)
        #expect(file.requests == [TimeOffRequest(name: "us-10", dates: December.dates("2026-12-21", "2026-12-21"), line: 3)])
        #expect(file.warnings.map { $0.rendered(WhatIfErrorTopic.words) } == ["r.csv:2: us-09 2027-01-04…2027-01-05 is outside the horizon 2026-12-01…2026-12-31; it would change no check; skipped (the strict reading refuses it)"])
    }

    @Test func readsOtherHeaderNamesThroughColumns() throws {
        let columns = try RequestColumns(parsing: "name=Employee, start=From,end=To,priority=Rank")
        let requests = try TimeOffRequest.read(
            csv: "Employee,Team,From,To,Rank\nus-09,Support,2026-12-21,2026-12-24,3\n", source: "r.csv", columns: columns, team: Self.team, horizon: Self.horizon).requests
        #expect(requests == [TimeOffRequest(name: "us-09", dates: December.dates("2026-12-21", "2026-12-24"), priority: 3, line: 2)])
        #expect(throws: WhatIfError("person=employee: \"person\" is not a field; the fields are name, start, end, priority and note")) {
            try RequestColumns(parsing: "person=employee")
        }
        #expect(throws: WhatIfError("name: expected field=header pairs such as name=employee,start=from,end=to, found \"name\"")) {
            try RequestColumns(parsing: "name")
        }
    }
}
