import Foundation
import Testing
@testable import RunArtifacts

@Suite struct OutputDirectoryTests {
    let files = [OutputFile(name: "checks.csv", contents: "date\n"), OutputFile(name: "run.json", contents: "{}\n")]
    let marker = OutputMarker.fileName

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func listing(_ url: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    func write(_ files: [OutputFile], to target: URL, inputs: [String] = []) throws {
        try OutputDirectory(path: target.path, kind: .run, inputs: inputs).replace(with: files)
    }

    @Test func writesANewDirectoryItsParentsAndTheMarker() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("out/december")
        try OutputDirectory(path: target.path + "/", kind: .run).replace(with: files)
        #expect(try listing(target) == [marker, "checks.csv", "run.json"])
        #expect(try String(contentsOf: target.appendingPathComponent("checks.csv"), encoding: .utf8) == "date\n")
        #expect(try String(contentsOf: target.appendingPathComponent(marker), encoding: .utf8)
            == "{\"tool\": \"plan\", \"format\": 1, \"kind\": \"run\"}\n")
        // Neither the lock nor a staging folder stays behind.
        #expect(try listing(folder.appendingPathComponent("out")) == ["december"])
    }

    /// A previous run is replaced as a whole: none of its files survive beside the new ones.
    @Test func replacesAPreviousRunAsAWhole() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("december")
        try write(files + [OutputFile(name: "old.csv", contents: "x\n")], to: target)
        try write([OutputFile(name: "run.json", contents: "{\"new\": 1}\n")], to: target)
        #expect(try listing(target) == [marker, "run.json"])
        #expect(try String(contentsOf: target.appendingPathComponent("run.json"), encoding: .utf8) == "{\"new\": 1}\n")
        #expect(try listing(folder) == ["december"])
    }

    /// A mistyped --out must not delete a folder of other work, even one that happens to hold a
    /// file named like plan's own.
    @Test func refusesAFolderWithoutTheMarker() throws {
        let folder = try temporaryFolder()
        try "keep".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "{}".write(to: folder.appendingPathComponent("run.json"), atomically: true, encoding: .utf8)
        #expect {
            try write(files, to: folder)
        } throws: { error in
            (error as? OutputError) == .notOurs(path: folder.path) && "\(error)"
                == "\(folder.path) exists and holds files plan did not write (no .plan-output.json); choose another output folder or remove it"
        }
        #expect(try listing(folder) == ["notes.txt", "run.json"])
    }

    /// A scenario kept inside its own earlier output folder is not deleted by the run that reads it.
    @Test func refusesAFolderHoldingAnInput() throws {
        let target = try temporaryFolder().appendingPathComponent("december")
        try write(files, to: target)
        let scenario = target.appendingPathComponent("december.json")
        try "{}".write(to: scenario, atomically: true, encoding: .utf8)
        #expect {
            try write(files, to: target, inputs: [scenario.path])
        } throws: { error in
            (error as? OutputError) == .holdsInput(path: target.path, input: scenario.path)
        }
        #expect(try listing(target) == [marker, "checks.csv", "december.json", "run.json"])
    }

    @Test func refusesAFileAndASymbolicLink() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: OutputError.self) { try write(files, to: file) }
        let real = folder.appendingPathComponent("real")
        try write(files, to: real)
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect {
            try write(files, to: link)
        } throws: { error in
            (error as? OutputError) == .symbolicLink(path: link.path)
        }
    }

    /// A file that cannot be written leaves the previous output as it was and no staging folder.
    @Test func aFailedWriteLeavesThePreviousOutput() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("december")
        try write(files, to: target)
        let bad = [OutputFile(name: "checks.csv", contents: "new\n"), OutputFile(name: "missing/run.json", contents: "{}\n")]
        #expect(throws: OutputError.self) { try write(bad, to: target) }
        #expect(try listing(folder) == ["december"])
        #expect(try String(contentsOf: target.appendingPathComponent("checks.csv"), encoding: .utf8) == "date\n")
    }

    /// Two runs into one folder: the second is refused while the first holds it, and may go once
    /// the first is done.
    @Test func aSecondRunIntoTheSameFolderIsRefused() throws {
        let target = try temporaryFolder().appendingPathComponent("december")
        var first: OutputDirectory? = try OutputDirectory(path: target.path, kind: .run)
        #expect {
            _ = try OutputDirectory(path: target.path, kind: .run)
        } throws: { error in
            (error as? OutputError) == .locked(path: target.path)
                && (error as? OutputError)?.description(folderOption: "--out", force: "give --force to replace it")
                == "\(target.path) is being written by another plan run; wait for it to finish or choose another --out"
        }
        try first?.replace(with: files)
        first = nil
        try write(files, to: target)
        #expect(try listing(target.deletingLastPathComponent()) == ["december"])
    }

    /// What a killed run left beside the folder is removed, with a notice, by the next run there;
    /// hidden folders that are not plan's are left alone.
    @Test func leftoversOfAnInterruptedRunAreRemoved() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("december")
        try write(files, to: target)
        let leftover = folder.appendingPathComponent(".december.partial-1234abcd")
        try FileManager.default.copyItem(at: target, to: leftover)
        let foreign = folder.appendingPathComponent(".december.partial-notours")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: false)
        try "x".write(to: foreign.appendingPathComponent("keep.txt"), atomically: true, encoding: .utf8)
        do {
            let directory = try OutputDirectory(path: target.path, kind: .run)
            #expect(directory.notices == ["removed \(leftover.path), left by an interrupted run"])
            try directory.replace(with: files)
        }
        #expect(try listing(folder) == [".december.partial-notours", "december"])
    }

    /// Foundation's file errors become the sentence of their cause.
    /// A run killed while it removes a folder of ours (the previous output after the swap, or a
    /// leftover) leaves the marker until the folder's last file is gone, so the next run still
    /// recognises the rest as ours and removes it. Stopped after each possible number of removals.
    @Test func aRemovalStoppedPartWayLeavesAFolderTheNextRunRemoves() throws {
        struct Killed: Error {}
        let outputs = (1...6).map { OutputFile(name: "file\($0).csv", contents: "x\n") } + [OutputFile(name: "run.json", contents: "{}\n")]
        for stop in 0...outputs.count + 1 {
            let folder = try temporaryFolder()
            let target = folder.appendingPathComponent("december")
            try write(outputs, to: target)
            var removed = 0
            #expect(throws: Killed.self) {
                try OutputDirectory.removeMarkedFolder(target) { url in
                    guard removed < stop else { throw Killed() }
                    try FileManager.default.removeItem(at: url)
                    removed += 1
                }
            }
            let left = try listing(target)
            #expect(left.isEmpty || left.contains(marker), "stopped after \(stop) removals: \(left)")
            let leftover = folder.appendingPathComponent(".december.partial-killed")
            try FileManager.default.moveItem(at: target, to: leftover)
            let next = try OutputDirectory(path: target.path, kind: .run)
            #expect(next.notices == ["removed \(leftover.path), left by an interrupted run"])
            #expect(try listing(folder) == [".december.lock"])
        }
    }

    @Test func fileErrorsAreSentences() {
        let error = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteNoPermission.rawValue,
                            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(OutputError.reason(error) == "Permission denied")
        #expect(OutputError.reason(NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteOutOfSpace.rawValue)) == "no space left on the device")
    }
}
