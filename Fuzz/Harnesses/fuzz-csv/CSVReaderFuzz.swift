import CalendarImport
import InputFormats

/// libFuzzer's entry point for the CSV reader, through the time-off export that is its main user:
/// `TimeOffCSV` splits the whole text with `CSVTable` before it reads the header, so both see every input.
/// The same text is also fed to `CSVRecordParser` in two pieces, split where the first byte says, as
/// `CSVRecordStream` feeds it a file in chunks: the records (or the error) must be the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let whole = Result { () throws(CSVError) in try CSVTable(text: text, source: "fuzz.csv").records }
    let bytes = Array(text.utf8)
    let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    let pieces = Result { () throws(CSVError) -> [CSVTable.Record] in
        var parser = CSVRecordParser(source: "fuzz.csv")
        var records: [CSVTable.Record] = []
        try parser.feed(bytes[..<split]) { records.append($0) }
        try parser.feed(bytes[split...]) { records.append($0) }
        try parser.finish { records.append($0) }
        return records
    }
    precondition(whole == pieces, "CSVRecordParser in two pieces differs from CSVTable")
    guard let timeOff = try? TimeOffCSV(text: text, source: "fuzz.csv") else { return 0 }
    _ = try? timeOff.checkNames(against: ["alice", "bob"])
    return 0
}
