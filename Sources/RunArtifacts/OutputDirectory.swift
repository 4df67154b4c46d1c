import CFileSystem
import Foundation

/// A file of a run's output directory.
public struct OutputFile: Sendable, Equatable {
    public let name: String
    public let contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// The folder a run's (or a comparison's) files go to, written so that no data is ever lost and
/// nobody ever sees part of a run.
///
/// - `plan` replaces only folders it wrote itself, recognised by its marker file
///   (`OutputMarker.fileName`), or empty ones; never a folder it cannot list, a symbolic link, or
///   a folder holding one of the run's own input files. So a mistyped `--out` cannot delete work.
/// - The new files are written into a hidden sibling folder, which is then exchanged with the
///   target in one atomic step (`renameat2(RENAME_EXCHANGE)`): at every moment, even under
///   `kill -9`, either the old or the new output is at the target path. The old output, now in the
///   sibling, is removed afterwards; a sibling left by an interrupted run is removed by the next run
///   that writes there, which says so.
/// - A run holds a lock on the target from `claim` until it is released, so two runs cannot write
///   the same folder: the second one fails at once with a message, before simulating anything.
public final class OutputDirectory {
    /// As the user gave it, for messages.
    public let path: String
    public let kind: OutputMarker.Kind
    private let target: URL
    private let lock: OutputLock
    /// What the claim did that the user should know: leftovers of an interrupted run it removed.
    public private(set) var notices: [String] = []

    /// Claims `path` for this run: checks that it may be replaced, locks it, and removes what an
    /// interrupted run left beside it. `inputs` are the files the run reads; the target must not
    /// contain any of them.
    public init(path: String, kind: OutputMarker.Kind, inputs: [String] = []) throws(OutputError) {
        // An empty path would name the working folder, which holds other files.
        guard !path.isEmpty else { throw .emptyFolderPath }
        self.path = path
        self.kind = kind
        target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError.fileSystem("\(path): cannot create the folder \(parent.path): \(OutputError.reason(error))")
        }
        lock = try OutputLock(beside: target, naming: path)
        try checkReplaceable(inputs: inputs)
        notices = removeLeftovers()
    }

    /// Replaces the directory with one holding exactly `files` and the marker. Returns warnings
    /// (an old output that could not be removed after the swap; the new one is in place).
    /// `isCancelled` is asked after each file and just before the swap: once it says yes, the
    /// staged files are removed, the old output stays, and `OutputError.interrupted` is thrown.
    ///
    /// - Complexity: O(total size of the files).
    @discardableResult
    public func replace(with files: [OutputFile], isCancelled: () -> Bool = { false }) throws(OutputError) -> [String] {
        let manager = FileManager.default
        let staging = sibling("partial-\(UUID().uuidString.prefix(8))")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError.fileSystem("\(path): cannot create the output folder: \(OutputError.reason(error))")
        }
        do throws(OutputError) {
            // The marker goes first, so that a staging folder left by a kill is recognisably ours.
            // Written in place, not through a temporary file beside it: the folder's rename is
            // the atomic step, and a kill while the marker is written then leaves the marker's
            // name alone in the folder, which the next run still recognises as ours.
            for file in [OutputMarker(kind: kind).file] + files {
                let url = staging.appendingPathComponent(file.name)
                do {
                    try Data(file.contents.utf8).write(to: url)
                } catch {
                    throw OutputError.fileSystem("\(path)/\(file.name): cannot write the file: \(OutputError.reason(error))")
                }
                if isCancelled() { throw OutputError.interrupted }
            }
            // Checked again: the folder may have changed during a long run.
            let existing = try checkReplaceable(inputs: [])
            if isCancelled() { throw OutputError.interrupted }
            if existing {
                guard plan_rename_exchange(staging.path, target.path) == 0 else {
                    throw OutputError.fileSystem("\(path): cannot move the output into place: \(String(cString: strerror(errno)))")
                }
            } else {
                guard plan_rename_no_replace(staging.path, target.path) == 0 else {
                    throw OutputError.fileSystem("\(path): cannot move the output into place: \(String(cString: strerror(errno)))")
                }
                return []
            }
        } catch {
            try? Self.removeMarkedFolder(staging)
            throw error
        }
        // `staging` now holds the previous output.
        do {
            try Self.removeMarkedFolder(staging)
            return []
        } catch {
            return ["could not remove the previous output, now at \(staging.path): \(OutputError.reason(error)); the next run into \(path) will remove it"]
        }
    }

    /// Throws unless the target is absent, empty or marked as plan's output, and holds none of
    /// `inputs`. Returns whether it exists.
    @discardableResult
    private func checkReplaceable(inputs: [String]) throws(OutputError) -> Bool {
        var status = stat()
        guard lstat(target.path, &status) == 0 else {
            guard errno == ENOENT else { throw OutputError.fileSystem("\(path): cannot examine the folder: \(String(cString: strerror(errno)))") }
            return false
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw .symbolicLink(path: path)
        default: throw OutputError.fileSystem("\(path) exists and is not a folder")
        }
        let contents: [String]
        do {
            contents = try FileManager.default.contentsOfDirectory(atPath: target.path)
        } catch {
            throw OutputError.fileSystem("\(path): cannot list the folder, so it cannot be replaced safely: \(OutputError.reason(error))")
        }
        let root = target.resolvingSymlinksInPath().path + "/"
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(root) {
            throw .holdsInput(path: path, input: input)
        }
        guard contents.isEmpty || OutputMarker.isPresent(in: target) else {
            throw .notOurs(path: path)
        }
        return true
    }

    /// Removes the staging folders of earlier runs into this target that were interrupted (ours:
    /// they carry the marker, hold only its name, or are empty). Holding the lock, no other run is using them.
    private func removeLeftovers() -> [String] {
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).partial-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var notices: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let leftover = parent.appendingPathComponent(name)
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: leftover.path)) ?? [""]
            // The marker is written first: a folder holding nothing else was stopped while writing it.
            guard contents.isEmpty || contents == [OutputMarker.fileName] || OutputMarker.isPresent(in: leftover) else { continue }
            if (try? Self.removeMarkedFolder(leftover)) != nil {
                notices.append("removed \(leftover.path), left by an interrupted run")
            }
        }
        return notices
    }

    /// Removes one of our folders with its marker last. A run killed in the middle of a removal
    /// (the previous output after the swap, or an earlier run's leftover) then leaves a folder that
    /// still carries the marker, or is empty, so the next run recognises it and removes the rest:
    /// removed in directory order, the marker could go first and leave files nobody may delete.
    /// `remove` removes one item (a test stops it part-way, as a kill would).
    static func removeMarkedFolder(_ folder: URL, remove: (URL) throws -> Void = { try FileManager.default.removeItem(at: $0) }) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in names where name != OutputMarker.fileName {
            try remove(folder.appendingPathComponent(name))
        }
        if names.contains(OutputMarker.fileName) { try remove(folder.appendingPathComponent(OutputMarker.fileName)) }
        try remove(folder)
    }

    private func sibling(_ suffix: String) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(suffix)")
    }
}

