import Foundation
import OutputFormats
import Testing
@testable import RunArtifacts

/// The one rule for a single file a command writes (issue 25): never an input, never a file that
/// is not plan's own output of that kind unless --force, never two outputs on one path, checked
/// before the work and written atomically.
@Suite struct OutputTargetTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func writesANewFileAndItsFolderAndLeavesNothingBeside() throws {
        let folder = try temporaryFolder()
        let page = folder.appendingPathComponent("out/fit.html")
        try OutputTarget(path: page.path, option: "--html", kind: .page, inputs: []).write("<p>new</p>\n")
        #expect(try text(page) == "<p>new</p>\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path) == ["fit.html"])
    }

    /// The run's inputs, by path, through a symbolic link of a folder, or as a hard link, are refused
    /// even with --force.
    @Test func anInputIsNeverReplaced() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("h.sqlite")
        try Data("SQLite format 3\u{0}".utf8).write(to: store)
        let link = folder.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
        let hard = folder.appendingPathComponent("second-name.sqlite")
        try FileManager.default.linkItem(at: store, to: hard)
        for path in [store.path, link.path + "/h.sqlite", folder.path + "/./h.sqlite"] {
            #expect(message { _ = try OutputTarget(path: path, option: "--html", kind: .page, inputs: [store.path], force: true) }
                == "--html \(path) is a file this run reads; choose another path")
        }
        #expect(message { _ = try OutputTarget(path: hard.path, option: "--html", kind: .page, inputs: [store.path], force: true) }
            == "--html \(hard.path) is \(store.path), which this run reads; choose another path")
        #expect(try Data(contentsOf: store) == Data("SQLite format 3\u{0}".utf8))
    }

    /// A file of another kind is refused unless --force (and the message names --force only when
    /// the command has it); plan's own file of the kind, and an empty file, are replaced.
    @Test func onlyPlansOwnFileOfTheKindIsReplaced() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("f")
        let cases: [(OutputTarget.Kind, own: String, other: String, name: String)] = [
            (.page, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\(htmlGeneratorTag)\n", "<!DOCTYPE html>\n<html><p>mine</p>", "an HTML page of plan"),
            (.partialResult, "{\"format\": \"plan-partial-result\", \"version\": 9", "{\"format\": \"other\"}", "a partial result of plan"),
            (.timeOffCSV, "name,start,end,request\nana,2026-12-01,2026-12-02,r.csv:2\n", "name,start,end\nana,2026-12-01,2026-12-02\n", "a time-off CSV written by plan approve"),
            (.scenario, "{\"name\": \"t\", \"horizon\": {}, \"team\": []}\n", "Ticket ID,Created at\n1,2026-01-05\n", "a scenario"),
        ]
        for (kind, own, other, name) in cases {
            try Data(other.utf8).write(to: file)
            #expect(message { _ = try OutputTarget(path: file.path, option: "--x", kind: kind, inputs: [], force: false) }
                == "--x \(file.path) exists and is not \(name); choose another path, remove it, or allow it to be replaced")
            #expect(message { _ = try OutputTarget(path: file.path, option: "--out", kind: kind, inputs: []) }
                == "--out \(file.path) exists and is not \(name); choose another path or remove it")
            try OutputTarget(path: file.path, option: "--x", kind: kind, inputs: [], force: true).write("forced")
            #expect(try text(file) == "forced")
            try Data(own.utf8).write(to: file)
            try OutputTarget(path: file.path, option: "--x", kind: kind, inputs: []).write("again")
            #expect(try text(file) == "again")
            try Data().write(to: file)
            try OutputTarget(path: file.path, option: "--x", kind: kind, inputs: []).write("into empty")
        }
    }

    @Test func foldersAndSymbolicLinksAreNeverReplaced() throws {
        let folder = try temporaryFolder()
        let link = folder.appendingPathComponent("link.html")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        #expect(message { _ = try OutputTarget(path: folder.path, option: "--html", kind: .page, inputs: [], force: true) }
            == "--html \(folder.path) is a folder; expected a file path")
        #expect(message { _ = try OutputTarget(path: link.path, option: "--html", kind: .page, inputs: [], force: true) }
            == "--html \(link.path) is a symbolic link; give the file it points to")
        #expect(message { _ = try OutputTarget(path: "", option: "--html", kind: .page, inputs: []) } == "--html: expected a file path, found an empty one")
    }

    /// `--write X --html X` kept only the page and said "wrote X" twice; a file inside an output
    /// folder would be lost when the folder is replaced.
    @Test func twoOutputsOfOneRunNeverShareAPath() throws {
        let folder = try temporaryFolder()
        let x = folder.appendingPathComponent("x").path
        let write = try OutputTarget(path: x, option: "--write", kind: .scenario, inputs: [])
        let html = try OutputTarget(path: folder.path + "/../\(folder.lastPathComponent)/x", option: "--html", kind: .page, inputs: [])
        #expect(message { try OutputTarget.requireDistinct([write, html]) } == "--write \(x) and --html \(html.path) are the same file; give each output its own path")
        let inside = try OutputTarget(path: folder.path + "/approve/off.csv", option: "--write-time-off", kind: .timeOffCSV, inputs: [])
        #expect(message { try OutputTarget.requireDistinct([inside], folders: [("--out", folder.path + "/approve/")]) }
            == "--write-time-off \(inside.path) is inside --out \(folder.path)/approve/, which plan replaces as a whole; give it a path outside that folder")
        #expect(message { try OutputTarget.requireDistinct([write, inside], folders: [("--out", folder.path + "/approve-x")]) } == nil)
    }

    /// Checked again just before writing: a file that became an input's link, or another file,
    /// during a long run is not replaced.
    @Test func theCheckIsRepeatedBeforeWriting() throws {
        let folder = try temporaryFolder()
        let page = folder.appendingPathComponent("p.html")
        let target = try OutputTarget(path: page.path, option: "--html", kind: .page, inputs: [])
        try Data("precious".utf8).write(to: page)
        #expect(message { try target.write("<p>page</p>") } == "--html \(page.path) exists and is not an HTML page of plan; choose another path or remove it")
        #expect(try text(page) == "precious")
    }
}
