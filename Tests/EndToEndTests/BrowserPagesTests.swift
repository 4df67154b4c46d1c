import Foundation
import Testing

/// The pages besides the report, measured as the report is (`BrowserTests`): each rendered in
/// headless Chromium inside a 390 px frame, no wider than the frame, with its header naming the
/// inputs and the tool version. A screenshot of each at 390 px goes to `.build/test-artifacts/`.
@Suite struct BrowserPagesTests {
    @Test func sensitivityPageFitsAPhone() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let page = folder.appendingPathComponent("sensitivity.html")
        let r = try PlanProcess.run(["sensitivity", "scenarios/december.json", "--trials", "200", "--html", "--out", folder.path])
        try #require(r.status == 0, "\(r.stderr)")
        try Self.measure(page, in: folder, expecting: ["<ol class=\"tornado\">", "plan 0.1.0", "Stress: every input at its adverse end"])
    }

    @Test func comparePageFitsAPhoneWithTheLargestChangeFirst() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let out = folder.appendingPathComponent("out")
        let r = try PlanProcess.run(["whatif", "scenarios/december.json", "--time-off", "us-09:2026-12-21..2026-12-24", "--trials", "2000", "--out", out.path, "--html"])
        try #require(r.status == 0, "\(r.stderr)")
        try Self.measure(out.appendingPathComponent("compare.html"), in: folder, expecting: ["From scenarios/december.json", "largest first", "plan 0.1.0"])
    }

    @Test func fitPageFitsAPhoneWithItsFitLinesAndADateAxis() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let page = folder.appendingPathComponent("calibration.html")
        let r = try CalibrateCommandTests.run(CalibrateCommandTests.command + ["--html", "--out", folder.path])
        try #require(r.status == 0, "\(r.stderr)")
        try Self.measure(page, in: folder, expecting: [
            "<h2>How well it fits</h2>", "<b>Inflow</b>: observed/fitted mean cases on an ordinary day: Mon ", "Pearson χ²/df = ",
            "<b>Resolution</b>: ", "segments usable", "Filter: rows with Group = Support", "plan 0.1.0",
            // The daily chart's date axis: the first day and the first of each month, Feb to Jun.
            ">2026-01-05</text>", ">2026-02-01</text>", ">2026-06-01</text>",
        ])
    }

    /// Renders `page` in a 390 px frame, checks it is no wider than the frame and holds `texts`,
    /// and keeps a 390 px wide screenshot.
    static func measure(_ page: URL, in folder: URL, expecting texts: [String]) throws {
        guard let chromium = BrowserTests.chromium() else {
            Issue.record("chromium is not installed; run `bash .ci/deps` (CI installs it) to run the browser test")
            return
        }
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(!html.contains("src=") && !html.contains("<script"))
        for text in texts { #expect(html.contains(text), "\(page.lastPathComponent) lacks \(text)") }
        let profile = folder.appendingPathComponent("chromium-profile").path
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)"]
        let relative = page.path.hasPrefix(folder.path + "/") ? String(page.path.dropFirst(folder.path.count + 1)) : page.absoluteString
        try BrowserTests.expectFitsPhone(relative, in: folder, chromium: chromium, options: common)

        try FileManager.default.createDirectory(at: BrowserTests.artifacts, withIntermediateDirectories: true)
        let screenshot = BrowserTests.artifacts.appendingPathComponent("\(page.deletingPathExtension().lastPathComponent)-390.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try BrowserTests.run(chromium, common + ["--screenshot=\(screenshot.path)", "--window-size=390,1600", "--hide-scrollbars", page.absoluteString], in: folder)
        #expect(shot.status == 0, "chromium exited with \(shot.status): \(shot.stderr)")
    }
}
