import InputFormats

extension Policy {
    /// Reads a policy file, reporting every problem with its JSON path.
    public static func decode(json text: String, source: String) throws(JSONInputErrors) -> Policy {
        let root = try parseJSONDocument(text, source: source)
        let policy = decode(root)
        try root.log.throwIfAny()
        return policy!
    }

    /// Interprets a policy node, which may sit inside a scenario; problems go to the node's log.
    public static func decode(_ root: JSONNode) -> Policy? {
        root.rejectUnknownKeys(["$schema", "name", "reading", "inputs", "ratios", "levels"])
        let name = root.member("name").map { $0.text(maximumLength: nameLength, allowingEmpty: false) } ?? "policy"
        let reading = root.requiredMember("reading")?.choice(Reading.allCases.map(\.rawValue)).flatMap(Reading.init(rawValue:))

        var inputs: [Input] = []
        for node in root.requiredMember("inputs")?.elements() ?? [] {
            node.rejectUnknownKeys(["name", "kind", "description"])
            guard let name = node.requiredMember("name")?.text(maximumLength: nameLength, allowingEmpty: false),
                  let kind = node.requiredMember("kind")?.choice(Input.Kind.allCases.map(\.rawValue)).flatMap(Input.Kind.init(rawValue:))
            else { continue }
            if inputs.contains(where: { $0.name == name }) {
                node.member("name")?.report("input \"\(name)\" is defined twice")
            }
            inputs.append(Input(name: name, kind: kind, description: node.member("description")?.text(maximumLength: textLength, allowingEmpty: true) ?? ""))
        }
        if let node = root.member("inputs"), inputs.isEmpty, node.elements()?.isEmpty == true {
            node.report("a policy needs at least one input")
        }
        let casesInputs = inputs.filter { $0.kind == .cases }.map(\.name)
        if let node = root.member("inputs"), !inputs.isEmpty, casesInputs.count != 1 {
            let found = casesInputs.isEmpty ? "none" : "\(casesInputs.count) (\(casesInputs.joined(separator: ", ")))"
            node.report("a policy needs exactly one input of kind \"cases\" (the open cases at a check), found \(found)")
        }

        var ratios: [Ratio] = []
        for node in root.member("ratios")?.elements() ?? [] {
            node.rejectUnknownKeys(["name", "numerator", "denominator", "description"])
            guard let name = node.requiredMember("name")?.text(maximumLength: nameLength, allowingEmpty: false) else { continue }
            if inputs.contains(where: { $0.name == name }) || ratios.contains(where: { $0.name == name }) {
                node.member("name")?.report("metric \"\(name)\" is defined twice")
            }
            let inputNames = inputs.map(\.name)
            let numerator = node.requiredMember("numerator")?.choice(inputNames)
            let denominatorNode = node.requiredMember("denominator")
            let denominator = denominatorNode?.elements()?.compactMap { $0.choice(inputNames) } ?? []
            if let denominatorNode, denominatorNode.elements()?.isEmpty == true {
                denominatorNode.report("expected at least one input to divide by")
            }
            guard let numerator else { continue }
            ratios.append(Ratio(name: name, numerator: numerator, denominator: denominator, description: node.member("description")?.text(maximumLength: textLength, allowingEmpty: true) ?? ""))
        }

        let metricNames = inputs.map(\.name) + ratios.map(\.name)
        var levels: [Level] = []
        let levelNodes = root.requiredMember("levels")?.elements() ?? []
        if let node = root.member("levels"), levelNodes.count < 2, node.elements() != nil {
            node.report("expected at least two levels: the baseline and one that can be declared")
        }
        for (l, node) in levelNodes.enumerated() {
            node.rejectUnknownKeys(["name", "trigger", "criteria", "contingency", "alerts", "coordination"])
            let name = node.requiredMember("name")?.text(maximumLength: nameLength, allowingEmpty: false)
            let trigger = node.requiredMember("trigger")?.choice(["any", "all"]).flatMap(Level.Trigger.init(rawValue:))
            let criteriaNode = node.requiredMember("criteria")
            let criteria = criteriaNode?.elements()?.compactMap { decodeCriterion($0, metricNames: metricNames) } ?? []
            if l > 0, let criteriaNode, criteriaNode.elements()?.isEmpty == true {
                criteriaNode.report("a level above the baseline needs at least one criterion, or it can never be declared")
            }
            let contingency = node.requiredMember("contingency")?.text(maximumLength: textLength, allowingEmpty: true)
            let alerts = node.member("alerts")?.elements()?.compactMap { $0.text(maximumLength: nameLength, allowingEmpty: false) } ?? []
            let coordination = node.member("coordination")?.elements()?.compactMap { $0.text(maximumLength: nameLength, allowingEmpty: false) } ?? []
            guard let name, let trigger, let contingency else { continue }
            levels.append(Level(name: name, trigger: trigger, criteria: criteria, contingency: contingency, alerts: alerts, coordination: coordination))
        }
        if levels.count > 255 { root.member("levels")?.report("at most 255 levels are supported, found \(levels.count)") }
        guard let reading, let name, root.log.issues.isEmpty else { return nil }
        return Policy(name: name, reading: reading, inputs: inputs, ratios: ratios, levels: levels)
    }

    private static func decodeCriterion(_ node: JSONNode, metricNames: [String]) -> Criterion? {
        node.rejectUnknownKeys(["metric", "op", "value"])
        let metric = node.requiredMember("metric")?.choice(metricNames)
        let op = node.requiredMember("op")?.choice(["<", "<=", ">", ">=", "==", "between"])
        guard let valueNode = node.requiredMember("value"), let op else { return nil }
        let comparison: ThresholdComparison?
        if op == "between" {
            let bounds = valueNode.elements()?.map(threshold)
            if let bounds, bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high {
                comparison = .between(low, high)
            } else {
                // A bound that is itself wrong has been reported; the pair's shape is then not the problem.
                if let bounds, !bounds.contains(where: { $0 == nil }) {
                    valueNode.report("expected [low, high] with low ≤ high for \"between\"")
                }
                comparison = nil
            }
        } else if let t = threshold(valueNode) {
            switch op {
            case "<": comparison = .lessThan(t)
            case "<=": comparison = .atMost(t)
            case ">": comparison = .greaterThan(t)
            case ">=": comparison = .atLeast(t)
            default: comparison = .equal(t)
            }
        } else {
            comparison = nil
        }
        guard let metric, let comparison else { return nil }
        return Criterion(metric: metric, comparison: comparison)
    }

    /// Characters in a name (of the policy, an input, a ratio, a level, an alert channel) and in a
    /// description or contingency: they are printed in terminals, messages and tables.
    static let nameLength = 100
    static let textLength = 2_000

    /// The largest threshold magnitude a criterion may use. Inputs are counts of people and cases
    /// held in 32 bits, and ratios of them; a threshold beyond this could never be crossed, and the
    /// bound keeps every derived cutoff an exact, representable whole number.
    public static let maximumThreshold = Double(Observation.maximumCount)

    private static func threshold(_ node: JSONNode) -> Double? {
        guard let t = node.double() else { return nil }
        guard abs(t) <= maximumThreshold else {
            node.report("expected a threshold from -1000000000 to 1000000000, found \(node.numberText)")
            return nil
        }
        return t
    }
}
