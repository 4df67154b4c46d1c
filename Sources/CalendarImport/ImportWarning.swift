/// Something an import read past without failing: an iCalendar feature this reader does not support
/// and either could ignore without changing any date, or could not, in which case the event it belongs
/// to was left out.
///
/// Warnings are returned rather than printed because the library does no I/O; the command-line tool
/// shows them so that a skipped event never goes unnoticed.
public struct ImportWarning: Equatable, Sendable, CustomStringConvertible {
    /// The name the caller gave the input, usually its path.
    public let source: String
    /// The 1-based line of the content that was skipped or read differently.
    public let line: Int
    /// What was skipped and what was done instead, as a sentence without the location.
    public let message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { "\(source):\(line): \(message)" }
}
