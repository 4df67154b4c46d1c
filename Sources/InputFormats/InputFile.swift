import Foundation

/// The one rule for what a reader opens: a regular file, or a pipe (`<(zcat export.csv.gz)`), which
/// is then read under the same caps as a file. A folder, a device (`/dev/zero`, whose reading never
/// ends) or a socket is refused by name before a byte is read, with a sentence rather than a
/// Foundation error code.
public enum InputFile {
    /// The largest input `plan` reads, file or standard input: 64 MiB. Real inputs are far smaller (a
    /// scenario a few KB, a year of check history a few MB), and reading and parsing keep every byte
    /// in memory several times over, so a larger file is refused before it is read. A run's folder
    /// read back (`StoredRun`, `RunForecast`) is held to it as much as a file named on the command line.
    public static let maximumBytes = 64 << 20

    /// Throws unless `path` (symbolic links followed) is a regular file or a pipe that this process
    /// may read.
    @discardableResult
    public static func check(_ path: String) throws(InputFileError) -> stat {
        var status = stat()
        guard stat(path, &status) == 0 else { throw unreadable(path) }
        switch status.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO: break
        case S_IFDIR: throw InputFileError("\(path) is a folder; expected a file")
        case S_IFCHR, S_IFBLK: throw InputFileError("\(path) is a device, not a file; expected a file")
        default: throw InputFileError("\(path) is not a file (a socket or another special file); expected a file")
        }
        guard access(path, R_OK) == 0 else { throw unreadable(path) }
        return status
    }

    private static func unreadable(_ path: String) -> InputFileError {
        InputFileError("\(path): cannot read the file (it does not exist or is not readable)")
    }

    /// The bytes of the file at `path`, checked as `check` does, at most `maximumBytes` of them:
    /// a larger file (or pipe) is refused once the limit is passed, so memory stays bounded.
    public static func read(_ path: String, maximumBytes: Int) throws(InputFileError) -> Data {
        let status = try check(path)
        let tooLarge = InputFileError("\(path): the file is larger than \(CSVLimits.size(maximumBytes)), the most plan reads")
        // A regular file says its size; a pipe is found out by reading one byte past the limit.
        if status.st_mode & S_IFMT == S_IFREG, status.st_size > maximumBytes { throw tooLarge }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw unreadable(path) }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw InputFileError("\(path): cannot read the file (\((error as NSError).localizedDescription))")
        }
        guard data.count <= maximumBytes else { throw tooLarge }
        return data
    }
}

/// Why an input file cannot be read: one line naming it.
public struct InputFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description.escapingControlCharacters }
}
