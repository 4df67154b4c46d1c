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
        case S_IFDIR: throw .notAFile(path: path, what: .folder)
        case S_IFCHR, S_IFBLK: throw .notAFile(path: path, what: .device)
        default: throw .notAFile(path: path, what: .special)
        }
        guard access(path, R_OK) == 0 else { throw unreadable(path) }
        return status
    }

    private static func unreadable(_ path: String) -> InputFileError { .unreadable(path: path) }

    /// The bytes of the file at `path`, checked as `check` does, at most `maximumBytes` of them:
    /// a larger file (or pipe) is refused once the limit is passed, so memory stays bounded.
    public static func read(_ path: String, maximumBytes: Int) throws(InputFileError) -> Data {
        let status = try check(path)
        let tooLarge = InputFileError.tooLarge(path: path, maximumBytes: maximumBytes)
        // A regular file says its size; a pipe is found out by reading one byte past the limit.
        if status.st_mode & S_IFMT == S_IFREG, status.st_size > maximumBytes { throw tooLarge }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw unreadable(path) }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw .readFailed(path: path, reason: (error as NSError).localizedDescription)
        }
        guard data.count <= maximumBytes else { throw tooLarge }
        return data
    }
}

/// Why an input file cannot be read: one case per remedy (give a file, make it readable, make it
/// smaller), each one line naming it.
public enum InputFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Something that is not a file, which is never read.
    public enum Kind: Sendable, Equatable { case folder, device, special }

    /// No such file, or one this process may not read.
    case unreadable(path: String)
    /// A folder, a device or a socket where a file was expected.
    case notAFile(path: String, what: Kind)
    /// More than `maximumBytes` (`InputFile.maximumBytes` unless told otherwise).
    case tooLarge(path: String, maximumBytes: Int)
    /// Reading failed part way, in the system's words.
    case readFailed(path: String, reason: String)

    public var description: String {
        let sentence = switch self {
        case .unreadable(let path): "\(path): cannot read the file (it does not exist or is not readable)"
        case .notAFile(let path, .folder): "\(path) is a folder; expected a file"
        case .notAFile(let path, .device): "\(path) is a device, not a file; expected a file"
        case .notAFile(let path, .special): "\(path) is not a file (a socket or another special file); expected a file"
        case .tooLarge(let path, let maximumBytes): "\(path): the file is larger than \(CSVLimits.size(maximumBytes)), the most plan reads"
        case .readFailed(let path, let reason): "\(path): cannot read the file (\(reason))"
        }
        return sentence.escapingControlCharacters
    }
}
