import Foundation

/// Runs the built `plan` binary, as a user would, and captures what it prints.
struct PlanProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The products folder holding both this test bundle and the `plan` executable.
    static var executable: URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()]
        for folder in candidates {
            let url = folder.appendingPathComponent("plan")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return bundle.appendingPathComponent("plan")
    }

    /// The repository root, for example files (`scenarios/`).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The environment every run of `plan` in these tests gets: the test process's own without any
    /// `PLAN_*` variable (a developer's `PLAN_HISTORY` or webhook URL must not reach a test), plus
    /// `adding`. Every test that starts `plan` takes its environment from here.
    static func environment(adding: [String: String] = [:], base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        base.filter { !$0.key.hasPrefix("PLAN_") }.merging(adding) { $1 }
    }

    /// `environment` adds to (or replaces in) the clean environment of `environment(adding:)`.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = Self.environment(adding: environment)
        process.currentDirectoryURL = directory ?? repository
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Starts plan in `directory` without waiting for it; its output is discarded.
    static func start(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment()
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts plan and kills it with SIGKILL after `delay` seconds unless it has ended by then.
    static func killed(after delay: Double, _ arguments: [String]) throws {
        let process = try start(arguments, in: repository)
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A fresh temporary folder for files a test writes.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
