import Foundation
import OutputFormats

/// The envelope of a shard's file: one line of JSON,
///
///     {"format": "<format>", "version": <n>, "sha256": "<64 hex digits>", "content": {…}}
///
/// whose `content` is the part, keys sorted, without spaces, and whose `sha256` is the digest of
/// exactly those content bytes. The header comes first and keeps this spelling in every version,
/// so a reader can tell a file of another format or version, a truncated file and an edited file
/// apart before it decodes anything. `PartialResult` (plan simulate --shard) and the validation
/// parts of plan hire and plan cover (`ValidationPart`) are written in it.
public struct PartFile: Sendable {
    /// The `format` value.
    public let format: String
    public let version: Int
    /// What writes such files, for the refusal of another kind of file; the tool names the
    /// command and its option.
    public let writer: PartialResultErrorTopic.Term

    public init(format: String, version: Int, writer: PartialResultErrorTopic.Term) {
        self.format = format
        self.version = version
        self.writer = writer
    }

    private static let formatKey = "{\"format\": \""
    private static let versionKey = "\", \"version\": "
    private static let digestPrefix = ", \"sha256\": \""
    private static let contentPrefix = "\", \"content\": "
    private static let ending = "}\n"
    private var formatPrefix: String { Self.formatKey + format + Self.versionKey }

    /// The file's text for `content`.
    ///
    /// - Complexity: O(size of the content).
    public func contents(of content: some Encodable) throws -> String {
        let bytes = try encodeJSONData(content, formatting: [.sortedKeys, .withoutEscapingSlashes])
        return formatPrefix + "\(version)" + Self.digestPrefix + SHA256.hex(of: bytes) + Self.contentPrefix
            + String(decoding: bytes, as: UTF8.self) + Self.ending
    }

    /// The formats plan writes in this envelope: `PartialResult.format` and `ValidationPart.format`
    /// (in Cover), whose files a shard may replace.
    public static let formats: Set<String> = ["plan-partial-result", "plan-validation-part"]

    /// The format named in a file's header, or nil when it does not start as a part file does.
    public static func format(of bytes: [UInt8]) -> String? {
        let prefix = Array(formatKey.utf8)
        guard bytes.starts(with: prefix) else { return nil }
        let name = bytes.dropFirst(prefix.count).prefix { $0 != UInt8(ascii: "\"") }
        return name.count < 100 ? String(decoding: name, as: UTF8.self) : nil
    }

    /// Reads a file written by `contents(of:)`; `path` names it in errors, `noun` its content
    /// ("partial result").
    ///
    /// - Complexity: O(size of the file).
    public func read<Content: Decodable>(_ type: Content.Type, from bytes: [UInt8], path: String, noun: String) throws(PartialResultError) -> Content {
        let truncated = PartialResultError("\(path): the file is truncated (it ends before its last line); run the shard again")
        let what = "a \(noun)"
        let damaged = PartialResultError("\(path): the header of the \(noun) is damaged")
        var rest = bytes[...]
        /// Takes `expected` off the front: a file that stops inside it is truncated, one that goes
        /// on differently is `otherwise`.
        func take(_ expected: String, otherwise: PartialResultError) throws(PartialResultError) {
            let prefix = Array(expected.utf8)
            guard rest.starts(with: prefix) else { throw prefix.starts(with: rest) ? truncated : otherwise }
            rest = rest.dropFirst(prefix.count)
        }
        try take(formatPrefix, otherwise: PartialResultError("\(path): not \(what) of plan (a file written by \(term: writer))"))
        let digits = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        rest = rest.dropFirst(digits.count)
        guard !rest.isEmpty else { throw truncated }
        guard (1...9).contains(digits.count) else { throw damaged }
        let found = String(decoding: digits, as: UTF8.self)
        guard found == "\(version)" else {
            throw PartialResultError("\(path): \(what) of format version \(found); this plan reads version \(version) only: run the shards and the merge with the same plan")
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
            return try JSONDecoder().decode(Content.self, from: Data(content))
        } catch {
            throw PartialResultError("\(path): the content cannot be read as \(what) of version \(version)")
        }
    }
}
