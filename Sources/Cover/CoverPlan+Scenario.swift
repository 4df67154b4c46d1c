import Calendars
import InputFormats
import WhatIf

extension CoverPlan {
    /// `--write-scenario`: the scenario file's text with one team entry per cover SE appended (other
    /// keys and their order kept): each works the days bought (`rota` and all seven weekdays, so a
    /// holiday or a weekend does not stop them) and is off every other simulated day. A cover SE
    /// takes the country of the SE it stands for (the named SE, else the first of its group), so
    /// the file validates as written; cover that cannot fall sick carries `\"falls_sick\": false`. Only cover SEs that work at least one day are written.
    public func coveredScenarioText(original text: String, source: String) throws -> String {
        let root = try parseJSONDocument(text, source: source)
        guard case .array(var team)? = root.member("team")?.value else {
            throw WhatIfError("\(source): /team: expected the team as a list to append the cover to")
        }
        func entry(named name: String) -> [(key: String, value: JSONValue.Located)]? {
            for element in team {
                if case .object(let members) = element.value,
                   members.contains(where: { $0.key == "name" && { if case .string(name) = $0.value.value { true } else { false } }($0) }) {
                    return members
                }
            }
            return nil
        }
        let simulatedTeam = problem.scenario.team
        for engineer in problem.coverEngineers(counts) where !engineer.rota.isEmpty {
            let option = problem.pool.options.first { engineer.name.hasPrefix($0.name.map { "\($0) (cover " } ?? "\($0.option) ") && $0.group == engineer.group }
            let like = option?.name ?? simulatedTeam.first { $0.group == engineer.group }?.name ?? simulatedTeam[0].name
            let original = entry(named: like) ?? []
            var members: [(key: String, value: JSONValue.Located)] = [
                ("name", .init(.string(engineer.name))), ("group", .init(.string(engineer.group))),
            ]
            members += original.filter { $0.key == "country" || $0.key == "subdivision" }
            members.append(("weekdays", .init(.array(Weekday.allCases.map { .init(.string($0.abbreviation)) }))))
            if engineer.capacity != 1 { members.append(("capacity", .init(.number(engineer.capacity, text: String(engineer.capacity))))) }
            members.append(("time_off", .init(.array(engineer.timeOff.map {
                .init(.string($0.first == $0.last ? "\($0.first)" : "\($0.first)..\($0.last)"))
            }))))
            members.append(("rota", .init(.array(engineer.rota.sorted().map { .init(.string($0.description)) }))))
            if !engineer.fallsSick { members.append(("falls_sick", .init(.bool(false)))) }
            team.append(.init(.object(members)))
        }
        return try root.value.setting(["team"], to: .array(team)).prettyPrinted + "\n"
    }
}
