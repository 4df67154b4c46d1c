/// A history store that cannot be opened or written, or a declaration file that cannot be imported:
/// one line naming the file (and line) and what was expected. Nothing was written.
public struct HistoryError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
