import ArgumentParser
import CapacityPolicy
import Foundation

/// `--policy FILE` and `--reading`, shared by every command that decides levels.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: "Policy file (JSON). Default: the handbook policy built into plan.")
    var policy: String?

    @Option(name: .long, help: "How repeated criteria are read: first-level or literal. Default: the policy file's own.")
    var reading: Reading?

    func load() throws -> Policy {
        var loaded = Policy.handbook
        if let policy {
            loaded = try Policy.decode(json: try readTextFile(policy), source: policy)
        }
        if let reading { loaded.reading = reading }
        return loaded
    }
}

extension Reading: ExpressibleByArgument {}

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

/// Writes the whole output at once, after everything that could fail has been computed.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
