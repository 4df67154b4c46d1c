import Foundation
import InputFormats

extension RunRecord {
    /// Reads `run.json` back, as `plan report` does. Keys the record does not know are ignored, so
    /// a newer tool's additions do not stop an older report. Every problem is one line naming the
    /// file and the JSON path: `run/run.json: $.sampling.trials: expected a whole number`.
    ///
    /// - Complexity: O(size of the text).
    public static func decode(_ text: String, source: String) throws(RunFileError) -> RunRecord {
        let record: RunRecord
        do {
            record = try JSONDecoder().decode(RunRecord.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw RunFileError(decoding: error, of: text, source: source)
        } catch {
            throw RunFileError.malformed("\(source): \(error)")
        }
        try record.checkConsistency(source: source)
        return record
    }

    /// What the page relies on beyond the types: a horizon in order, a window, and levels 1 … L.
    private func checkConsistency(source: String) throws(RunFileError) {
        guard scenario.horizon.start <= scenario.horizon.end else {
            throw RunFileError.malformed("\(source): $.scenario.horizon.end: the horizon ends before it starts")
        }
        guard !scenario.windows.isEmpty else { throw RunFileError.malformed("\(source): $.scenario.windows: expected at least one window") }
        guard !policy.levels.isEmpty else { throw RunFileError.malformed("\(source): $.policy.levels: expected at least one level") }
        for (i, level) in policy.levels.enumerated() where level.level != i + 1 {
            throw RunFileError.malformed("\(source): $.policy.levels[\(i)].level: expected level \(i + 1): levels are listed lowest first")
        }
    }
}

extension RunFileError {
    /// The decoder's coding path as a JSON path (`$.policy.levels[2].name`) and what it expected.
    init(decoding error: DecodingError, of text: String, source: String) {
        func path(_ keys: [CodingKey]) -> String {
            "$" + keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        }
        func expected(_ type: Any.Type) -> String {
            if type == String.self { return "a string" }
            if type == Int.self { return "a whole number" }
            if type == UInt64.self { return "a whole number of 0 or more" }
            if type == Double.self { return "a number" }
            if type == Bool.self { return "true or false" }
            return "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
        switch error {
        case .typeMismatch(let type, let context):
            self = .malformed("\(source): \(path(context.codingPath)): expected \(expected(type))")
        case .valueNotFound(let type, let context):
            self = .malformed("\(source): \(path(context.codingPath)): expected \(expected(type)), found null")
        case .keyNotFound(let key, let context):
            self = .malformed("\(source): \(path(context.codingPath)): missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            self = .malformed("\(source): \(path(context.codingPath)): \(context.debugDescription)")
        case .dataCorrupted:
            // Foundation reports bad syntax, and also a number that does not fit its field, without
            // a path; the project's own parser tells the two apart and locates a syntax error.
            do {
                _ = try parseJSONDocument(text, source: source)
                self = .malformed("\(source): a number does not fit its field (a fraction or a negative where a whole number of 0 or more belongs, or too large)")
            } catch {
                self = .malformed(error.issues.first?.description ?? "\(source): invalid JSON")
            }
        @unknown default:
            self = .malformed("\(source): \(error)")
        }
    }
}
