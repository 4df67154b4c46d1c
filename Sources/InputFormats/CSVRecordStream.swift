import Foundation

/// A CSV file read record by record in chunks of 1 MiB, for exports too large to hold: memory stays
/// at one chunk and one record whatever the file's size. Same rules as `CSVTable`, through the
/// same `CSVRecordParser`.
public enum CSVRecordStream {
    static let chunkBytes = 1 << 20

    /// Calls `record` for each record of the file at `path`, the header included, in file order.
    /// Throws `InputFileError` for what is not a readable file or pipe (`InputFile.check`),
    /// `CSVError` for malformed CSV or a record past `limits`, and whatever `record` throws.
    ///
    /// - Complexity: O(file size) time, O(chunk + `limits.recordBytes`) memory.
    public static func forEachRecord(
        path: String, source: String, limits: CSVLimits = CSVLimits(), _ record: (CSVTable.Record) throws -> Void
    ) throws {
        try InputFile.check(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVError(source: source, line: 1, message: "cannot read the file (it does not exist or is not readable)")
        }
        defer { try? handle.close() }
        var parser = CSVRecordParser(source: source, limits: limits)
        var pending: Error?
        func emit(_ r: CSVTable.Record) throws(CSVError) {
            guard pending == nil else { return }
            do { try record(r) } catch { pending = error }
        }
        while true {
            let chunk = try handle.read(upToCount: chunkBytes) ?? Data()
            if chunk.isEmpty { break }
            try parser.feed(chunk, record: emit)
            if let pending { throw pending }
        }
        try parser.finish(record: emit)
        if let pending { throw pending }
    }
}
