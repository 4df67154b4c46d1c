import Foundation
import Testing
@testable import History

/// `HistoryStore(readingOnly:)`: what a store holds, read without creating or changing anything,
/// whether another process has it open or not. (Tests run as root, where permission bits stop
/// nothing, so these check what is opened and left, not what the system refuses.)
@Suite struct ReadOnlyStoreTests {
    /// The bytes and the names of every file in `folder`.
    private func snapshot(_ folder: TemporaryFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            files[name] = try Data(contentsOf: folder.url.appendingPathComponent(name))
        }
        return files
    }

    @Test func aClosedStoreIsReadWithNothingCreatedOrChanged() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("h.sqlite")
        do {
            let writer = try HistoryStore(path: path, create: true)
            _ = try writer.record([HistoryStoreTests.check("2026-12-01", level: 2)])
            #expect(try writer.record(HistoryStoreTests.forecast("run-a"), recordedAt: "2026-11-30T10:00:00Z"))
        }
        let before = try snapshot(folder)
        #expect(before.keys.sorted() == ["h.sqlite"])
        let store = try HistoryStore(readingOnly: path)
        #expect(try store.declaredChecks() == [HistoryStoreTests.check("2026-12-01", level: 2)])
        #expect(try store.forecasts().map(\.runID) == ["run-a"])
        #expect(try snapshot(folder) == before)
        // The copy answers reads only: a write fails instead of vanishing.
        let error = #expect(throws: HistoryError.openedForReading(path: path)) { try store.record([HistoryStoreTests.check("2026-12-02", level: 1)]) }
        #expect(error?.description == "\(path): the history store was opened for reading only")
        #expect(throws: HistoryError.self) { try store.record(HistoryStoreTests.forecast("run-b"), recordedAt: "2026-11-30T10:00:00Z") }
        #expect(try store.forecasts().map(\.runID) == ["run-a"])
    }

    /// While another process writes the store, its latest rows are in its -wal file: the read sees
    /// them (SQLite's own read-only open, through the writer's -wal and -shm files).
    @Test func aStoreOpenForWritingIsReadWithItsLatestRows() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("h.sqlite")
        let writer = try HistoryStore(path: path, create: true)
        _ = try writer.record([HistoryStoreTests.check("2026-12-01", level: 2), HistoryStoreTests.check("2026-12-02", level: 3)])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        let store = try HistoryStore(readingOnly: path)
        #expect(try store.declaredChecks().map(\.level) == [2, 3])
        _ = try writer.record([HistoryStoreTests.check("2026-12-03", level: 1)])
        // A copy: what came after it was made is not in it.
        #expect(try store.declaredChecks().count == 2)
        #expect(try HistoryStore(readingOnly: path).declaredChecks().count == 3)
    }

    @Test func anEmptyFileReadsAsAnEmptyStoreAndAMissingOneIsReported() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(try HistoryStore(readingOnly: path).declaredChecks().isEmpty)
        #expect(try snapshot(folder) == ["empty.sqlite": Data()])
        let error = #expect(throws: HistoryError.noStore(path: folder.path("none.sqlite"))) { try HistoryStore(readingOnly: folder.path("none.sqlite")) }
        #expect(error?.description == "\(folder.path("none.sqlite")): no history store there")
    }

    /// A name SQLite would read as part of a URI is escaped.
    @Test func namesWithURICharactersAreEscaped() {
        #expect(HistoryStore.immutableURI("/tmp/a?b#c%d.sqlite") == "file:/tmp/a%3fb%23c%25d.sqlite?immutable=1")
    }
}
