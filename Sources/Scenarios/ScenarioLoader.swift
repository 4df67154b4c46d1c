import InputFormats

extension Scenario {
    /// Reads a scenario file, and the files it refers to, into a `Scenario`.
    ///
    /// The library does no I/O: `text` is the scenario's content, `path` names it in messages and
    /// locates the files it refers to (`time_off_csv`, `.ics` files, a policy file), whose paths are
    /// relative to the scenario's folder, and `readFile` is handed each resolved path. Every problem
    /// is collected before throwing, one per line: `path:line: /json/path: message`.
    ///
    /// - Complexity: O(file size + team size × (horizon days + years of holiday rules)).
    public static func load(
        text: String, path: String, readFile: (String) throws -> String
    ) throws(JSONInputErrors) -> LoadedScenario {
        let root = try parseJSONDocument(text, source: path)
        var referenced: [String] = []
        // The decoder keeps `readFile` only while it decodes.
        let (scenario, warnings) = withoutActuallyEscaping(readFile) { read in
            let files = ReferencedFiles(scenarioPath: path) { file in
                referenced.append(file)
                return try read(file)
            }
            var decoder = ScenarioDecoder(root: root, files: files)
            return (decoder.decode(), decoder.warnings)
        }
        try root.log.throwIfAny()
        return LoadedScenario(scenario: scenario!, warnings: warnings, files: [path] + referenced)
    }
}

/// The files a scenario refers to, found relative to the scenario file's folder.
struct ReferencedFiles {
    let scenarioPath: String
    let read: (String) throws -> String

    /// `timeoff.csv` next to `scenarios/december.json` is `scenarios/timeoff.csv`; absolute paths stay.
    func resolve(_ reference: String) -> String {
        guard !reference.hasPrefix("/"), let slash = scenarioPath.lastIndex(of: "/") else { return reference }
        return String(scenarioPath[...slash]) + reference
    }

    /// The resolved path and content of the file `node` names, or nil after reporting why it could not be read.
    func text(at node: JSONNode) -> (path: String, text: String)? {
        guard let reference = node.nonEmptyString() else { return nil }
        let path = resolve(reference)
        do {
            return (path, try read(path))
        } catch {
            node.report("\(error)")
            return nil
        }
    }
}
