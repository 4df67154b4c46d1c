import ArgumentParser
import CapacityPolicy
import Reports

extension Plan {
    struct PolicyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: "Show or check a capacity policy.",
            subcommands: [ShowCommand.self, CheckCommand.self]
        )

        struct ShowCommand: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the effective level table after the reading is applied.")

            enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

            @Option(help: "Output: markdown or json.") var format: Format = .markdown
            @OptionGroup var policyOptions: PolicyOptions

            func run() throws {
                let table = EffectiveTable(try policyOptions.load())
                emit(format == .markdown ? table.markdown() : try table.json())
            }
        }

        struct CheckCommand: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "check",
                abstract: "Lint a policy: repeats, criteria that never decide, reading differences, baseline gaps, inversions.",
                discussion: "Exits non-zero when the policy cannot be read or has errors; warnings alone exit 0."
            )

            @OptionGroup var policyOptions: PolicyOptions

            func run() throws {
                let policy = try policyOptions.load()
                let file = policyOptions.policy
                let lint = PolicyLint(policy)
                let grid = zip(policy.inputs, lint.grid).map { "\($0.name) \($1.lowerBound)–\($1.upperBound)" }.joined(separator: ", ")
                var lines = ["\(file ?? "built-in policy"): \(policy.name), \(policy.levels.count) levels, \(policy.reading.rawValue) reading; checked \(lint.checkedEveryState ? "every state" : "states") with \(grid)"]
                lines += lint.findings.map(\.description)
                let errors = lint.findings.filter { $0.severity == .error }.count
                let warnings = lint.findings.filter { $0.severity == .warning }.count
                lines.append("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
                emit(lines.joined(separator: "\n"))
                if errors > 0 { throw ExitCode(2) }
            }
        }
    }
}
