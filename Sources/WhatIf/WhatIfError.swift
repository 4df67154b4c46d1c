/// A what-if request that cannot be carried out: an edit naming nobody, dates that do not parse or
/// overlap, a malformed risk limit. One line for the person at the command line, naming the flag or
/// file and the offending value.
public struct WhatIfError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
