/// Every problem found in one input file, in line order, so that a person fixes them all in one
/// pass instead of rerunning once per problem.
public struct LineMessages: Error, Equatable, Sendable, CustomStringConvertible {
    /// At least one, sorted by line (stable, so problems of one line keep their order).
    public let messages: [LineMessage]

    public init(_ messages: [LineMessage]) {
        precondition(!messages.isEmpty, "a LineMessages error needs at least one message")
        self.messages = messages.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// One `file:line: message` line per problem.
    public var description: String { messages.map(\.description).joined(separator: "\n") }
}
