import Foundation

/// Reads a whole file as UTF-8 (`-` is standard input); the error names the file.
func readTextFile(_ path: String) throws -> String {
    if path == "-" {
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
    return try text(of: try readFile(path), path: path)
}

/// Reads a whole file's bytes; the error names the file.
func readFile(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandError("\(path): cannot read the file (it does not exist or is not readable)")
    }
    return data
}

/// The bytes of a file as UTF-8 text; the error names the file.
func text(of data: Data, path: String) throws -> String {
    guard let text = String(data: data, encoding: .utf8) else {
        throw CommandError("\(path): the file is not UTF-8 text")
    }
    return text
}
