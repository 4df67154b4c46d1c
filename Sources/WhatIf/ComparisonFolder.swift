import Foundation

/// Writes a comparison's files into a folder so that nobody sees a half-written file: each file is
/// written into a hidden staging folder inside the target, then renamed over its final name
/// (rename(2) is atomic within a file system). Other files in the folder are left alone, because
/// `--out` may name a folder shared with other work.
public enum ComparisonFolder {
    /// `files` as (name, contents). Creates the folder and its parents when missing.
    ///
    /// - Complexity: O(total size of the files).
    public static func write(_ files: [(name: String, contents: String)], to path: String) throws(WhatIfError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WhatIfError("\(path) exists and is not a folder; choose another --out")
        }
        let staging = target.appendingPathComponent(".partial-\(UUID().uuidString.prefix(8))")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw WhatIfError("\(path): cannot create the folder (\((error as NSError).localizedDescription))")
        }
        defer { try? manager.removeItem(at: staging) }
        for file in files {
            guard manager.createFile(atPath: staging.appendingPathComponent(file.name).path, contents: Data(file.contents.utf8)) else {
                throw WhatIfError("\(path)/\(file.name): cannot write the file")
            }
        }
        for file in files {
            let source = staging.appendingPathComponent(file.name).path
            guard Foundation.rename(source, target.appendingPathComponent(file.name).path) == 0 else {
                throw WhatIfError("\(path)/\(file.name): cannot move the file into place (\(String(cString: strerror(errno))))")
            }
        }
    }
}
