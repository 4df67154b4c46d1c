import Foundation

/// A fresh folder for real SQLite files. It is left in the temporary directory, as the end-to-end
/// tests leave theirs: a store must not vanish while a test still has it open.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
