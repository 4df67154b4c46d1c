import Foundation

/// A single file written so that nobody ever sees part of it: the contents go to a hidden file
/// beside the target, which rename(2) then puts in place. A failure leaves the target as it was,
/// so `plan report` never leaves half a page behind.
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `contents`.
    ///
    /// - Complexity: O(size of the contents).
    public static func write(_ contents: String, to path: String) throws(OutputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let staging = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: staging.path, contents: Data(contents.utf8)) else {
            throw OutputError.fileSystem("\(path): cannot write the file")
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw OutputError.fileSystem("\(path): cannot move the file into place: \(reason)")
        }
    }
}
