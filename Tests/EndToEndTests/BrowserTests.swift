import Foundation
import Testing

/// The December report in a real browser (Debian's `chromium`, headless): the page renders, it
/// has a heatmap cell per check, it is no wider than a 390 px phone screen, it prints on at most
/// three A4 pages, and a 1280×800 screenshot is kept in `.build/test-artifacts/report-december.png`
/// for a person to look at.
@Suite struct BrowserTests {
    /// Generous: a cold Chromium on a busy CI machine can take tens of seconds to start.
    static let timeout: Duration = .seconds(120)
    static var artifacts: URL { PlanProcess.repository.appendingPathComponent(".build/test-artifacts") }

    @Test func decemberReportRendersInChromium() throws {
        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not installed; run `bash .ci/deps` (CI installs it) to run the browser test")
            return
        }
        let folder = try PlanProcess.temporaryDirectory()
        let out = folder.appendingPathComponent("december")
        let r = try PlanProcess.run(DecemberOutputTests.command + ["--out", out.path])
        try #require(r.status == 0, "\(r.stderr)")
        let page = out.appendingPathComponent("report.html").absoluteString
        let profile = folder.appendingPathComponent("chromium-profile").path
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)"]

        let dom = try Self.run(chromium, common + ["--dump-dom", page], in: folder)
        #expect(dom.status == 0, "chromium exited with \(dom.status): \(dom.stderr)")
        for element in ["<main id=\"report\"", "id=\"headline\"", "id=\"heatmap\"", "id=\"levels\"", "id=\"staffing\"", "id=\"horizon\"", "id=\"method\""] {
            #expect(dom.stdout.contains(element), "the rendered page lacks \(element)")
        }
        #expect(dom.stdout.contains("</html>"))
        // December 2026: 22 check days (23 weekdays less the Christmas closure), two windows each.
        #expect(dom.stdout.components(separatedBy: "class=\"cell check\"").count - 1 == 44)

        // The page in a 390 px frame, as a phone shows it.
        try Self.expectFitsPhone("december/report.html", in: folder, chromium: chromium, options: common)

        // Printed on A4 (the page itself leaves the paper size to the printer): three pages at most.
        let a4 = out.appendingPathComponent("report-a4.html")
        try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            .replacingOccurrences(of: "</head>", with: "<style>@page { size: A4; }</style></head>")
            .write(to: a4, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("report.pdf")
        let printed = try Self.run(chromium, common + ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", a4.absoluteString], in: folder)
        #expect(printed.status == 0, "chromium exited with \(printed.status): \(printed.stderr)")
        let pages = String(decoding: try Data(contentsOf: pdf), as: UTF8.self).matches(of: /\/Type\s*\/Page[^s]/).count
        #expect((1...3).contains(pages), "December prints on \(pages) A4 pages")

        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let screenshot = Self.artifacts.appendingPathComponent("report-december.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try Self.run(chromium, common + ["--screenshot=\(screenshot.path)", "--window-size=1280,800", "--hide-scrollbars", page], in: folder)
        #expect(shot.status == 0, "chromium exited with \(shot.status): \(shot.stderr)")
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(png.count > 20_000, "a \(png.count)-byte screenshot is too small to show the page")
    }

    /// Records an issue unless `page` (a path relative to `folder`, where Chromium runs) fits a
    /// 390 px phone: a helper page beside it holds it in a 390 px iframe (Chromium lays no window
    /// out narrower than 500 px) and writes the page's document width into its own DOM, which
    /// --dump-dom prints.
    static func expectFitsPhone(
        _ page: String, in folder: URL, chromium: URL, options common: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let measure = folder.appendingPathComponent("measure-\(UUID().uuidString).html")
        try """
            <!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="\(page)" style="width:390px;height:844px;border:0"></iframe>
            <script>document.getElementById("f").onload = function () { var e = this.contentDocument.documentElement;
            var p = document.createElement("pre"); p.textContent = "width " + e.scrollWidth + " of " + e.clientWidth; document.body.appendChild(p); };</script>
            </body></html>
            """.write(to: measure, atomically: true, encoding: .utf8)
        let width = try run(chromium, common + ["--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", measure.absoluteString], in: folder)
        let measured = width.stdout.firstMatch(of: /width (\d+) of (\d+)/)
        #expect(measured != nil, "the width of \(page) was not measured: \(width.stderr)", sourceLocation: sourceLocation)
        if let measured {
            #expect(measured.1 == measured.2, "at 390 px \(page) is \(measured.1) px wide for \(measured.2) px of screen", sourceLocation: sourceLocation)
        }
    }

    /// `chromium` on the PATH.
    static func chromium() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("chromium") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs Chromium with its output in files (a page's DOM is larger than a pipe's buffer), and
    /// kills it when it has not finished within `timeout`.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> Output {
        let id = UUID().uuidString
        let stdout = folder.appendingPathComponent("chromium-\(id).out"), stderr = folder.appendingPathComponent("chromium-\(id).err")
        try Data().write(to: stdout)
        try Data().write(to: stderr)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let seconds = Double(timeout.components.seconds)
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            Issue.record("chromium did not finish within \(Int(seconds)) seconds and was killed: \(arguments.joined(separator: " "))")
        }
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }
}
