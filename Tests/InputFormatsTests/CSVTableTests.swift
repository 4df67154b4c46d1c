import Testing
import InputFormats

@Suite("CSV (RFC 4180)")
struct CSVTableTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVTable(text: text, source: "timeoff.csv").records.map(\.fields)
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let table = try CSVTable(text: "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\r\n", source: "timeoff.csv")
        #expect(table.records == [
            .init(fields: ["a", "b", "c"], line: 1),
            .init(fields: ["x, y", "say \"hi\"", "two\nlines"], line: 2),
            .init(fields: ["last", "", ""], line: 4),
        ])
    }

    @Test func lineEndsByteOrderMarkAndBlankLines() throws {
        #expect(try fields("\u{FEFF}a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(try fields("a,b\rc,d\r") == [["a", "b"], ["c", "d"]])
        let table = try CSVTable(text: "a\r\n\r\n\nb\r\n", source: "timeoff.csv")
        #expect(table.records.map(\.line) == [1, 4])
        // A quoted empty field is a value, not a blank line.
        #expect(try fields("\"\"\n") == [[""]])
        #expect(try fields("a,\"\"\n") == [["a", ""]])
    }

    @Test func errors() {
        #expect(throws: CSVError(source: "timeoff.csv", line: 2, message: "expected a closing quote for the field that opens on this line, found the end of the file")) {
            try CSVTable(text: "name,start,end\n\"Ana,2026-12-21,\n", source: "timeoff.csv")
        }
        #expect(throws: CSVError(source: "timeoff.csv", line: 2, message: #"expected a comma or the end of the line after the closing quote of field 1, found "x""#)) {
            try CSVTable(text: "name,start,end\n\"Ana\"x,2026-12-21,\n", source: "timeoff.csv")
        }
        #expect(throws: CSVError(source: "timeoff.csv", line: 3, message: #"expected a quote only around a whole field, found one inside field 1 (write it as "" inside a quoted field)"#)) {
            try CSVTable(text: "name,start,end\nAna,2026-12-21,\nBo \"Bobby\",2026-12-21,\n", source: "timeoff.csv")
        }
    }
}

@Suite struct CSVColumnTests {
    @Test func findsColumnsByNameIgnoringCaseAndSpaces() throws {
        let table = try CSVTable(text: "Date, EMEA ,us\n2026-12-01,3,10\n", source: "days.csv")
        #expect(table.column("emea") == 1)
        #expect(table.rows.map(\.fields) == [["2026-12-01", "3", "10"]])
        #expect(throws: CSVError(source: "days.csv", line: 1, message: "missing column \"open_cases\"; the header must name emea,us,open_cases")) {
            try table.requireColumn("open_cases", of: ["emea", "us", "open_cases"], source: "days.csv")
        }
    }
}
