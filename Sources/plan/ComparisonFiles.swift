import Foundation
import Reports
import RunArtifacts
import WhatIf

/// Where a comparison's files go, and the lines that say so.
enum ComparisonFiles {
    /// Claims `folder` for a comparison's files before the run, so that a folder that cannot be
    /// written, or one another run is writing, is reported at once rather than after simulating.
    static func claim(_ folder: String, inputs: [String]) throws -> OutputDirectory {
        let directory = try OutputDirectory(path: folder, kind: .comparison, inputs: inputs)
        OutputNotice.print(directory.notices)
        return directory
    }

    /// Writes `compare.csv`, and `compare.html` when `html`, into `directory`; returns "Wrote …" lines.
    /// `inputs` are named in the page's header.
    static func write(_ comparison: Comparison, to directory: OutputDirectory, html: Bool, baseName: String, variantName: String, inputs: [String]) throws -> String {
        var files = [(name: "compare.csv", contents: comparison.csv)]
        if html { files.append((name: "compare.html", contents: comparison.html(baseName: baseName, variantName: variantName, inputs: inputs, toolVersion: PlanVersion.current))) }
        OutputNotice.print(try directory.replace(with: files.map { OutputFile(name: $0.name, contents: $0.contents) }))
        return wroteLines(files.map { folderPrefix(directory.path) + $0.name })
    }

    /// `scenarios/december.json` → `december`.
    static func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
}
