import Testing
@testable import CalendarImport

@Suite("Content lines: unfolding, parameters, text")
struct ContentLinesTests {
    private func parse(_ text: String) throws -> [ContentLine] {
        try ContentLines.parse(Array(text.utf8), source: "team.ics")
    }

    @Test func unfoldsCRLFAndLFContinuationsWithSpaceOrTab() throws {
        let lines = try parse("SUMMARY:Winter \r\n shut\r\n\tdown\nDESCRIPTION:x\n")
        #expect(lines.map(\.name) == ["SUMMARY", "DESCRIPTION"])
        #expect(lines[0].value == "Winter shutdown")
        #expect(lines[0].line == 1)
        #expect(lines[1].line == 4)
    }

    @Test func foldInsideAParameterNameAndValue() throws {
        let lines = try parse("DTSTART;TZ\r\n ID=Europe/Lon\r\n don:20261221T0\r\n 90000\r\n")
        #expect(lines.count == 1)
        #expect(lines[0].parameter("TZID") == "Europe/London")
        #expect(lines[0].value == "20261221T090000")
    }

    @Test func foldThatSplitsAMultiByteCharacterIsJoinedBeforeDecoding() throws {
        // "é" is C3 A9 in UTF-8; a producer folding at 75 octets may put a line break between them.
        let bytes: [UInt8] = Array("SUMMARY:Caf".utf8) + [0xC3, 0x0D, 0x0A, 0x20, 0xA9] + Array(" closed\r\n".utf8)
        let lines = try ContentLines.parse(bytes, source: "team.ics")
        #expect(lines[0].value == "Café closed")
    }

    @Test func parametersWithQuotedValuesAndLists() throws {
        let line = try parse(#"ATTENDEE;CN="Doe; Jane: CS";MEMBER="a@x","b@x";ROLE=REQ-PARTICIPANT:mailto:j@x"#)[0]
        #expect(line.parameters == [
            .init(name: "CN", values: ["Doe; Jane: CS"]),
            .init(name: "MEMBER", values: ["a@x", "b@x"]),
            .init(name: "ROLE", values: ["REQ-PARTICIPANT"]),
        ])
        #expect(line.value == "mailto:j@x")
    }

    @Test func namesAreCaseInsensitive() throws {
        let line = try parse("dtStart;value=DATE:20261221")[0]
        #expect(line.name == "DTSTART")
        #expect(line.parameter("VALUE") == "DATE")
    }

    @Test func byteOrderMarkAndBlankLinesAreSkipped() throws {
        let lines = try parse("\u{FEFF}BEGIN:VCALENDAR\r\n\r\nEND:VCALENDAR\r\n\r\n")
        #expect(lines.map(\.line) == [1, 3])
    }

    @Test func textEscapes() {
        #expect(ICalendarText.unescape(#"Office closed\, all teams\; see \\\\wiki\nThanks"#)
                == "Office closed, all teams; see \\\\wiki\nThanks")
        #expect(ICalendarText.unescape(#"C:\Users"#) == #"C:\Users"#)
        // A name is shown on one line: line breaks and escape sequences become spaces.
        #expect(ICalendarText.printable(ICalendarText.unescape(#"Shut\ndown"#)) == "Shut down")
        #expect(ICalendarText.printable("Off\u{1B}[2J\u{0}day\u{85}") == "Off [2J day ")
        #expect(ICalendarText.printable("Fête — 🎄") == "Fête — 🎄")
    }

    @Test func malformedLinesAreErrorsNamingTheLine() {
        #expect(throws: ImportError(source: "team.ics", line: 2, message: #"expected ":" between the name SUMMARY and its value in "SUMMARY Christmas""#)) {
            try parse("BEGIN:VCALENDAR\nSUMMARY Christmas\n")
        }
        #expect(throws: ImportError(source: "team.ics", line: 1, message: #"expected a closing quote in the value of the parameter CN in "ATTENDEE;CN="Doe:mailto:x""#)) {
            try parse("ATTENDEE;CN=\"Doe:mailto:x\n")
        }
        #expect(throws: ImportError(source: "team.ics", line: 1, message: "expected BEGIN:VCALENDAR, found a continuation line (one that begins with a space or tab) with no line before it to continue")) {
            try parse(" BEGIN:VCALENDAR\n")
        }
    }
}
