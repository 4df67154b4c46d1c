import CalendarImport

extension Scenario {
    /// The index in `team` of the SE named `name`, ignoring case: people type `US-05` for `us-05`.
    /// Complexity: O(team).
    func teamIndex(named name: String) -> Int? {
        team.firstIndex { $0.name.lowercased() == name.lowercased() }
    }

    /// `--absent NAME: no SE of that name in the team (did you mean us-05?)`, for a name `teamIndex`
    /// does not find. Complexity: O(team × name length²).
    func unknownAbsentee(_ name: String) -> String {
        let suggestion = NameSuggestion.closest(to: name, among: team.map(\.name)).map { " (did you mean \($0)?)" } ?? ""
        return "--absent \(name): no SE of that name in the team\(suggestion)"
    }
}
