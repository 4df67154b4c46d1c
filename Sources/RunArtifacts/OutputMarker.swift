import Foundation

/// The file by which `plan` recognises a folder it wrote: only such folders (or empty ones) are
/// ever replaced. It names the tool and the format of the folder, not the tool's version, so that
/// identical runs give identical folders.
public struct OutputMarker: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case run, comparison, approval, cover, hire
    }

    public static let fileName = ".plan-output.json"
    /// Raised when the layout of output folders changes incompatibly.
    public static let formatVersion = 1

    public let kind: Kind

    public init(kind: Kind) { self.kind = kind }

    var file: OutputFile {
        OutputFile(name: Self.fileName, contents: "{\"tool\": \"plan\", \"format\": \(Self.formatVersion), \"kind\": \"\(kind.rawValue)\"}\n")
    }

    /// Whether `folder` holds a marker written by `plan` (any format version, any kind).
    static func isPresent(in folder: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return object["tool"] as? String == "plan"
    }
}
