import Foundation
import Testing

/// The README's console examples are what the binary prints today (issue 24): every `$ plan …` line
/// of its ```console blocks is run, in README order, with the built binary in one folder holding a
/// copy of `scenarios/` and the committed December run, with a clean environment (no `PLAN_*`
/// variable, `HOME` the folder, UTC), and its output compared with the lines under it
/// (`ReadmeExample` states the grammar and the one normalisation).
///
/// `PLAN_UPDATE_README_EXAMPLES=1 swift test --filter ReadmeExamples` rewrites the blocks with what
/// the binary prints instead, keeping each prefix's length; review the diff before committing it.
@Suite struct ReadmeExamplesTests {
    static var readme: URL { PlanProcess.repository.appendingPathComponent("README.md") }
    /// The repository files the examples read, copied so that nothing they write lands in the clone.
    static let copied = ["scenarios", "notebooks-output/december"]

    /// A folder holding the files the examples read.
    static func workspace() throws -> URL {
        let folder = try PlanProcess.temporaryDirectory()
        for path in copied {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: PlanProcess.repository.appendingPathComponent(path), to: target)
        }
        return folder
    }

    /// Runs one example as a user's shell would, with only the environment every machine has.
    static func run(_ example: ReadmeExample, in folder: URL) throws -> [String] {
        let process = Process()
        process.executableURL = PlanProcess.executable
        process.arguments = example.arguments
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": folder.path, "TZ": "UTC", "LANG": "C.UTF-8"]
        process.currentDirectoryURL = folder
        // Standard error goes to a file, so that neither output can fill while the other is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("plan-readme-stderr-\(UUID().uuidString)")
        try Data().write(to: errorFile)
        let err = try FileHandle(forWritingTo: errorFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let stderrData = try Data(contentsOf: errorFile)
        try FileManager.default.removeItem(at: errorFile)
        var stdout = String(decoding: stdoutData, as: UTF8.self)
        if let redirect = example.redirect {
            try Data(stdout.utf8).write(to: folder.appendingPathComponent(redirect))
            stdout = ""
        }
        let text = String(decoding: stderrData, as: UTF8.self) + stdout
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test func consoleExamplesAreWhatTheBinaryPrints() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let examples = try ReadmeExample.parse(text)
        #expect(examples.count >= 10, "README.md has \(examples.count) tested console examples")
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let update = ProcessInfo.processInfo.environment["PLAN_UPDATE_README_EXAMPLES"] == "1"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Replaced from the end, so that earlier ranges stay where they are.
        var replacements: [(Range<Int>, [String])] = []
        for example in examples {
            let printed = try Self.run(example, in: folder)
            if update {
                replacements.append((example.outputLines, example.rendered(printed)))
            } else if !example.matches(printed) {
                let part = example.shown == .all ? "all of it shown" : example.shown == .first ? "its first lines shown" : "its last lines shown"
                Issue.record("""
                    README.md:\(example.line): \(example.command) printed (\(part)):
                    \(printed.joined(separator: "\n"))
                    regenerate with: PLAN_UPDATE_README_EXAMPLES=1 swift test --filter ReadmeExamples
                    """)
            }
        }
        guard update else { return }
        for (range, replacement) in replacements.reversed() { lines.replaceSubrange(range, with: replacement) }
        try lines.joined(separator: "\n").write(to: Self.readme, atomically: true, encoding: .utf8)
    }

    /// The README stays a user's page (issue 24: under 400 lines) and, with docs/, stands alone:
    /// every Markdown link names a file of the repository, never a web address.
    @Test func readmeIsShortAndLinksStayInTheRepository() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count < 400)
        let docs = PlanProcess.repository.appendingPathComponent("docs")
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }
            .map { docs.appendingPathComponent($0) } + [Self.readme]
        for page in pages {
            let text = try String(contentsOf: page, encoding: .utf8)
            for match in text.matches(of: #/\]\(([^)\s]+)\)/#) {
                let target = String(match.1)
                let path = String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                let file = page.deletingLastPathComponent().appendingPathComponent(path)
                #expect(!target.contains("://") && FileManager.default.fileExists(atPath: file.path),
                        "\(page.lastPathComponent): the link \(target) is not a file of the repository")
            }
        }
    }

    @Test func blockGrammar() throws {
        let readme = """
            text
            ```console
            $ plan level --emea 2 \\
                --us "7" > 'out.txt'
            first
            …
            $ plan validate a.json
            a.json: valid
            $ plan calendar b.json
            …
            last
            ```
            """
        let examples = try ReadmeExample.parse(readme)
        try #require(examples.count == 3)
        #expect(examples[0].line == 3)
        #expect(examples[0].arguments == ["level", "--emea", "2", "--us", "7"])
        #expect(examples[0].redirect == "out.txt")
        #expect(examples[0].expected == ["first"] && examples[0].shown == .first)
        #expect(examples[0].outputLines == 4..<6)
        #expect(examples[0].matches(["first", "second"]))
        #expect(!examples[0].matches(["first"]))
        #expect(!examples[0].matches(["other", "second"]))
        #expect(examples[0].rendered(["new", "second", "third"]) == ["new", "…"])
        #expect(examples[1].expected == ["a.json: valid"] && examples[1].shown == .all)
        #expect(!examples[1].matches(["a.json: valid", "more"]))
        #expect(examples[1].matches(["a.json: valid"]))
        #expect(examples[2].expected == ["last"] && examples[2].shown == .last)
        #expect(examples[2].matches(["other", "last"]))
        #expect(!examples[2].matches(["last", "other"]))
        #expect(examples[2].rendered(["a", "b", "c"]) == ["…", "c"])
        #expect(ReadmeExample.normalised("From a (run 2026-12-07, 2026-12-01…)") == "From a (run DATE, 2026-12-01…)")
        #expect(throws: ReadmeExampleError.self) { try ReadmeExample.parse("```console\n$ plan level | head\n```") }
        #expect(throws: ReadmeExampleError.self) { try ReadmeExample.parse("```console\n$ cd scenarios\n```") }
        #expect(throws: ReadmeExampleError.self) { try ReadmeExample.parse("```console\nno command\n```") }
    }
}
