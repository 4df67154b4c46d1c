import Foundation
import Testing

/// docs/CLI.md's convention, held mechanically: every command's help, found by walking `plan
/// --help` and each subcommand's `--help` recursively, is read option by option, and each rule of
/// the convention is checked on every command that has the option. A new command or option that
/// breaks a rule fails here, naming the command and the option.
@Suite struct CommandLineConventionTests {
    /// One option of a command's help: its name, its value name (nil for a flag) and its help text
    /// with the lines joined.
    struct Option {
        let name: String
        let value: String?
        let help: String
    }

    /// One command's help, read from `plan <path> --help`.
    struct Command {
        let path: [String]
        let arguments: [(name: String, help: String)]
        let options: [String: Option]
        let subcommands: [String]
        var name: String { (["plan"] + path).joined(separator: " ") }
    }

    /// The entries of one section (`ARGUMENTS:`, `OPTIONS:`, `SUBCOMMANDS:`): a line indented by
    /// two spaces starts an entry, a deeper one continues it; the name and the text are parted by
    /// two spaces at least. The section ends at a blank line (before "See 'plan help …'").
    static func entries(of section: String, in help: String) -> [(head: String, text: String)] {
        let lines = help.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: section + ":") else { return [] }
        var entries: [(head: String, text: String)] = []
        for line in lines[(start + 1)...] {
            if line.isEmpty || !line.hasPrefix(" ") { break }
            if line.hasPrefix("  ") && !line.hasPrefix("   ") {
                let body = line.dropFirst(2)
                let parts = body.components(separatedBy: "  ")
                let head = parts[0]
                let text = parts.dropFirst().joined(separator: "  ").trimmingCharacters(in: .whitespaces)
                entries.append((head, text))
            } else if !entries.isEmpty {
                entries[entries.count - 1].text += (entries[entries.count - 1].text.isEmpty ? "" : " ") + line.trimmingCharacters(in: .whitespaces)
            }
        }
        return entries
    }

    static func command(_ path: [String]) throws -> Command {
        let r = try PlanProcess.run(path + ["--help"])
        #expect(r.status == 0, "\(path) --help: \(r.stderr)")
        let help = r.stdout
        var options: [String: Option] = [:]
        for entry in entries(of: "OPTIONS", in: help) {
            // "-h, --help", "--out <out>", "--shard <I/N>"
            let words = entry.head.split(separator: " ").map(String.init)
            guard let name = words.first(where: { $0.hasPrefix("--") })?.trimmingCharacters(in: CharacterSet(charactersIn: ",")) else { continue }
            let value = words.last.flatMap { $0.hasPrefix("<") ? $0 : nil }
            options[name] = Option(name: name, value: value, help: entry.text)
        }
        let arguments = entries(of: "ARGUMENTS", in: help).map { (name: $0.head, help: $0.text) }
        let subcommands = entries(of: "SUBCOMMANDS", in: help).map { $0.head.split(separator: " ").first.map(String.init) ?? $0.head }
        return Command(path: path, arguments: arguments, options: options, subcommands: subcommands)
    }

    /// Every command, found from `plan --help` down.
    static let all: Result<[Command], any Error> = Result {
        var found: [Command] = []
        var queue: [[String]] = [[]]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            let command = try command(path)
            if command.subcommands.isEmpty { found.append(command) }
            queue += command.subcommands.filter { $0 != "help" }.map { path + [$0] }
        }
        return found
    }

    @Test func everyCommandIsFound() throws {
        let names = Set(try Self.all.get().map(\.name))
        #expect(names.count >= 25, "\(names.sorted())")
        for name in ["plan level", "plan policy check", "plan simulate", "plan history export", "plan calibrate", "plan diff"] {
            #expect(names.contains(name), "\(name) is not among \(names.sorted())")
        }
        // `plan help` lists the same commands.
        let help = try PlanProcess.run(["help"])
        #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS:"))
    }

    /// Each default is printed once: ArgumentParser adds "(default: X)" to an option with a default
    /// value, so a help text that says it too printed it twice.
    @Test func eachDefaultIsPrintedOnce() throws {
        for command in try Self.all.get() {
            for option in command.options.values {
                let count = option.help.lowercased().components(separatedBy: "default").count - 1
                #expect(count <= 1, "\(command.name) \(option.name): \(option.help)")
                // One form: "(default: X)", or ArgumentParser's "(values: …; default: X)".
                if count == 1 { #expect(option.help.contains("(default: ") || option.help.contains("; default: "), "\(command.name) \(option.name): \(option.help)") }
            }
        }
    }

    /// `--trials` states the default of its command.
    @Test func theTrialsDefaultIsTheCommands() throws {
        let expected = ["simulate": 100_000, "outlook": 100_000, "compare": 20_000, "whatif": 20_000, "approve": 20_000,
                        "sensitivity": 20_000, "cover": 2000, "hire": 1000, "bench": 200_000]
        let commands = try Self.all.get().filter { $0.options["--trials"] != nil }
        #expect(Set(commands.map { $0.path.joined(separator: " ") }) == Set(expected.keys))
        for command in commands {
            let trials = try #require(expected[command.path.joined(separator: " ")])
            #expect(command.options["--trials"]!.help.hasSuffix("(default: \(trials)).") || command.options["--trials"]!.help.hasSuffix("(default: \(trials))"), "\(command.name): \(command.options["--trials"]!.help)")
        }
    }

    /// `--html` is a flag everywhere: the page goes into the --out folder.
    @Test func htmlIsAFlagWritingIntoOut() throws {
        let commands = try Self.all.get().filter { $0.options["--html"] != nil }
        #expect(commands.count >= 9)
        for command in commands {
            #expect(command.options["--html"]!.value == nil, "\(command.name): --html takes \(command.options["--html"]!.value ?? "")")
            #expect(command.options["--out"] != nil, "\(command.name) has --html but no --out folder")
        }
    }

    /// `--out` is a folder everywhere, and a command that writes its folder by default can be told
    /// not to with --no-files; the others (their result is printed) write only with --html.
    @Test func outIsAFolderAndEveryWritingCommandCanBeToldNotTo() throws {
        let printed: Set = ["sensitivity", "backtest", "calibrate"]
        let commands = try Self.all.get().filter { $0.options["--out"] != nil }
        #expect(commands.count >= 10)
        for command in commands {
            let out = command.options["--out"]!
            #expect(out.help.lowercased().contains("folder"), "\(command.name) --out: \(out.help)")
            if printed.contains(command.path.joined(separator: " ")) {
                #expect(out.help.hasPrefix("With --html: the folder the page goes into (default: "), "\(command.name) --out: \(out.help)")
                #expect(command.options["--no-files"] == nil)
            } else {
                #expect(command.options["--no-files"]?.help == "Write no files; print only.", "\(command.name) has no --no-files")
            }
        }
        // --shard's part goes into the --out folder, under its own name.
        let simulate = try #require(try Self.all.get().first { $0.name == "plan simulate" })
        #expect(simulate.options["--shard"]!.help.contains("into the --out folder"))
    }

    /// The scenario is the first positional everywhere; no command takes it as --scenario or --team.
    @Test func theScenarioIsTheFirstPositional() throws {
        let withScenario: Set = ["level", "calendar", "validate", "simulate", "outlook", "bench", "compare", "whatif",
                                 "sensitivity", "approve", "cover", "hire", "calibrate"]
        for command in try Self.all.get() {
            #expect(command.options["--scenario"] == nil && command.options["--team"] == nil, "\(command.name)")
            let key = command.path.joined(separator: " ")
            if withScenario.contains(key) {
                let first = try #require(command.arguments.first, "\(command.name) has no positional")
                #expect(first.help.lowercased().contains("scenario"), "\(command.name): first positional \(first.name): \(first.help)")
            } else {
                #expect(!command.arguments.contains { $0.help.lowercased().contains("scenario file") }, "\(command.name)")
            }
        }
    }

    /// Every date option reads today or YYYY-MM-DD, and says so.
    @Test func everyDateOptionTakesTodayOrADate() throws {
        var seen = 0
        for command in try Self.all.get() {
            for name in ["--date", "--from", "--to"] {
                guard let option = command.options[name] else { continue }
                seen += 1
                #expect(option.help.contains("today or YYYY-MM-DD"), "\(command.name) \(name): \(option.help)")
            }
        }
        #expect(seen >= 10)
        // And the same error everywhere, exit 1.
        for arguments in [["calendar", "scenarios/december.json", "--from", "20261201"], ["history", "show", "--from", "20261201"],
                          ["calibrate", "scenarios/history/team.json", "--tickets", "scenarios/history/tickets.csv", "--from", "20261201", "--to", "today"],
                          ["outlook", "scenarios/december.json", "--from", "20261201", "--days", "3", "--open-cases", "3"],
                          ["level", "scenarios/december.json", "--date", "20261201", "--open-cases", "3"]] {
            let r = try PlanProcess.run(arguments)
            #expect(r.status == 1 && r.stderr.hasSuffix(" 20261201: expected today or a date YYYY-MM-DD from 1970-01-01 to 2100-12-31\n"), "\(arguments): \(r.stderr)")
        }
    }

    /// `--absent`, `--open-cases` and --no-files read and are bounded the same wherever they are.
    @Test func sharedOptionsReadTheSame() throws {
        let commands = try Self.all.get()
        for name in ["--absent", "--open-cases", "--open-cases-from", "--no-files", "--seed", "--history", "--reading"] {
            let helps = commands.compactMap { command in command.options[name].map { (command.name, $0.help) } }
            #expect(helps.count >= 2, "\(name)")
            // The text after the "With a scenario: " kind of prefix a command puts before it.
            let cores = Set(helps.map { $0.1.components(separatedBy: ": ").suffix(from: $0.1.hasPrefix("With") || $0.1.hasPrefix("From") ? 1 : 0).joined(separator: ": ") })
            #expect(cores.count == 1, "\(name): \(helps)")
        }
    }

    /// Every --format is an enum of the one set of output kinds, and its help lists them after "Output:".
    @Test func formatValuesAreOneSet() throws {
        for command in try Self.all.get() {
            guard let option = command.options["--format"] else { continue }
            #expect(option.help.hasPrefix("Output: "), "\(command.name): \(option.help)")
            // ArgumentParser lists an enum's values: "(values: text, json; default: text)".
            let listed = option.help.components(separatedBy: "(values: ").last?.prefix { $0 != ";" && $0 != ")" } ?? ""
            let values = listed.components(separatedBy: ", ")
            #expect(!values.isEmpty && Set(values).isSubset(of: ["text", "csv", "json", "slack", "markdown"]), "\(command.name): \(values)")
            #expect(values.first == "text" || values.first == "markdown", "\(command.name): \(values)")
        }
    }

    /// Bad input exits 1 in every command, plan bench too (it exited 64).
    @Test func badInputExitsOne() throws {
        for arguments in [["bench", "--repeats", "0"], ["bench", "--threads", "0"], ["simulate", "scenarios/december.json", "--trials", "0"],
                          ["level", "--emea", "1", "--us", "1", "--open-cases", "-1"], ["diff", "a", "b", "--threshold", "2"]] {
            let r = try PlanProcess.run(arguments)
            #expect(r.status == 1 && r.stdout.isEmpty && r.stderr.hasPrefix("Error: ") && r.stderr.filter { $0 == "\n" }.count == 1, "\(arguments): \(r.status) \(r.stderr)")
        }
    }
}
