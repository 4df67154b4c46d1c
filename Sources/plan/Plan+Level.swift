import ArgumentParser
import CapacityPolicy
import InputFormats
import Reports

extension Plan {
    struct Level: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Declare the level for a check: the level, why, what to do and whom to alert.",
            discussion: """
            plan level --emea 2 --us 7 --open-cases 60 --window emea
            plan level --input days.csv      (columns emea,us,open_cases; others are passed through)
            For a policy with other inputs, give each as --set NAME=VALUE.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, slack }
        enum WindowChoice: String, ExpressibleByArgument, CaseIterable {
            case emea, americas
            var window: CheckWindow { self == .emea ? .emea : .americas }
        }

        @Option(parsing: .unconditional, help: "Africa/Europe-based SEs working.") var emea: Int?
        @Option(parsing: .unconditional, help: "US-based SEs working.") var us: Int?
        @Option(name: .customLong("open-cases"), parsing: .unconditional, help: "Open, active cases across the team.") var openCases: Int?
        @Option(name: .customLong("set"), help: "Any policy input as NAME=VALUE (repeatable).") var assignments: [String] = []
        @Option(help: "The coverage window checked: emea (10:00 UTC) or americas (17:30 UTC).") var window: WindowChoice?
        @Option(help: "Output: text, json or slack (the #customer-support post). With --input: text is CSV, json one object per row.") var format: Format = .text
        @Option(help: "Evaluate every row of a CSV file (- for standard input) and write it back with level and alerts.") var input: String?
        @OptionGroup var policyOptions: PolicyOptions
        @OptionGroup var recording: RecordOptions

        func run() throws {
            let table = EffectiveTable(try policyOptions.load())
            if let input {
                if recording.record { throw CommandError("--record stores one declared check; load a file of checks with plan history import") }
                guard emea == nil, us == nil, openCases == nil, assignments.isEmpty else {
                    throw CommandError("--input reads the counts from the file; do not also give --emea, --us, --open-cases or --set")
                }
                let source = input == "-" ? "stdin" : input
                let csv = try CSVTable(text: try readTextFile(input), source: source)
                switch format {
                case .text: emit(try LevelBatch(table: table).csv(csv, source: source))
                case .json: emit(try LevelBatch(table: table).json(csv, source: source))
                case .slack: throw CommandError("--format slack posts one check; with --input, use --format text (CSV) or json")
                }
                return
            }
            var named: [String: Int] = [:]
            if let emea { named["emea"] = emea }
            if let us { named["us"] = us }
            if let openCases { named["open"] = openCases }
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let value = Int(parts[1]) else {
                    throw CommandError("--set \(assignment): expected NAME=WHOLE_NUMBER")
                }
                named[parts[0]] = value
            }
            let known = Set(table.policy.inputs.map(\.name))
            if let unknown = named.keys.sorted().first(where: { !known.contains($0) }) {
                throw CommandError("the policy has no input \"\(unknown)\"; its inputs are \(table.policy.inputs.map(\.name).joined(separator: ", "))")
            }
            let missing = table.policy.inputs.filter { named[$0.name] == nil }.map(\.name)
            guard missing.isEmpty else {
                throw CommandError("missing \(missing.map { flagName(for: $0) }.joined(separator: ", ")); the policy needs a value for each of its inputs")
            }
            let observation = try table.policy.observation(named)
            let report = LevelReport(table: table, observation: observation, window: window?.window)
            try recording.declare(report, table: table)
            switch format {
            case .text: emit(report.text())
            case .json: emit(report.json())
            case .slack: emit(report.slack())
            }
        }

        private func flagName(for input: String) -> String {
            switch input {
            case "emea": return "--emea"
            case "us": return "--us"
            case "open": return "--open-cases"
            default: return "--set \(input)=N"
            }
        }
    }
}
