import ArgumentParser
import Reports
import Foundation
import WhatIf

/// `--trials`, `--seed` and `--threads`, shared by the commands that compare scenarios on paired trials.
struct ComparisonOptions: ParsableArguments {
    @Option(help: "Paired trials: each simulates the base and the variant on the same random numbers.")
    var trials: Int = 20_000

    @Option(help: "Master seed; the same seed gives the same output whatever the thread count.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads. Default: one per processor.")
    var threads: Int?

    func settings() throws -> ComparisonSettings {
        guard trials > 0 else { throw CommandError("--trials must be at least 1, found \(trials)") }
        if let threads, threads < 1 { throw CommandError("--threads must be at least 1, found \(threads)") }
        return ComparisonSettings(trials: trials, seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Where a comparison's files go, and the lines that say so.
enum ComparisonFiles {
    /// Writes `compare.csv`, and `compare.html` when `html`, into `folder`; returns "Wrote …" lines.
    static func write(_ comparison: Comparison, to folder: String, html: Bool, baseName: String, variantName: String, inputs: [String]) throws -> String {
        var files = [(name: "compare.csv", contents: comparison.csv)]
        if html { files.append((name: "compare.html", contents: comparison.html(baseName: baseName, variantName: variantName))) }
        let directory = try OutputDirectory(path: folder, kind: .comparison, inputs: inputs)
        OutputNotice.print(directory.notices)
        OutputNotice.print(try directory.replace(with: files.map { OutputFile(name: $0.name, contents: $0.contents) }))
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.map { "Wrote \(prefix)\($0.name)" }.joined(separator: "\n") + "\n"
    }

    /// `scenarios/december.json` → `december`.
    static func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
}
