import Foundation

/// One `$ plan …` line of a README ```console block and the output printed under it.
///
/// The README's examples are held to what the binary prints (`ReadmeExamplesTests`), so the block
/// grammar is small and stated here, and in docs/DEVELOPMENT.md for whoever writes an example:
/// - a command is a line starting `$ plan `; a line ending in ` \` continues on the next;
/// - its expected output is every line after it up to the next `$ ` line or the block's end:
///   standard error first, then standard output (pipes cannot keep their interleaving);
/// - a last output line of exactly `…` shows only the first lines: the output must begin with them
///   and go on; a first line of exactly `…` shows only the last lines, which it must end with;
/// - `> FILE` at the end sends standard output to FILE (in the examples' folder), as a shell would.
struct ReadmeExample {
    /// The 1-based line of the `$ plan` line in README.md.
    let line: Int
    /// The command as written, continuation lines joined (for messages).
    let command: String
    /// The words after `plan`, quotes removed; `> FILE` left out.
    let arguments: [String]
    /// Where `> FILE` sends standard output, or nil.
    let redirect: String?
    /// Which part of the output the block shows.
    enum Shown: Equatable { case all, first, last }

    /// The lines shown under the command, without the `…` that marks a part.
    let expected: [String]
    /// Whether the block shows all of the output, its first lines (ending in `…`) or its last
    /// (starting with `…`).
    let shown: Shown
    /// The README lines (0-based, half-open) that hold the expected output, `…` included.
    let outputLines: Range<Int>

    /// Every example of every ```console block, in README order.
    static func parse(_ readme: String) throws -> [ReadmeExample] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [ReadmeExample] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "```console" else { index += 1; continue }
            index += 1
            while index < lines.count, lines[index] != "```" {
                guard lines[index].hasPrefix("$ ") else {
                    throw ReadmeExampleError(line: index + 1, problem: "a console block must start with a `$ plan` line, found \"\(lines[index])\"")
                }
                let start = index
                var command = lines[index]
                while command.hasSuffix(" \\"), index + 1 < lines.count {
                    index += 1
                    command = String(command.dropLast(2)) + " " + lines[index].trimmingCharacters(in: .whitespaces)
                }
                index += 1
                let outputStart = index
                while index < lines.count, lines[index] != "```", !lines[index].hasPrefix("$ ") { index += 1 }
                var expected = Array(lines[outputStart..<index])
                var shown = Shown.all
                if expected.count > 1, expected.last == "…" {
                    shown = .first
                    expected.removeLast()
                } else if expected.count > 1, expected.first == "…" {
                    shown = .last
                    expected.removeFirst()
                }
                var words = try words(of: command, line: start + 1)
                guard words.first == "$", words.dropFirst().first == "plan" else {
                    throw ReadmeExampleError(line: start + 1, problem: "only `plan` commands can be tested, found \"\(command)\"")
                }
                words.removeFirst(2)
                var redirect: String?
                if let arrow = words.firstIndex(of: ">") {
                    guard arrow == words.count - 2 else {
                        throw ReadmeExampleError(line: start + 1, problem: "`> FILE` must end the command")
                    }
                    redirect = words[arrow + 1]
                    words.removeLast(2)
                }
                examples.append(ReadmeExample(line: start + 1, command: command, arguments: words, redirect: redirect,
                                              expected: expected, shown: shown, outputLines: outputStart..<index))
            }
            index += 1
        }
        return examples
    }

    /// The command's words as a POSIX shell splits them, for the little the README uses: blanks
    /// separate, single and double quotes group. Anything else a shell would expand is refused, so
    /// that an example never means one thing to the test and another to a reader's shell.
    static func words(of command: String, line: Int) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if "|&;<`$*?(){}".contains(character), !(character == "$" && words.isEmpty && !inWord) {
                throw ReadmeExampleError(line: line, problem: "the shell syntax \"\(character)\" is not supported in a tested example")
            } else {
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil else { throw ReadmeExampleError(line: line, problem: "an unclosed quote") }
        if inWord { words.append(word) }
        return words
    }

    /// Whether `printed` (the command's lines as run) is what the README shows.
    func matches(_ printed: [String]) -> Bool {
        let lines = expected.map(Self.normalised)
        let actual = printed.map(Self.normalised)
        switch shown {
        case .all: return actual == lines
        case .first: return actual.count > lines.count && actual.starts(with: lines)
        case .last: return actual.count > lines.count && Array(actual.suffix(lines.count)) == lines
        }
    }

    /// The README lines to show for `printed`: as many of its first or last lines as the block
    /// shows now, marked with `…` (all of it when it has no more), or all of it.
    func rendered(_ printed: [String]) -> [String] {
        guard shown != .all, printed.count > expected.count else { return printed }
        return shown == .first ? Array(printed.prefix(expected.count)) + ["…"] : ["…"] + Array(printed.suffix(expected.count))
    }

    /// The one normalisation: the day a run was made, which `plan diff` and `plan report` print
    /// (`run 2026-12-07`), is the day the example is run, so it compares as `run DATE`.
    static func normalised(_ line: String) -> String {
        line.replacing(#/run \d{4}-\d{2}-\d{2}/#, with: "run DATE")
    }
}

/// A console block the test cannot run as written.
struct ReadmeExampleError: Error, CustomStringConvertible {
    let line: Int
    let problem: String
    var description: String { "README.md:\(line): \(problem)" }
}
