import CalendarImport

/// A name given for an SE (reported absent, on leave) that no SE of the team has. A typed error, so
/// that the caller can say which of its inputs named them (`plan` adds the option) and can offer
/// the suggestion; a typo must never pass as a headcount.
public struct UnknownSEError: Error, CustomStringConvertible, Sendable, Equatable {
    public let name: String
    /// The team's closest name, if one is close.
    public let suggestion: String?

    public var description: String {
        "\(name): no SE of that name in the team" + (suggestion.map { " (did you mean \($0)?)" } ?? "")
    }
}

extension Scenario {
    /// The index in `team` of the SE named `name`, ignoring case: people type `US-05` for `us-05`.
    /// Complexity: O(team).
    func teamIndex(named name: String) -> Int? {
        team.firstIndex { $0.name.lowercased() == name.lowercased() }
    }

    /// The index in `team` of the SE named `name` (ignoring case), or the error naming the closest
    /// name. Complexity: O(team × name length²) when not found.
    public func knownSE(named name: String) throws(UnknownSEError) -> Int {
        guard let index = teamIndex(named: name) else {
            throw UnknownSEError(name: name, suggestion: NameSuggestion.closest(to: name, among: team.map(\.name)))
        }
        return index
    }
}
