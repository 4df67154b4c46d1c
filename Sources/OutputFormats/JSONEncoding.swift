import Foundation

/// Pretty, key-sorted JSON, for `--format json` and `run.json`: stable output that diffs cleanly.
///
/// - Complexity: O(size of the document).
public func encodeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // A load is +infinity when nobody works and cases are open; JSON has no number for it.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
    // Encoding plain structs of strings and numbers cannot fail once non-finite numbers are handled.
    let data = try! encoder.encode(value)
    return String(decoding: data, as: UTF8.self)
}
