/// The one wording for what a command wrote, on standard output after its result: `Wrote PATH`,
/// a line a file (or a folder of files, ending in "/"), so that a script reads every command's the
/// same way. In Reports because the run pipeline prints it as much as the commands do.
public func wroteLines(_ paths: [String]) -> String {
    paths.map { "Wrote \($0)\n" }.joined()
}

/// `folder` as a prefix of the files in it: with one "/" at the end.
public func folderPrefix(_ folder: String) -> String {
    folder.hasSuffix("/") ? folder : folder + "/"
}
