import ArgumentParser
import CapacityPolicy

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the level engine (and the simulation) on this machine.",
        discussion: "Evaluations per second of the compiled and the explained evaluator over pre-generated random inputs (emea 0–6, us 0–15, open 0–200), one thread."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output: text or json.") var format: Format = .text
    @Option(help: "How many random inputs to evaluate.") var inputs: Int = 10_000_000
    @Option(help: "Repeat each measurement this many times and report the best.") var repeats: Int = 3

    func validate() throws {
        guard inputs > 0 else { throw ValidationError("--inputs must be at least 1") }
        guard repeats > 0 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        let results = EngineBenchmark(inputs: inputs, repeats: repeats).run()
        switch format {
        case .text:
            var lines = ["measurement                         evaluations    seconds   evaluations/s"]
            for r in results {
                lines.append(r.name.padding(34) + String(r.count).leftPadding(13) + String(format3(r.seconds)).leftPadding(11) + formatRate(r.rate).leftPadding(16))
            }
            emit(lines.joined(separator: "\n"))
        case .json:
            emit(encodeJSON(results))
        }
    }
}

private func format3(_ x: Double) -> String {
    let ms = Int((x * 1000).rounded())
    return "\(ms / 1000).\(String(ms % 1000).leftPadding(3, with: "0"))"
}

private func formatRate(_ rate: Double) -> String {
    rate >= 1e6 ? "\(format3(rate / 1e6).dropLast(1)) M" : "\(format3(rate / 1e3).dropLast(1)) k"
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int, with pad: Character = " ") -> String { count >= width ? self : String(repeating: pad, count: width - count) + self }
}
