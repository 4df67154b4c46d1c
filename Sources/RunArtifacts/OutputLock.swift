import Foundation

/// An exclusive lock on one output folder, held from when a run claims the folder until the run
/// ends (the lock is released when this object goes, or when the process dies).
///
/// It is a `flock(2)` on a hidden file beside the folder (`.NAME.lock`). The file is removed on
/// release, so the lock is re-checked after it is taken: a run that locked a file another run had
/// just removed tries again on the new one.
final class OutputLock {
    private let file: String
    private let descriptor: Int32

    init(beside target: URL, naming path: String) throws(OutputError) {
        file = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).lock").path
        while true {
            let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw OutputError.fileSystem("\(path): cannot create the lock file \(file): \(String(cString: strerror(errno)))")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                close(fd)
                if busy { throw .locked(path: path) }
                throw OutputError.fileSystem("\(path): cannot lock \(file): \(reason)")
            }
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(file, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                descriptor = fd
                return
            }
            close(fd)
        }
    }

    deinit {
        unlink(file)
        close(descriptor)
    }
}
