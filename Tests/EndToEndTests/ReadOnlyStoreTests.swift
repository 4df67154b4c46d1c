import Foundation
import Testing

/// A store the user may read but not write (0444 in a 0555 folder): `history show`, `history
/// export`, `backtest` and `level`'s look at the previous check read it as they read any store, and
/// leave it exactly as it was, with no -wal or -shm file beside it. Tests run as root, where the
/// permission bits stop nothing, so what is checked is what plan creates and changes: nothing.
@Suite struct ReadOnlyStoreTests {
    @Test func aStoreOnlyReadableIsReadAndLeftAsItWas() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let store = folder.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let history = ["--history", "store/h.sqlite"]
        let december = PlanProcess.repository.appendingPathComponent("scenarios/december.json").path
        #expect(try PlanProcess.run(["simulate", december, "--trials", "200", "--out", "run"], in: folder).status == 0)
        #expect(try PlanProcess.run(["history", "add-run", "run", "--made-at", "2026-11-20"] + history, in: folder).status == 0)
        let declarations = "date,window,emea,us,open_cases\n2026-12-01,EMEA,3,10,40\n2026-12-01,Americas,3,10,66\n2026-12-02,EMEA,1,10,30\n"
        #expect(try PlanProcess.run(["history", "import", "-"] + history, stdin: declarations, in: folder).status == 0)
        let commands = [["history", "show"], ["history", "export"], ["backtest", "--from", "2026-12-01"],
                        ["level", december, "--date", "2026-12-02", "--window", "americas", "--open-cases", "50", "--format", "slack"]]
        let writable = try commands.map { try PlanProcess.run($0 + history, in: folder) }
        for (command, r) in zip(commands, writable) { #expect(r.status == 0, "\(command): \(r.stderr)") }

        let file = store.appendingPathComponent("h.sqlite").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: store.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: store.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.path) == ["h.sqlite"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let modified = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date

        for (command, before) in zip(commands, writable) {
            let r = try PlanProcess.run(command + history, in: folder)
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(r.stdout == before.stdout, "\(command)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: store.path) == ["h.sqlite"], "\(command)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date == modified)
        // The previous check was read: the Americas check of Dec 2 is compared with that morning's.
        #expect(writable[3].stdout.contains("the previous check"))
    }
}
