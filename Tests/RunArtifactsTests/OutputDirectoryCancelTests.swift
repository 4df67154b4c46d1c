import Foundation
import Testing
@testable import RunArtifacts

/// `OutputDirectory.replace` asked to stop (a SIGTERM while a run writes its files): whether it
/// comes after the first file or just before the swap, the previous output stays whole and nothing
/// staged is left beside it.
@Suite struct OutputDirectoryCancelTests {
    @Test(arguments: [1, 2, 3, 4])
    func aCancelledReplaceKeepsThePreviousOutput(cancelAtQuestion: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-reports-\(UUID().uuidString)")
        let target = folder.appendingPathComponent("december")
        let old = [OutputFile(name: "run.json", contents: "{\"old\": 1}\n")]
        try OutputDirectory(path: target.path, kind: .run).replace(with: old)
        let new = [OutputFile(name: "checks.csv", contents: "date\n"), OutputFile(name: "run.json", contents: "{\"new\": 1}\n")]
        // Asked after the marker, after each of the two files, and just before the swap: 4 questions.
        var questions = 0
        let directory = try OutputDirectory(path: target.path, kind: .run)
        let error = #expect(throws: OutputError.self) {
            try directory.replace(with: new) {
                questions += 1
                return questions == cancelAtQuestion
            }
        }
        #expect(error == .interrupted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == [OutputMarker.fileName, "run.json"])
        #expect(try String(contentsOf: target.appendingPathComponent("run.json"), encoding: .utf8) == "{\"old\": 1}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partial") }.isEmpty)
        // Not cancelled, the same replace asks four times and puts the new files in place.
        questions = 0
        try directory.replace(with: new) { questions += 1; return false }
        #expect(questions == 4)
        #expect(try String(contentsOf: target.appendingPathComponent("run.json"), encoding: .utf8) == "{\"new\": 1}\n")
    }
}
