import Foundation
import InputFormats

/// The largest input `plan` reads, file or standard input (`InputFile.maximumBytes`, 64 MiB).
let maximumInputBytes = InputFile.maximumBytes

/// Reads a whole file as UTF-8 (`-` is standard input); the error names the file.
func readTextFile(_ path: String) throws -> String {
    try text(of: try readFile(path), path: path == "-" ? "stdin" : path)
}

/// Reads a whole file's bytes (`-` is standard input); the error names the file. A folder or a
/// device is refused before reading, a pipe is read up to the limit (`InputFile`).
func readFile(_ path: String) throws -> Data {
    if path == "-" {
        let data = try FileHandle.standardInput.read(upToCount: maximumInputBytes + 1) ?? Data()
        guard data.count <= maximumInputBytes else {
            throw CommandError("stdin: the input is larger than \(maximumInputBytes >> 20) MiB, the most plan reads")
        }
        return data
    }
    return try InputFile.read(path, maximumBytes: maximumInputBytes)
}

/// The bytes of a file as UTF-8 text; the error names the file.
func text(of data: Data, path: String) throws -> String {
    guard let text = String(data: data, encoding: .utf8) else {
        throw CommandError("\(path): the file is not UTF-8 text")
    }
    return text
}
