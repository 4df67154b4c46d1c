/// A file that cannot be read as what it claims to be: an iCalendar file that is not well formed, or a
/// time-off CSV whose header, fields or dates are wrong.
///
/// An import never guesses at a broken file, because a wrong guess silently moves someone's time off
/// or a public holiday; it stops with one line that names the file and line to fix, in the
/// `file:line: message` form that editors and terminals turn into a link.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name the caller gave the input, usually its path.
    public let source: String
    /// The 1-based line the problem was found on.
    public let line: Int
    /// What was expected and what was found, as a sentence without the location.
    public let message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { "\(source):\(line): \(message)" }
}
