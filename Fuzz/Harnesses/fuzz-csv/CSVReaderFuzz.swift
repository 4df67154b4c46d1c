import CalendarImport
import InputFormats

/// libFuzzer's entry point for the CSV reader, through the time-off export that is its main user:
/// `TimeOffCSV` splits the whole text with `CSVTable` before it reads the header, so both see every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let timeOff = try? TimeOffCSV(text: text, source: "fuzz.csv") else { return 0 }
    _ = try? timeOff.checkNames(against: ["alice", "bob"])
    return 0
}
