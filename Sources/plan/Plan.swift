import ArgumentParser

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
}

enum PlanVersion {
    static let current = "0.1.0"
}
