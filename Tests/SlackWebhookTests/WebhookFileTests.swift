import Foundation
import SlackWebhook
import Testing

/// The webhook URL file is a secret, as an ssh key is: refused when group or others may read or
/// write it, unless the user says the sharing is intended; only a regular file is read.
@Suite struct WebhookFileTests {
    let url = "https://hooks.slack.com/services/T1/B2/secret-token-xyz"

    private func file(mode: Int) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("webhook").path
        try (url + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test(arguments: [0o600, 0o400, 0o700])
    func anOwnerOnlyFileIsRead(mode: Int) throws {
        let webhook = try WebhookURL(contentsOfFile: try file(mode: mode), allowShared: false)
        #expect(webhook.description == "https://hooks.slack.com/…")
    }

    @Test(arguments: [(0o644, "read", "644"), (0o640, "read", "640"), (0o604, "read", "604"), (0o620, "written", "620"),
                      (0o666, "read and written", "666")])
    func aSharedFileIsRefused(mode: Int, who: String, shown: String) throws {
        let path = try file(mode: mode)
        let error = #expect(throws: WebhookError.self) { try WebhookURL(contentsOfFile: path, allowShared: false) }
        #expect(error == .sharedFile(path: path, who: who, mode: shown))
        #expect(error?.description == "\(path): the webhook file can be \(who) by group or others (mode \(shown)); its URL is a secret: chmod 600 \(path), or allow a shared file")
        #expect(try WebhookURL(contentsOfFile: path, allowShared: true).description == "https://hooks.slack.com/…")
    }

    @Test func aFolderOrAFIFOIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let error = #expect(throws: WebhookError.self) { try WebhookURL(contentsOfFile: folder.path, allowShared: true) }
        #expect(error?.description == "\(folder.path): the webhook file is not a regular file")
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opened without blocking, refused before anything is read: a FIFO with no writer would hang.
        let fifoError = #expect(throws: WebhookError.self) { try WebhookURL(contentsOfFile: fifo, allowShared: true) }
        #expect(fifoError?.description == "\(fifo): the webhook file is not a regular file")
        let missing = #expect(throws: WebhookError.self) { try WebhookURL(contentsOfFile: folder.appendingPathComponent("none").path, allowShared: false) }
        #expect(missing?.description == "\(folder.appendingPathComponent("none").path): cannot read the webhook file: No such file or directory")
    }
}
