import Foundation
import InputFormats
import Testing

@Suite("CSV read in pieces")
struct CSVRecordStreamTests {
    static let tricky = "\u{FEFF}id,subject,created\r\n1,\"a, \"\"b\"\"\r\nc\",2026-01-05\r\n\r\n2,Zoë ☃,\"\"\r3,x,\n\"4\",\"\",last"

    /// Fed one byte at a time, the parser gives exactly the records of the whole-text reader: a
    /// piece may end inside a CRLF, a doubled quote, a UTF-8 character or the byte order mark.
    @Test func byteByByteEqualsWholeText() throws {
        let whole = try CSVTable(text: Self.tricky, source: "t.csv").records
        var parser = CSVRecordParser(source: "t.csv")
        var records: [CSVTable.Record] = []
        for byte in Self.tricky.utf8 { try parser.feed(CollectionOfOne(byte)) { records.append($0) } }
        try parser.finish { records.append($0) }
        #expect(records == whole)
        #expect(whole.map(\.line) == [1, 2, 5, 6, 7])
    }

    /// A file larger than one read: a quoted field with a line break straddles the 1 MiB boundary.
    @Test func fileAcrossChunksStreamsEveryRecord() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let row = "123456,\"Login fails,\nagain\",2026-01-05 09:00:00\n"
        let rows = (1 << 20) / row.utf8.count + 10
        try ("id,subject,created\n" + String(repeating: row, count: rows)).write(to: url, atomically: true, encoding: .utf8)
        var count = 0
        var lastLine = 0
        try CSVRecordStream.forEachRecord(path: url.path, source: "big.csv") { record in
            if count > 0 { #expect(record.fields == ["123456", "Login fails,\nagain", "2026-01-05 09:00:00"]) }
            count += 1
            lastLine = record.line
        }
        #expect(count == rows + 1)
        #expect(lastLine == 2 + 2 * (rows - 1))
    }

    @Test func errorsNameTheFileAndLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "a,b\n\"x\"é,1\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: CSVError(source: "e.csv", line: 2, message: #"expected a comma or the end of the line after the closing quote of field 1, found "é""#)) {
            try CSVRecordStream.forEachRecord(path: url.path, source: "e.csv") { _ in }
        }
    }
}
