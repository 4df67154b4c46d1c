#if canImport(Glibc)
import Glibc
#endif

extension WebhookURL {
    /// The most a webhook file may hold: a URL is some 80 bytes; anything larger is not one.
    static let maximumFileBytes = 64 * 1024

    /// Reads the URL from the file at `path`. Like ssh with a private key, refuses a file that group
    /// or others may read or write (whoever can read it can post in the channel; whoever can write it
    /// can send the alerts elsewhere) unless `allowShared`, and anything but a regular file.
    /// The mode is checked on the descriptor that is then read, so the file cannot be swapped between.
    public init(contentsOfFile path: String, allowShared: Bool) throws(WebhookError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { throw WebhookError.unusable("\(path): cannot read the webhook file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw WebhookError.unusable("\(path): cannot examine the webhook file: \(String(cString: strerror(errno)))") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw WebhookError.unusable("\(path): the webhook file is not a regular file") }
        let shared = status.st_mode & 0o066
        if shared != 0 && !allowShared {
            let who = [(0o044, "read"), (0o022, "written")].filter { shared & mode_t($0.0) != 0 }.map(\.1).joined(separator: " and ")
            throw .sharedFile(path: path, who: who, mode: String(status.st_mode & 0o777, radix: 8))
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            guard count >= 0 else { throw WebhookError.unusable("\(path): cannot read the webhook file: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes += buffer[..<count]
            guard bytes.count <= Self.maximumFileBytes else {
                throw WebhookError.unusable("\(path): the webhook file is larger than \(Self.maximumFileBytes / 1024) KiB; expected one URL")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw WebhookError.unusable("\(path): the webhook file is not UTF-8 text") }
        try self.init(text, source: path)
    }
}
