import Foundation
import Testing
@testable import Reports

@Suite struct OutputDirectoryTests {
    let files = [OutputFile(name: "checks.csv", contents: "date\n"), OutputFile(name: "run.json", contents: "{}\n")]

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func listing(_ url: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    @Test func writesANewDirectoryAndItsParents() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("out/december")
        try OutputDirectory(path: target.path + "/").replace(with: files)
        #expect(try listing(target) == ["checks.csv", "run.json"])
        #expect(try String(contentsOf: target.appendingPathComponent("checks.csv"), encoding: .utf8) == "date\n")
        #expect(try listing(folder.appendingPathComponent("out")) == ["december"])
    }

    /// A previous run is replaced as a whole: none of its files survive beside the new ones.
    @Test func replacesAPreviousRunAsAWhole() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("december")
        try OutputDirectory(path: target.path).replace(with: files + [OutputFile(name: "old.csv", contents: "x\n")])
        try OutputDirectory(path: target.path).replace(with: [OutputFile(name: "run.json", contents: "{\"new\": 1}\n")])
        #expect(try listing(target) == ["run.json"])
        #expect(try String(contentsOf: target.appendingPathComponent("run.json"), encoding: .utf8) == "{\"new\": 1}\n")
        #expect(try listing(folder) == ["december"])
    }

    /// A mistyped --out must not delete a folder of other work.
    @Test func refusesToReplaceAFolderThatIsNotARun() throws {
        let folder = try temporaryFolder()
        try "keep".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: OutputError.self) { try OutputDirectory(path: folder.path).replace(with: files) }
        #expect(try listing(folder) == ["notes.txt"])
    }

    /// A file that cannot be written leaves neither the target nor a staging folder behind.
    @Test func aFailedWriteLeavesNothing() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("december")
        let bad = [OutputFile(name: "checks.csv", contents: "date\n"), OutputFile(name: "missing/run.json", contents: "{}\n")]
        #expect(throws: OutputError.self) { try OutputDirectory(path: target.path).replace(with: bad) }
        #expect(try listing(folder).isEmpty)
    }
}
