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

/// The folder a run's (or a comparison's) files go to, written so that nobody ever sees part of a run: the files are
/// written into a hidden folder beside the target and the folder is renamed into place only when
/// all of them are written. A failure (or an interrupted run, which never gets here) leaves the
/// target as it was; an existing target is replaced as a whole, so no file of an older run
/// lingers beside the new ones.
public struct OutputDirectory: Sendable {
    /// As the user gave it, for messages.
    public let path: String
    /// The file that marks a folder this tool wrote: `run.json` for a run, `compare.csv` for a comparison.
    public let marker: String

    public init(path: String, marker: String = "run.json") {
        self.path = path
        self.marker = marker
    }

    /// Replaces the directory with one holding exactly `files`.
    ///
    /// An existing target is replaced only when it is empty or holds previous output (its
    /// `marker` file), so that a mistyped `--out` cannot delete a folder of other work.
    ///
    /// - Complexity: O(total size of the files).
    public func replace(with files: [OutputFile]) throws(OutputError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw OutputError("\(path) exists and is not a directory") }
            let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            guard contents.isEmpty || contents.contains(marker) else {
                throw OutputError("\(path) exists and does not hold previous output of plan (no \(marker)); choose another --out or remove it")
            }
        }
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).partial-\(token)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw OutputError("\(path): cannot create the output directory: \(OutputError.reason(error))")
        }
        do throws(OutputError) {
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                guard manager.createFile(atPath: url.path, contents: Data(file.contents.utf8)) else {
                    throw OutputError("\(path)/\(file.name): cannot write the file")
                }
            }
            if exists {
                let previous = parent.appendingPathComponent(".\(name).previous-\(token)")
                try OutputDirectory.rename(target, to: previous, naming: path)
                do throws(OutputError) {
                    try OutputDirectory.rename(staging, to: target, naming: path)
                } catch {
                    try? OutputDirectory.rename(previous, to: target, naming: path)
                    throw error
                }
                try? manager.removeItem(at: previous)
            } else {
                try OutputDirectory.rename(staging, to: target, naming: path)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// rename(2): atomic within a file system, which a sibling folder is on.
    private static func rename(_ source: URL, to destination: URL, naming path: String) throws(OutputError) {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw OutputError("\(path): cannot move the output into place: \(String(cString: strerror(errno)))")
        }
    }
}

/// Why a run's files could not be written; one line naming the path.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    static func reason(_ error: Error) -> String { (error as NSError).localizedDescription }
}
