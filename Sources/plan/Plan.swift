import ArgumentParser
import Foundation

@main
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "See support capacity trouble coming: today's level, and the odds of each level ahead.",
        version: PlanVersion.current,
        subcommands: [
            Level.self,
            PolicyCommand.self,
            Holidays.self,
            CalendarCommand.self,
            Schema.self,
            Validate.self,
            Simulate.self,
            Report.self,
            Bench.self,
            Compare.self,
            WhatIf.self,
            Approve.self,
        ]
    )

    /// Like ArgumentParser's own `main`, except that a mistake on the command line is one line on
    /// standard error (`Error: …`), as every other problem is, rather than the message followed by
    /// a usage block. Help and version requests print as usual.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(message(for: error))\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

enum PlanVersion {
    static let current = "0.1.0"
}
