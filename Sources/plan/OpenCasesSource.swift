import ArgumentParser
import CapacityPolicy
import Foundation
import Scenarios

/// `--open-cases N` or `--open-cases-from FILE|-` (the count as a helpdesk query prints it, so a
/// scheduled job pipes the query into `plan` instead of pasting a number into its command line):
/// one option group for `plan level` and `plan outlook`, so that both take the count alike and
/// bound it alike.
struct OpenCasesSource: ParsableArguments {
    @Option(name: .customLong("open-cases"), parsing: .unconditional, help: "Open, active cases across the team now, 0 to \(OpenCasesSource.maximum).")
    var given: Int?

    @Option(name: .customLong("open-cases-from"), help: "Read the open-case count from a file (- for standard input) holding one whole number.")
    var file: String?

    /// The most open cases either command takes: what a scenario's starting backlog may be, far
    /// above any real team's.
    static let maximum = ScenarioLimits.initialOpenCases.upperBound

    func validate() throws {
        if let given, !(0...Self.maximum).contains(given) {
            throw CommandError("--open-cases must be from 0 to \(Self.maximum), got \(given)")
        }
        if given != nil, file != nil { throw CommandError("give either --open-cases or --open-cases-from, not both") }
    }

    /// Whether either option was given.
    var isGiven: Bool { given != nil || file != nil }

    /// The count from `--open-cases` or the file; nil when neither was given.
    func count() throws -> Int? {
        guard let file else { return given }
        let source = file == "-" ? "stdin" : file
        let text = try readTextFile(file)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .filter { !$0.element.allSatisfy(\.isWhitespace) }
        let counts = lines.map { Int($0.element.trimmingCharacters(in: .whitespaces)).flatMap { (0...Self.maximum).contains($0) ? $0 : nil } }
        guard lines.count == 1, let count = counts[0] else {
            // The first line that is not a count, or else the second count.
            let line = (zip(lines, counts).first { $0.1 == nil }?.0 ?? lines.dropFirst().first)?.offset ?? 0
            throw CommandError("\(source):\(line + 1): expected one whole number from 0 to \(Self.maximum) (the open cases), and nothing else")
        }
        return count
    }
}
