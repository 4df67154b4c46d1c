import Foundation
import Testing
import CalendarImport
import InputFormats

@Suite("Time-off CSV")
struct TimeOffCSVTests {
    private func read(_ text: String) throws -> [TimeOffRow] {
        try TimeOffCSV(text: text, source: "timeoff.csv").rows
    }

    private func error(_ text: String) -> String? {
        do {
            _ = try TimeOffCSV(text: text, source: "timeoff.csv")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func anHRExportWithExtraColumnsQuotingAndSpaces() throws {
        let text = String(decoding: try fixture("timeoff.csv"), as: UTF8.self)
        #expect(try read(text) == [
            TimeOffRow(name: "Ana Lima", dates: date("2026-12-21")...date("2026-12-24"), line: 2),
            TimeOffRow(name: "Bo \"Bobby\" Chen", dates: date("2026-12-28")...date("2026-12-28"), line: 3),
            TimeOffRow(name: "Cy Okafor", dates: date("2026-12-30")...date("2027-01-02"), line: 5),
            TimeOffRow(name: "Dee Ray", dates: date("2027-01-04")...date("2027-01-04"), line: 7),
        ])
    }

    @Test func columnsInAnyOrderAndCase() throws {
        #expect(try read(" END ,Name,START\n2026-12-02,Ana,2026-12-01\n") == [
            TimeOffRow(name: "Ana", dates: date("2026-12-01")...date("2026-12-02"), line: 2),
        ])
        #expect(try read("name,start,end\n").isEmpty)
    }

    @Test func headerErrors() {
        #expect(error("") == "timeoff.csv:1: expected a header row naming the columns name,start,end, found an empty file")
        #expect(error("name,start,last\nAna,2026-12-01,2026-12-02\n") == #"timeoff.csv:1: missing column "end"; the header must name name,start,end"#)
        #expect(error("name;start;end\nAna;2026-12-01;2026-12-02\n")
                == #"timeoff.csv:1: missing column "name"; the header must name name,start,end (this header is separated by semicolons; export with commas)"#)
        #expect(error("name,start,end,Name\n") == #"timeoff.csv:1: the header names the column "Name" twice (columns 1 and 4)"#)
        #expect(error("name,start,end,note, Note \n") == #"timeoff.csv:1: the header names the column "Note" twice (columns 4 and 5)"#)
    }

    @Test func rowErrorsNameTheirLine() {
        let header = "name,start,end\nAna,2026-12-01,\nBo,2026-12-01,2026-12-03\n\n"
        #expect(error(header + "Cy,2026-13-01,\n") == #"timeoff.csv:5: "2026-13-01" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31)"#)
        #expect(error(header + "Cy,20261201,\n") == #"timeoff.csv:5: "20261201" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31)"#)
        #expect(error(header + "Cy,2026-12-05,2026-12-01\n") == "timeoff.csv:5: end 2026-12-01 is before start 2026-12-05")
        #expect(error(header + "Cy,2026-12-05\n") == "timeoff.csv:5: expected 3 fields as in the header, found 2")
        #expect(error(header + " ,2026-12-05,\n") == #"timeoff.csv:5: expected a name, found an empty "name" field"#)
        #expect(error(header + "\"Cy\n,2026-12-05,\n") == "timeoff.csv:5: expected a closing quote for the field that opens on this line, found the end of the file")
    }

    /// A file with several bad rows names every one, in line order, so that one pass fixes them all.
    @Test func everyProblemAtOnce() {
        let text = "name,start,end\nAna,2026-12-05,2026-12-01\nBo,2026-12-01,2026-12-02\n ,2026-12-05,\nCy,12/05/2026,\nDee,2026-12-05\n"
        #expect(error(text) == """
            timeoff.csv:2: end 2026-12-01 is before start 2026-12-05
            timeoff.csv:4: expected a name, found an empty "name" field
            timeoff.csv:5: "12/05/2026" is not a date (expected YYYY-MM-DD from 1970-01-01 to 2100-12-31)
            timeoff.csv:6: expected 3 fields as in the header, found 2
            """)
        let csv = try! TimeOffCSV(text: "name,start,end\nAnna,2026-12-01,\nBo,2026-12-01,\nJon,2026-12-02,\n", source: "timeoff.csv")
        #expect(throws: LineMessages([
            ImportError(source: "timeoff.csv", line: 2, message: #""Anna" is not the name of an SE in the team; did you mean "Ana"?"#),
            ImportError(source: "timeoff.csv", line: 4, message: #""Jon" is not the name of an SE in the team; the team's SEs are "Ana", "Bo""#),
        ])) { try csv.checkNames(against: ["Ana", "Bo"]) }
    }

    /// `columns` reads an export whose header calls the columns otherwise.
    @Test func otherHeaderNames() throws {
        let csv = try TimeOffCSV(text: "Employee,From,To\nAna,2026-12-01,2026-12-02\n", source: "timeoff.csv", columns: ["employee", "from", "to"])
        #expect(csv.rows == [TimeOffRow(name: "Ana", dates: date("2026-12-01")...date("2026-12-02"), line: 2)])
    }

    @Test func namesThatMatchNoSE() throws {
        let csv = try TimeOffCSV(text: "name,start,end\nAna Lima,2026-12-01,\nJon Smith,2026-12-01,\n", source: "timeoff.csv")
        #expect(throws: LineMessages([ImportError(source: "timeoff.csv", line: 3, message: #""Jon Smith" is not the name of an SE in the team; did you mean "John Smith"?"#)])) {
            try csv.checkNames(against: ["Ana Lima", "John Smith"])
        }
        #expect(throws: LineMessages([ImportError(source: "timeoff.csv", line: 3, message: #""Jon Smith" is not the name of an SE in the team; the team's SEs are "Ana Lima", "Bo Chen""#)])) {
            try csv.checkNames(against: ["Ana Lima", "Bo Chen"])
        }
        #expect(throws: Never.self) { try csv.checkNames(against: ["Jon Smith", "Ana Lima"]) }
    }
}
