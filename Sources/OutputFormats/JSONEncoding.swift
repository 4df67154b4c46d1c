import Foundation

/// Pretty, key-sorted JSON, for `--format json` and `run.json`: stable output that diffs cleanly.
///
/// JSON has no number for NaN or an infinity, and a document with `nan` in it is not JSON: such a
/// value is refused (`NonFiniteNumberError`, naming where it is), never written as text that a
/// reader would take for a number or choke on. A value that may legitimately be infinite (a load
/// when nobody works) is written as its type says (`RunTable.Value.load`: null).
///
/// - Complexity: O(size of the document).
public func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encodeJSONData(value, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
}

/// `value` as JSON bytes laid out as `formatting` says, for files that programs read (a shard's
/// partial result); NaN and the infinities refused as by `encodeJSON`.
public func encodeJSONData<T: Encodable>(_ value: T, formatting: JSONEncoder.OutputFormatting) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = formatting
    encoder.nonConformingFloatEncodingStrategy = .throw
    do {
        return try encoder.encode(value)
    } catch EncodingError.invalidValue(let number as Double, let context) {
        throw NonFiniteNumberError(path: context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }, value: number)
    } catch EncodingError.invalidValue(let number as Float, let context) {
        throw NonFiniteNumberError(path: context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }, value: Double(number))
    }
}

/// A string as a JSON string literal, escaped as `encodeJSON` escapes it (slashes kept). A string
/// holds no number, so unlike the generic writer this one cannot fail.
public func encodeJSON(_ text: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(text)) ?? Data(), as: UTF8.self)
}

/// NaN or an infinity where a JSON document was to hold a number: a fault of the computation
/// that made it, reported with the value's JSON path rather than written as invalid JSON.
public struct NonFiniteNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The keys and array indices from the document's root to the number.
    public let path: [String]
    public let value: Double

    public init(path: [String], value: Double) {
        self.path = path
        self.value = value
    }

    /// `/checks/3/load`.
    public var pointer: String { "/" + path.joined(separator: "/") }

    public var description: String {
        "cannot write the JSON output: the number at \(pointer) is \(value.isNaN ? "NaN" : value > 0 ? "+infinity" : "-infinity"), which JSON cannot hold"
    }
}
