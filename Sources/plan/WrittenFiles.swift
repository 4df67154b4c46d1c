import Foundation

/// The one wording for what a command wrote, on standard output after its result: `Wrote PATH`,
/// a line a file (or a folder of files, ending in "/"), so that a script reads every command's the
/// same way.
func wroteLines(_ paths: [String]) -> String {
    paths.map { "Wrote \($0)\n" }.joined()
}

/// `folder` as a prefix of the files in it: with one "/" at the end.
func folderPrefix(_ folder: String) -> String {
    folder.hasSuffix("/") ? folder : folder + "/"
}

/// Makes `folder` (and its parents) when missing, so that a command writes into it; a file of that
/// name is refused, naming `option`: the option takes a folder.
func makeFolder(_ folder: String, option: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
        guard isFolder.boolValue else { throw CommandError("\(option) \(folder): is a file; \(option) takes a folder") }
        return
    }
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
        throw CommandError("\(option) \(folder): the folder cannot be made (\((error as NSError).localizedDescription))")
    }
}
