import InputFormats

/// libFuzzer's entry point: whatever the bytes, the JSON reader returns a value or throws an error
/// naming the line; it must not trap, hang or grow without bound.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    // Invalid UTF-8 becomes U+FFFD here, as it would after a lenient decode; the reader sees text.
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? JSONParser.parse(text, source: "fuzz.json")
    return 0
}
