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
            Calendar.self,
            Schema.self,
            Validate.self,
            Simulate.self,
            Merge.self,
            Outlook.self,
            Report.self,
            Bench.self,
            Compare.self,
            WhatIf.self,
            SensitivityCommand.self,
            Approve.self,
            CoverCommand.self,
            HireCommand.self,
            HistoryCommand.self,
            BacktestCommand.self,
            Calibrate.self,
            Diff.self,
        ]
    )

    /// Like ArgumentParser's own `main`, except that every problem is one line on standard error
    /// (`Error: …`): bad input (a `UserFacingError`) with exit status 1, and a mistake on the command
    /// line with ArgumentParser's status but without the usage block that would bury the message.
    /// Help and version requests print as usual.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any UserFacingError {
            fail(error.description, status: ExitCode.failure)
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            fail(message(for: error), status: code)
        }
    }

    private static func fail(_ message: String, status: ExitCode) -> Never {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}

enum PlanVersion {
    static let current = "0.1.0"
}

/// Writes the whole output at once, after everything that could fail has been computed.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
