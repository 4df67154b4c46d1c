import Foundation
import InputFormats
import Testing

/// Every CSV reader is bounded: a file with no line break, a row of commas or a field of a megabyte
/// is refused at the first record past a limit, naming the line, and text that is not UTF-8 is an
/// error rather than rows that silently stop matching (issue 25).
@Suite("CSV limits and encoding")
struct CSVLimitsTests {
    func error(_ text: String, limits: CSVLimits = CSVLimits()) -> String? {
        do {
            var parser = CSVRecordParser(source: "t.csv", limits: limits)
            try parser.feed(text.utf8) { _ in }
            try parser.finish { _ in }
            return nil
        } catch {
            return error.description
        }
    }

    func error(bytes: [UInt8]) -> String? {
        do {
            var parser = CSVRecordParser(source: "t.csv")
            try parser.feed(bytes) { _ in }
            try parser.finish { _ in }
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theDefaultLimits() {
        let limits = CSVLimits()
        #expect((limits.fieldBytes, limits.recordBytes, limits.headerBytes, limits.fields) == (1 << 20, 4 << 20, 64 << 10, 10_000))
    }

    /// Exactly at each limit is accepted, one byte (or field) past it is refused with the record's line.
    @Test func eachLimitIsExact() {
        var limits = CSVLimits()
        (limits.fieldBytes, limits.recordBytes, limits.headerBytes, limits.fields) = (4, 12, 8, 3)
        #expect(error("a,b\nabcd,e\n", limits: limits) == nil)
        #expect(error("a,b\nabcde,e\n", limits: limits) == "t.csv:2: field 1 is longer than 4 bytes, the most plan reads in one field")
        #expect(error("a,b\n\"ab\"\"c\",e\n", limits: limits) == nil)
        #expect(error("a,b\nx,\"abc\n\n\"\n", limits: limits) == "t.csv:2: field 2 is longer than 4 bytes, the most plan reads in one field")
        #expect(error("a,b\nabcd,abcd,\n", limits: limits) == nil)
        #expect(error("a,b\nabcd,abcd,ab\n", limits: limits) == "t.csv:2: the row is longer than 12 bytes, the most plan reads in a row; is this a CSV file?")
        #expect(error("\n\nabc,efg\n", limits: limits) == nil)
        #expect(error("abcd,efgh\n", limits: limits) == "t.csv:1: the header row is longer than 8 bytes, the most plan reads in a header row; is this a CSV file?")
        #expect(error("a,b\n,,\n", limits: limits) == nil)
        #expect(error("a,b\n,,,\n", limits: limits) == "t.csv:2: the row has more than 3 fields, the most plan reads in one row")
    }

    /// The cases of the issue at the real limits: a row of commas (it took 1.1 GB at 63 MB), NUL
    /// bytes without a line break (300 MB aborted), a field past 1 MiB.
    @Test func hostileRowsAtTheRealLimits() {
        #expect(error("a\n" + String(repeating: ",", count: 10_000)) == "t.csv:2: the row has more than 10000 fields, the most plan reads in one row")
        #expect(error(bytes: Array("a\n".utf8) + [UInt8](repeating: 0, count: (1 << 20) + 1))
            == "t.csv:2: field 1 is longer than 1 MiB, the most plan reads in one field")
        let fieldOfAKilobyte = [UInt8](repeating: 0, count: 1023) + [UInt8(ascii: ",")]
        #expect(error(bytes: Array("a\n".utf8) + Array(repeatElement(fieldOfAKilobyte, count: 4097).joined()))
            == "t.csv:2: the row is longer than 4 MiB, the most plan reads in a row; is this a CSV file?")
        #expect(error(bytes: [UInt8](repeating: 0, count: (64 << 10) + 1))
            == "t.csv:1: the header row is longer than 64 KiB, the most plan reads in a header row; is this a CSV file?")
        #expect(error("a\n" + String(repeating: "x", count: (1 << 20) + 1)) == "t.csv:2: field 1 is longer than 1 MiB, the most plan reads in one field")
    }

    /// Latin-1 (é as 0xE9) and a truncated UTF-8 sequence are errors naming the line and field; UTF-8
    /// text of every length, and a sequence split across two feeds, is read.
    @Test func fieldsMustBeUTF8() throws {
        let latin1 = Array("id,group\n1,Support\n2,Soci".utf8) + [0xE9] + Array("t\n".utf8)
        #expect(error(bytes: latin1) == "t.csv:3: field 2 is not UTF-8 text; export the file as UTF-8 (CSV UTF-8 in Excel)")
        #expect(error(bytes: Array("a\n".utf8) + [0xE2, 0x98]) == "t.csv:2: field 1 is not UTF-8 text; export the file as UTF-8 (CSV UTF-8 in Excel)")
        #expect(error(bytes: Array("a\n\"".utf8) + [0xFF] + Array("\"\n".utf8)) == "t.csv:2: field 1 is not UTF-8 text; export the file as UTF-8 (CSV UTF-8 in Excel)")
        var parser = CSVRecordParser(source: "t.csv")
        var records: [CSVTable.Record] = []
        let snowman: [UInt8] = [0xE2, 0x98, 0x83]
        try parser.feed(Array("a,b\nZoë,".utf8) + snowman[..<1]) { records.append($0) }
        try parser.feed(snowman[1...] + Array("\n".utf8)) { records.append($0) }
        try parser.finish { records.append($0) }
        #expect(records.map(\.fields) == [["a", "b"], ["Zoë", "☃"]])
    }
}

