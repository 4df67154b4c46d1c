import Foundation
import Reports
import WhatIf

/// Where a comparison's files go, and the lines that say so.
enum ComparisonFiles {
    /// Writes `compare.csv`, and `compare.html` when `html`, into `folder`; returns "Wrote …" lines.
    static func write(_ comparison: Comparison, to folder: String, html: Bool, baseName: String, variantName: String, inputs: [String]) throws -> String {
        var files = [(name: "compare.csv", contents: comparison.csv)]
        if html { files.append((name: "compare.html", contents: comparison.html(baseName: baseName, variantName: variantName, inputs: inputs, toolVersion: PlanVersion.current))) }
        let directory = try OutputDirectory(path: folder, kind: .comparison, inputs: inputs)
        OutputNotice.print(directory.notices)
        OutputNotice.print(try directory.replace(with: files.map { OutputFile(name: $0.name, contents: $0.contents) }))
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.map { "Wrote \(prefix)\($0.name)" }.joined(separator: "\n") + "\n"
    }

    /// `scenarios/december.json` → `december`.
    static func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
}
