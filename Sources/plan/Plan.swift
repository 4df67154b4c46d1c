import ArgumentParser
import Foundation
import Statistics

@main
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "See support capacity trouble coming: today's level, and the odds of each level ahead.",
        version: PlanVersion.current,
        subcommands: [
            LevelCommand.self,
            PolicyCommand.self,
            HolidaysCommand.self,
            CalendarCommand.self,
            SchemaCommand.self,
            ValidateCommand.self,
            SimulateCommand.self,
            MergeCommand.self,
            OutlookCommand.self,
            ReportCommand.self,
            BenchCommand.self,
            CompareCommand.self,
            WhatIfCommand.self,
            SensitivityCommand.self,
            ApproveCommand.self,
            CoverCommand.self,
            HireCommand.self,
            HistoryCommand.self,
            BacktestCommand.self,
            CalibrateCommand.self,
            DiffCommand.self,
        ]
    )

    /// Like ArgumentParser's own `main`, except that every problem is one line on standard error
    /// (`Error: …`): bad input (a `UserFacingError`) with exit status 1, and a mistake on the command
    /// line with ArgumentParser's status but without the usage block that would bury the message.
    /// Help and version requests print as usual.
    static func main() {
        // Before any command can reach GSL: its errors are reported, never an abort.
        GSLRuntime.setUp()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any UserFacingError {
            fail(error.userMessage, status: ExitCode.failure)
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
