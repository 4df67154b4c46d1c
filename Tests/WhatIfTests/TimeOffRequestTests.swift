import Testing
@testable import WhatIf

@Suite struct TimeOffRequestTests {
    static let team = ["us-09", "us-10"]

    @Test func readsNamesDatesAndPriorities() throws {
        let requests = try TimeOffRequest.read(
            csv: "Name,Start,End,Priority\nus-09,2026-12-21,2026-12-24,2\n\"us-10\",2026-12-22,,\n", source: "r.csv", team: Self.team)
        #expect(requests == [
            TimeOffRequest(name: "us-09", dates: December.dates("2026-12-21", "2026-12-24"), priority: 2, line: 2),
            TimeOffRequest(name: "us-10", dates: December.dates("2026-12-22", "2026-12-22"), priority: 0, line: 3),
        ])
        let withoutPriority = try TimeOffRequest.read(csv: "name,start,end\nus-09,2026-12-21,2026-12-21\n", source: "r.csv", team: Self.team)
        #expect(withoutPriority.map(\.priority) == [0])
    }

    @Test(arguments: [
        ("name,start,end,priority\nus-09,2026-12-21,2026-12-24,high\n", "r.csv:2: priority \"high\" is not a whole number"),
        ("name,start,end\nus-9,2026-12-21,2026-12-24\n", "r.csv:2: \"us-9\" is not the name of an SE in the team; did you mean \"us-09\"?"),
        ("name,start,end\nus-09,2026-12-24,2026-12-21\n", "r.csv:2: end 2026-12-21 is before start 2026-12-24"),
        ("name,start\nus-09,2026-12-24\n", "r.csv:1: missing column \"end\"; the header must name name,start,end"),
        ("name,start,end\n", "r.csv: no requests (expected one row per request after the header)"),
    ])
    func refuses(csv: String, message: String) {
        #expect(throws: WhatIfError(message)) { try TimeOffRequest.read(csv: csv, source: "r.csv", team: Self.team) }
    }
}