/// Why a run's files could not be written: one case per thing a caller can act on (choose another
/// folder, wait for the other run, remove what is there), each one line naming the path. Nothing
/// was replaced. The messages name no option: the tool names the one that gave the folder.
public enum OutputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The output folder's path is empty: it would name the working folder, which holds other files.
    case emptyFolderPath
    /// Another run holds the folder's lock (`OutputLock`) and is writing it.
    case locked(path: String)
    /// The output folder is a symbolic link, which plan never replaces.
    case symbolicLink(path: String)
    /// The output folder holds one of the run's own inputs.
    case holdsInput(path: String, input: String)
    /// The output folder holds files plan did not write (no marker): it may be someone's work.
    case notOurs(path: String)
    /// A file output (`OutputTarget`, named `target`: its option and path) exists and is not plan's
    /// output of its kind (`kind`); `canReplace` when the command can be told to replace it.
    case occupied(target: String, kind: String, canReplace: Bool)
    /// `OutputDirectory.replace` stopped when asked to: nothing was put in place.
    case interrupted
    /// Any other refusal of the file system, as one sentence naming the path.
    case fileSystem(String)

    public var description: String { description(folderOption: nil, force: "allow it to be replaced") }

    /// The sentence with the output folder named as the option `folderOption` (nil: in words) and
    /// the way to replace an occupied file as `force` (the tool passes its options).
    public func description(folderOption: String?, force: String) -> String {
        let another = "another " + (folderOption ?? "output folder")
        switch self {
        case .emptyFolderPath: return "\(folderOption ?? "the output folder's path") is empty; expected a folder such as notebooks-output/december"
        case .locked(let path): return "\(path) is being written by another plan run; wait for it to finish or choose \(another)"
        case .symbolicLink(let path): return "\(path) is a symbolic link; give the folder it points to as \(folderOption ?? "the output folder")"
        case .holdsInput(let path, let input): return "\(path) holds \(input), which this run reads; choose \(another)"
        case .notOurs(let path): return "\(path) exists and holds files plan did not write (no \(OutputMarker.fileName)); choose \(another) or remove it"
        case .occupied(let target, let kind, let canReplace):
            return "\(target) exists and is not \(kind); " + (canReplace ? "choose another path, remove it, or \(force)" : "choose another path or remove it")
        case .interrupted: return "interrupted before the files were put in place; the folder is as it was"
        case .fileSystem(let message): return message
        }
    }

    /// A Foundation file error as the sentence its POSIX cause gives ("Permission denied"), not
    /// as "NSCocoaErrorDomain error 512".
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        case .fileWriteFileExists: return "it exists already"
        default: return "the file system refused (\(error.domain) \(error.code))"
        }
    }
}
