import CalendarImport
import Foundation
import InputFormats
import OutputFormats

/// One file a command writes (`--html`, `--write`, `--write-time-off`, a shard's `--out`, a run's
/// `report.html`), under the rule output folders keep (`OutputDirectory`), so that no file is lost:
///
/// - never a file the run reads: compared by path and, for a file that exists, by device and inode,
///   so that a second name of an input (a hard or symbolic link) is caught too;
/// - never a file that is not `plan`'s own output of the same kind, unless the user says `--force`:
///   a page carries the generator tag of plan's pages in its head, a partial result with its format line, a
///   time-off CSV with the header plan writes, a scenario is a JSON object with a name, a horizon
///   and a team. An empty file holds nothing and may be replaced; a folder, a device or a symbolic
///   link never is;
/// - never the path of another output of the same run, nor inside one of its output folders
///   (`requireDistinct`);
/// - checked when the command starts, before any work, and again just before writing; written to a
///   hidden file beside the target and renamed into place (`AtomicFile`), so that at every moment
///   the old or the new file is there, whole.
public struct OutputTarget: Sendable {
    /// What a file holds, which decides which existing file it may replace.
    public enum Kind: Sendable {
        case page, scenario, timeOffCSV, partialResult

        var name: String {
            switch self {
            case .page: "an HTML page of plan"
            case .scenario: "a scenario"
            case .timeOffCSV: "a time-off CSV written by plan approve"
            case .partialResult: "a partial result of plan"
            }
        }
    }

    /// As the user gave it, for messages.
    public let path: String
    /// The option that named it (`--html`), for messages.
    public let option: String
    public let kind: Kind
    /// nil when the command has no `--force`.
    private let force: Bool?
    private let inputs: [String]

    /// Checks that `path` may be written by this run (its folder is created when it is written). `inputs` are
    /// the files the run reads; `force` is the command's `--force`, nil when it has none. Throws
    /// `OutputError` naming the option and the path.
    public init(path: String, option: String, kind: Kind, inputs: [String], force: Bool? = nil) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError.fileSystem("\(option): expected a file path, found an empty one") }
        self.path = path
        self.option = option
        self.kind = kind
        self.force = force
        self.inputs = inputs
        // Nothing is created before the work: the nearest folder that exists must be one plan can write in.
        var folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" { folder = folder.deletingLastPathComponent() }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue, access(folder.path, W_OK) == 0 else {
            throw OutputError.fileSystem("\(option) \(path): cannot write into \(folder.path) (not a folder, or not writable)")
        }
        try check()
    }

    /// Throws when two of `files` are the same path, or one of them is, or is inside, one of `folders`.
    public static func requireDistinct(_ files: [OutputTarget], folders: [(option: String, path: String)] = []) throws(OutputError) {
        let resolved = files.map { (target: $0, path: resolvedPath($0.path)) }
        for (i, a) in resolved.enumerated() {
            for b in resolved[..<i] where a.path == b.path {
                throw OutputError.fileSystem("\(b.target.option) \(b.target.path) and \(a.target.option) \(a.target.path) are the same file; give each output its own path")
            }
            for folder in folders {
                let root = resolvedPath(folder.path)
                if a.path == root || a.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
                    throw OutputError.fileSystem("\(a.target.option) \(a.target.path) is inside \(folder.option) \(folder.path), which plan replaces as a whole; give it a path outside that folder")
                }
            }
        }
    }

    /// Writes `contents`, checking the target again first (it may have changed during a long run).
    ///
    /// - Complexity: O(size of the contents).
    public func write(_ contents: String) throws(OutputError) {
        try check()
        let parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError.fileSystem("\(option) \(path): cannot create the folder \(parent.path): \(OutputError.reason(error))")
        }
        try AtomicFile.write(contents, to: path)
    }

    private func check() throws(OutputError) {
        let target = Self.resolvedPath(path)
        if inputs.contains(where: { Self.resolvedPath($0) == target }) {
            throw OutputError.fileSystem("\(option) \(path) is a file this run reads; choose another path")
        }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else { throw OutputError.fileSystem("\(option) \(path): cannot examine the file: \(String(cString: strerror(errno)))") }
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw OutputError.fileSystem("\(option) \(path) is a symbolic link; give the file it points to")
        case S_IFDIR: throw OutputError.fileSystem("\(option) \(path) is a folder; expected a file path")
        default: throw OutputError.fileSystem("\(option) \(path) exists and is not a file")
        }
        for input in inputs {
            var other = stat()
            if stat(input, &other) == 0, other.st_dev == status.st_dev, other.st_ino == status.st_ino {
                throw OutputError.fileSystem("\(option) \(path) is \(input), which this run reads; choose another path")
            }
        }
        guard force != true, status.st_size > 0, !isOwn() else { return }
        throw .occupied(target: "\(option) \(path)", kind: kind.name, canReplace: force != nil)
    }

    /// Whether the existing file is plan's output of this kind, judged by its first bytes (a
    /// scenario by its top-level keys).
    private func isOwn() -> Bool {
        switch kind {
        case .page: return head(of: 1024).contains(Data(htmlGeneratorTag.utf8))
        // Either kind of shard's file (`PartFile`): a simulation's partial result or a validation part.
        case .partialResult: return PartFile.format(of: Array(head(of: 64))).map(PartFile.formats.contains) ?? false
        case .timeOffCSV: return head(of: 64).starts(with: Data(CSVWriter.row(TimeOffCSV.writtenColumns).utf8))
        case .scenario:
            guard let data = try? InputFile.read(path, maximumBytes: InputFile.maximumBytes),
                  let text = String(data: data, encoding: .utf8),
                  let root = try? parseJSONDocument(text, source: path),
                  case .object(let members) = root.value
            else { return false }
            let keys = Set(members.map(\.key))
            return ["name", "horizon", "team"].allSatisfy(keys.contains)
        }
    }

    /// The file's first bytes, at most `count` of them.
    private func head(of count: Int) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)) ?? Data()
    }

    /// The absolute path with `.`, `..` and symbolic links of its folders resolved (the last
    /// component too, when it is a link to an existing file).
    static func resolvedPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