/// What a reader opens: a regular file or a pipe, never a folder or a device (issue 25: a folder
/// as --tickets printed NSCocoaErrorDomain; /dev/zero never ended).
@Suite("Input files")
struct InputFileTests {
    @Test func foldersDevicesAndMissingFilesAreRefusedByName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func message(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch { return "\(error)" }
        }
        #expect(message { try InputFile.check(folder.path) } == "\(folder.path) is a folder; expected a file")
        #expect(message { try InputFile.check("/dev/zero") } == "/dev/zero is a device, not a file; expected a file")
        #expect(message { try InputFile.check(folder.path + "/none.csv") } == "\(folder.path)/none.csv: cannot read the file (it does not exist or is not readable)")
        #expect(message { try CSVRecordStream.forEachRecord(path: "/dev/zero", source: "/dev/zero") { _ in } } == "/dev/zero is a device, not a file; expected a file")
        #expect(message { try CSVRecordStream.forEachRecord(path: folder.path, source: folder.path) { _ in } } == "\(folder.path) is a folder; expected a file")
    }

    /// A file over the limit is refused before it is read; one at the limit is read; so is a pipe,
    /// up to the limit and no further.
    @Test func readStopsAtTheLimit() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: 65, count: 100).write(to: url)
        #expect(try InputFile.read(url.path, maximumBytes: 100).count == 100)
        #expect(throws: InputFileError.tooLarge(path: url.path, maximumBytes: 99)) {
            try InputFile.read(url.path, maximumBytes: 99)
        }
        #expect(InputFileError.tooLarge(path: url.path, maximumBytes: 99).description == "\(url.path): the file is larger than 99 bytes, the most plan reads")
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString).fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            let bytes = [UInt8](repeating: 66, count: 4096)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        #expect(throws: InputFileError.tooLarge(path: fifo, maximumBytes: 1024)) {
            try InputFile.read(fifo, maximumBytes: 1024)
        }
    }
}

/// Input quoted in a message is at most 80 characters (a 500 MB error line, issue 25), control
/// characters escaped.
@Suite("Quoted input")
struct QuotedInputTests {
    @Test func quotesAreShortAndOneLine() {
        #expect("Support".quotedInMessage == "Support")
        #expect(String(repeating: "x", count: 80).quotedInMessage == String(repeating: "x", count: 80))
        #expect(String(repeating: "x", count: 81).quotedInMessage == String(repeating: "x", count: 80) + "…")
        #expect(("a\nb" + String(repeating: "y", count: 1_000_000)).quotedInMessage == "a\\u{A}b" + String(repeating: "y", count: 77) + "…")
    }
}
