import CapacityPolicy
import InputFormats

/// The policy that decides the levels, and its fit with the scenario's groups.
extension ScenarioDecoder {
    static let builtInPolicy = "built-in"

    /// `"built-in"` (the default), a policy file's path, or a policy object; then the `reading`
    /// override. Each headcount input of the policy must be a group and each group a headcount
    /// input, or the engine could not fill in an observation at a check.
    func decodePolicy(groups: [Scenario.Group]?) -> (policy: Policy, source: String)? {
        let node = root.member("policy")
        var loaded: (policy: Policy, source: String)?
        switch node?.value {
        case nil:
            loaded = (.handbook, Self.builtInPolicy)
        case .string(Self.builtInPolicy)?:
            loaded = (.handbook, Self.builtInPolicy)
        case .string?:
            loaded = node.flatMap(readPolicyFile)
        case .object?:
            loaded = node.flatMap(decodeInlinePolicy)
        default:
            node?.report("expected \"built-in\", the path of a policy file or a policy object, found \(node!.value.kindDescription)")
        }
        let readingNode = root.member("reading")
        let reading = readingNode?.choice(Reading.allCases.map(\.rawValue)).flatMap(Reading.init(rawValue:))
        guard var loaded, readingNode == nil || reading != nil else { return nil }
        if let reading { loaded.policy.reading = reading }
        if let groups { checkGroups(groups, countedBy: loaded.policy) }
        return loaded
    }

    /// A policy file's own problems are reported as they are, naming the policy file and its paths.
    private func readPolicyFile(_ node: JSONNode) -> (policy: Policy, source: String)? {
        guard let file = files.text(at: node) else { return nil }
        do {
            return (try Policy.decode(json: file.text, source: file.path), file.path)
        } catch {
            for issue in error.issues { root.log.record(issue) }
            return nil
        }
    }

    /// Decoded against a log of its own, so that problems elsewhere in the scenario do not hide the
    /// policy from the checks that need it; its problems are then filed under `/policy`.
    private func decodeInlinePolicy(_ node: JSONNode) -> (policy: Policy, source: String)? {
        let log = JSONIssueLog(source: root.log.source)
        let policy = Policy.decode(JSONNode(root: node.located, log: log))
        for issue in log.issues {
            let path = JSONPath(node.path.components + (issue.path?.components ?? []))
            root.log.record(JSONInputError(source: issue.source, line: issue.line, path: path, message: issue.message))
        }
        return policy.map { ($0, "inline") }
    }

    private func checkGroups(_ groups: [Scenario.Group], countedBy policy: Policy) {
        let counted = policy.inputs.filter { $0.kind == .headcount }.map(\.name)
        let groupsNode = root.member("groups")
        let groupNames = groups.map(\.name)
        for name in counted where !groupNames.contains(name) {
            (groupsNode ?? root.member("policy") ?? root).report(
                "the policy counts the group \"\(name)\", which the scenario does not define (its groups are \(groupNames.joined(separator: ", "))); the level could not be decided")
        }
        let groupNodes = groupsNode?.elements()
        for (index, name) in groupNames.enumerated() where !counted.contains(name) {
            (groupNodes?[index] ?? root.member("policy") ?? root).report(
                "the policy does not count the group \"\(name)\" (it counts \(counted.joined(separator: ", "))); the level could not be decided")
        }
    }
}
