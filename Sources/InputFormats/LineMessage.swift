/// A message about one line of an input file, in the `file:line: message` form that editors and
/// terminals turn into a link: the error of a CSV or iCalendar reader, or a warning about content
/// it read past.
public struct LineMessage: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name the caller gave the input, usually its path.
    public let source: String
    /// The 1-based line the message is about.
    public let line: Int
    /// What was expected and what was found (or what was skipped), as a sentence without the location.
    public let message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    /// One line whatever the input held: control characters quoted from it are escaped.
    public var description: String { "\(source):\(line): \(message)".escapingControlCharacters }
}
