import InputFormats

/// The keys of a scenario that name other files (relative to the scenario's folder), and their
/// rewriting when a scenario is written to another folder (`plan calibrate --write`), so that the
/// written file reads the same files.
public enum ScenarioFileReferences {
    /// `root` with every relative file reference (`time_off_csv`, a `policy` file, each SE's
    /// `time_off_ics` and `holidays.ics`) made relative to `newFolder` instead of `oldFolder`.
    /// Both folders are absolute and standardised; absolute references stay.
    public static func rebased(_ root: JSONValue, from oldFolder: String, to newFolder: String) -> JSONValue {
        guard oldFolder != newFolder else { return root }
        func rebase(_ value: JSONValue) -> JSONValue {
            guard case .string(let reference) = value, !reference.hasPrefix("/"), reference != ScenarioDecoder.builtInPolicy else { return value }
            return .string(relativePath(from: newFolder, to: oldFolder + "/" + reference))
        }
        func editing(_ value: JSONValue, _ key: String, _ edit: (JSONValue) -> JSONValue) -> JSONValue {
            guard case .object(var members) = value, let i = members.firstIndex(where: { $0.key == key }) else { return value }
            members[i].value = JSONValue.Located(edit(members[i].value.value))
            return .object(members)
        }
        var result = editing(root, "time_off_csv", rebase)
        result = editing(result, "policy", rebase)
        return editing(result, "team") { team in
            guard case .array(let engineers) = team else { return team }
            return .array(engineers.map { engineer in
                let edited = editing(editing(engineer.value, "time_off_ics", rebase), "holidays") { editing($0, "ics", rebase) }
                return JSONValue.Located(edited)
            })
        }
    }

    /// The path of `file` (absolute) from the folder `folder` (absolute), through `..` where the
    /// two part; `.` and `..` inside `file` are resolved first.
    static func relativePath(from folder: String, to file: String) -> String {
        func components(_ path: String) -> [String] {
            var parts: [String] = []
            for part in path.split(separator: "/").map(String.init) where part != "." {
                if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
            }
            return parts
        }
        let (from, to) = (components(folder), components(file))
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
