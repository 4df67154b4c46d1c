import Foundation
import OutputFormats

/// The partial result file: `PartFile`'s envelope,
///
///     {"format": "plan-partial-result", "version": 2, "sha256": "<64 hex digits>", "content": {…}}
///
/// whose `content` is the `PartialResult`.
extension PartialResult {
    public static let format = "plan-partial-result"
    /// Raised whenever the content changes (a field of `Tally`, `RunIdentity` or this type): a
    /// merge refuses a file of another version rather than misreading it.
    public static let version = 2

    static let file = PartFile(format: format, version: version, writer: .shardRun)

    /// The file's text.
    ///
    /// - Complexity: O(size of the tally).
    public var fileContents: String { get throws { try Self.file.contents(of: self) } }

    /// Reads a file written by `fileContents`; `path` names it in errors.
    ///
    /// - Complexity: O(size of the file).
    public init(fileContents bytes: [UInt8], path: String) throws(PartialResultError) {
        self = try Self.file.read(PartialResult.self, from: bytes, path: path, noun: "partial result")
    }
}

/// Why partial results cannot be merged: one line naming the file and what is wrong.
public typealias PartialResultError = ErrorMessage<PartialResultErrorTopic>

public enum PartialResultErrorTopic: ErrorTopic {
    /// What writes a partial result.
    /// What writes a partial result (a shard of a run) or a validation part (a shard of a plan's
    /// validation).
    public enum Term: Sendable, Hashable, CaseIterable { case shardRun, validationShard }

    public static func words(_ term: Term) -> String {
        switch term {
        case .shardRun: "a shard of a run"
        case .validationShard: "a shard of a plan's validation"
        }
    }
}
