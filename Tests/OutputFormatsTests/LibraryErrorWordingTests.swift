import Foundation
import OutputFormats
import Testing

/// The libraries' errors name what is wrong in their own terms, never a command-line option: a
/// setting is a term of the module's `ErrorTopic` (or a typed case), which `plan` renders as the
/// option the user typed (issue 24). A static check over the sources of every module but the tool.
@Suite struct LibraryErrorWordingTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The string literals of the lines that build an error (`throw`, `…Error(`, `…Error.case(`)
    /// and of the lines that continue them (`+ "…"`), with their file and line; comments skipped.
    static func errorLiterals(in text: String, file: String) -> [(place: String, literal: String)] {
        var found: [(String, String)] = []
        var continuing = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") { continue }
            let builds = code.contains("throw ") || code.contains("Error(") || code.contains("Error.")
            guard builds || (continuing && code.hasPrefix("+")) else { continuing = false; continue }
            continuing = true
            for match in code.matches(of: /"(?:[^"\\]|\\.)*"/) {
                found.append(("\(file):\(number + 1)", String(match.output)))
            }
        }
        return found
    }

    @Test func noLibraryErrorQuotesAnOption() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("plan/") }
        #expect(files.count > 100, "the sources were found at \(Self.sources.path)")
        var quoting: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (place, literal) in Self.errorLiterals(in: text, file: file) where literal.contains(/--[a-z]/) {
                quoting.append("\(place): \(literal)")
            }
        }
        #expect(quoting.isEmpty, "library errors quoting an option:\n\(quoting.joined(separator: "\n"))")
    }

    /// The check finds what it looks for: an option in a thrown literal, and in its continuation.
    @Test func theCheckSeesAnOptionInAThrownMessage() {
        let text = """
            // throw E("--comment")
            throw SomeError("--out is empty")
            let x = "--not-an-error"
            throw SomeError("a"
                + "or give --force")
            """
        #expect(Self.errorLiterals(in: text, file: "f.swift").filter { $0.literal.contains(/--[a-z]/) }.map(\.place) == ["f.swift:2", "f.swift:5"])
    }

    /// A term is worded by whoever shows the sentence; text around it is kept as written.
    @Test func aTermIsNamedByWhoeverShowsIt() {
        enum Topic: ErrorTopic {
            enum Term: Hashable, Sendable { case to }
            static func words(_ term: Term) -> String { "the last day" }
        }
        let error = ErrorMessage<Topic>("\(term: .to) \(2026) is before the start")
        #expect(error.description == "the last day 2026 is before the start")
        #expect(error.wording.rendered { _ in "--to" } == "--to 2026 is before the start")
        #expect(error == ErrorMessage<Topic>("\(term: .to) 2026 is before the start"))
        #expect(ErrorMessage<Topic>("plain") == ErrorMessage<Topic>(String("plain")))
    }
}
