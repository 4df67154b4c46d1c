import Foundation
import OutputFormats

/// The partial result file: one line of JSON,
///
///     {"format": "plan-partial-result", "version": 2, "sha256": "<64 hex digits>", "content": {…}}
///
/// whose `content` is the `PartialResult`, keys sorted, without spaces, and whose `sha256` is the
/// digest of exactly those content bytes. The header comes first and keeps this spelling in every
/// version, so a reader can tell a file of another version, a truncated file and an edited file
/// apart before it decodes anything.
extension PartialResult {
    public static let format = "plan-partial-result"
    /// Raised whenever the content changes (a field of `Tally`, `RunIdentity` or this type): a
    /// merge refuses a file of another version rather than misreading it.
    public static let version = 2

    private static let formatPrefix = "{\"format\": \"\(format)\", \"version\": "
    private static let digestPrefix = ", \"sha256\": \""
    private static let contentPrefix = "\", \"content\": "
    private static let ending = "}\n"

    /// The file's text.
    ///
    /// - Complexity: O(size of the tally).
    public var fileContents: String {
        get throws {
            let content = try encodeJSONData(self, formatting: [.sortedKeys, .withoutEscapingSlashes])
            return Self.formatPrefix + "\(Self.version)" + Self.digestPrefix + SHA256.hex(of: content) + Self.contentPrefix
                + String(decoding: content, as: UTF8.self) + Self.ending
        }
    }

    /// Reads a file written by `fileContents`; `path` names it in errors.
    ///
    /// - Complexity: O(size of the file).
    public init(fileContents bytes: [UInt8], path: String) throws(PartialResultError) {
        let truncated = PartialResultError("\(path): the file is truncated (it ends before its last line); run the shard again")
        let damaged = PartialResultError("\(path): the header of the partial result is damaged")
        var rest = bytes[...]
        /// Takes `expected` off the front: a file that stops inside it is truncated, one that goes
        /// on differently is `otherwise`.
        func take(_ expected: String, otherwise: PartialResultError) throws(PartialResultError) {
            let prefix = Array(expected.utf8)
            guard rest.starts(with: prefix) else { throw prefix.starts(with: rest) ? truncated : otherwise }
            rest = rest.dropFirst(prefix.count)
        }
        try take(Self.formatPrefix, otherwise: PartialResultError("\(path): not a partial result of plan (a file written by \(term: .shardRun))"))
        let digits = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        rest = rest.dropFirst(digits.count)
        guard !rest.isEmpty else { throw truncated }
        guard (1...9).contains(digits.count) else { throw damaged }
        let version = String(decoding: digits, as: UTF8.self)
        guard version == "\(Self.version)" else {
            throw PartialResultError("\(path): a partial result of format version \(version); this plan reads version \(Self.version) only: run the shards and the merge with the same plan")
        }
        try take(Self.digestPrefix, otherwise: damaged)
        let digest = rest.prefix(64)
        rest = rest.dropFirst(64)
        try take(Self.contentPrefix, otherwise: damaged)
        let ending = Array(Self.ending.utf8)
        guard rest.count >= ending.count, rest.suffix(ending.count).elementsEqual(ending) else { throw truncated }
        let content = rest.dropLast(ending.count)
        guard SHA256.hex(of: content).utf8.elementsEqual(digest) else {
            throw PartialResultError("\(path): the file was edited or damaged: its content does not match the SHA-256 it was written with")
        }
        do {
            self = try JSONDecoder().decode(PartialResult.self, from: Data(content))
        } catch {
            throw PartialResultError("\(path): the content cannot be read as a partial result of version \(Self.version)")
        }
    }
}

/// Why partial results cannot be merged: one line naming the file and what is wrong.
public typealias PartialResultError = ErrorMessage<PartialResultErrorTopic>

public enum PartialResultErrorTopic: ErrorTopic {
    /// What writes a partial result.
    public enum Term: Sendable, Hashable, CaseIterable { case shardRun }

    public static func words(_ term: Term) -> String { "a shard of a run" }
}
