import Foundation
import Reports
import RunArtifacts

/// Refuses a `folder` that exists and is not a folder, naming `option`: the option takes a folder.
/// A missing folder is made when the first file is written into it (`OutputTarget`), so that
/// nothing is created before the work.
func requireFolder(_ folder: String, option: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
        throw CommandError("\(option) \(folder): is a file; \(option) takes a folder")
    }
}

/// `--html` of a command whose result is printed (sensitivity, backtest, calibrate): the page
/// `name` in the `--out` folder, checked before the work as every output file is.
func pageTarget(_ name: String, folder: String, inputs: [String], force: Bool) throws -> OutputTarget {
    try requireFolder(folder, option: "--out")
    return try OutputTarget(path: folderPrefix(folder) + name, option: "--html", kind: .page, inputs: inputs, force: force)
}

/// `--no-files` of every command that writes a folder by default: it writes nothing and prints
/// only, so the options that say where or what to write contradict it.
func checkNoFiles(_ noFiles: Bool, out: String?, html: Bool = false, others: [(option: String, given: Bool)] = []) throws {
    guard noFiles else { return }
    if out != nil { throw CommandError("--no-files and --out contradict each other; give one") }
    if html { throw CommandError("--no-files and --html contradict each other; give one") }
    if let other = others.first(where: \.given) { throw CommandError("--no-files and \(other.option) contradict each other; give one") }
}

/// The help of `--no-files`, the same in every command.
let noFilesHelp = "Write no files; print only."
