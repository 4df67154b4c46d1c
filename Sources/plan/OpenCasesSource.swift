import ArgumentParser
import CapacityPolicy
import Foundation

/// `--open-cases-from FILE|-`: the open-case count as a helpdesk query prints it, so a scheduled
/// job pipes the query into `plan` instead of pasting a number into its command line.
struct OpenCasesSource: ParsableArguments {
    @Option(name: .customLong("open-cases-from"), help: "Read the open-case count from a file (- for standard input) holding one whole number.")
    var file: String?

    /// The count from `--open-cases` or the file; it is an error to give both.
    func count(given: Int?) throws -> Int? {
        guard let file else { return given }
        guard given == nil else { throw CommandError("give either --open-cases or --open-cases-from, not both") }
        let source = file == "-" ? "stdin" : file
        let text = try readTextFile(file)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .filter { !$0.element.allSatisfy(\.isWhitespace) }
        let counts = lines.map { Int($0.element.trimmingCharacters(in: .whitespaces)).flatMap { (0...Observation.maximumCount).contains($0) ? $0 : nil } }
        guard lines.count == 1, let count = counts[0] else {
            // The first line that is not a count, or else the second count.
            let line = (zip(lines, counts).first { $0.1 == nil }?.0 ?? lines.dropFirst().first)?.offset ?? 0
            throw CommandError("\(source):\(line + 1): expected one whole number from 0 to \(Observation.maximumCount) (the open cases), and nothing else")
        }
        return count
    }
}
