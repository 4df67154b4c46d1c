/// A cursor into a parsed document that knows its JSON path and records what is wrong with the
/// value instead of stopping at the first problem: `plan validate` reports every problem at once.
///
/// Accessors return nil after recording an issue, so interpreting code reads straight through and
/// asks `JSONIssueLog.throwIfAny()` at the end.
public struct JSONNode {
    public let located: JSONValue.Located
    public let path: JSONPath
    public let log: JSONIssueLog

    public init(root: JSONValue.Located, log: JSONIssueLog) {
        self.located = root
        self.path = .root
        self.log = log
    }

    init(located: JSONValue.Located, path: JSONPath, log: JSONIssueLog) {
        self.located = located
        self.path = path
        self.log = log
    }

    public var value: JSONValue { located.value }
    public var line: Int { located.line }

    /// Records a problem with this value.
    public func report(_ message: String) {
        log.record(JSONInputError(source: log.source, line: line, path: path, message: message))
    }

    /// Records that the value has the wrong type. Whatever else is asked of it is then an echo of
    /// this one mistake, so the log keeps nothing more about this path.
    private func expected(_ what: String) {
        report("expected \(what), found \(value.kindDescription)")
        log.markWrongType(path)
    }

    /// The member named `key`, or nil when absent (or when this is not an object, which is recorded).
    public func member(_ key: String) -> JSONNode? {
        guard case .object(let members) = value else { expected("an object"); return nil }
        guard let found = members.first(where: { $0.key == key }) else { return nil }
        return JSONNode(located: found.value, path: path.appending(key), log: log)
    }

    /// The member named `key`; its absence is recorded as a problem.
    public func requiredMember(_ key: String) -> JSONNode? {
        guard case .object = value else { expected("an object"); return nil }
        guard let found = member(key) else { report("missing required key \"\(key)\""); return nil }
        return found
    }

    /// Records every member whose key is not in `allowed`: a misspelt key must not be silently ignored.
    public func rejectUnknownKeys(_ allowed: [String]) {
        guard case .object(let members) = value else { expected("an object"); return }
        for (key, member) in members where !allowed.contains(key) {
            JSONNode(located: member, path: path.appending(key), log: log)
                .report("unknown key \"\(key)\"; expected one of \(allowed.joined(separator: ", "))")
        }
    }

    public func members() -> [(key: String, node: JSONNode)]? {
        guard case .object(let members) = value else { expected("an object"); return nil }
        return members.map { ($0.key, JSONNode(located: $0.value, path: path.appending($0.key), log: log)) }
    }

    public func elements() -> [JSONNode]? {
        guard case .array(let elements) = value else { expected("an array"); return nil }
        return elements.enumerated().map { JSONNode(located: $1, path: path.appending($0), log: log) }
    }

    public func string() -> String? {
        guard case .string(let s) = value else { expected("a string"); return nil }
        return s
    }

    public func bool() -> Bool? {
        guard case .bool(let b) = value else { expected("true or false"); return nil }
        return b
    }

    public func double() -> Double? {
        guard case .number(let d, _) = value else { expected("a number"); return nil }
        return d
    }

    /// The number as written in the file (`1.50`), so that a message quotes the user's own text.
    public var numberText: String {
        if case .number(_, let text) = value { return text }
        return value.kindDescription
    }

    /// A whole number; `3.0` and `3e0` are accepted as 3, `3.5` is not.
    public func int() -> Int? {
        guard case .number(let d, let text) = value else { expected("a whole number"); return nil }
        guard d.rounded() == d, abs(d) < 9.0e15 else { report("expected a whole number, found \(text)"); return nil }
        return Int(d)
    }

    /// One of a fixed set of strings.
    public func choice(_ allowed: [String]) -> String? {
        guard let s = string() else { return nil }
        guard allowed.contains(s) else {
            report("\"\(s)\" is not one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
            return nil
        }
        return s
    }
}

/// The problems found in one input file, in the order they were found.
public final class JSONIssueLog {
    public let source: String
    public private(set) var issues: [JSONInputError] = []
    /// Paths whose value has the wrong type: later problems there follow from that one.
    private var wrongTypePaths: Set<JSONPath> = []

    public init(source: String) { self.source = source }

    /// Records `issue` unless the same problem, or a wrong type at the same path, is already
    /// recorded: one line per distinct mistake, however many readers stumbled on it.
    public func record(_ issue: JSONInputError) {
        if let path = issue.path, wrongTypePaths.contains(path) { return }
        if issues.contains(issue) { return }
        issues.append(issue)
    }

    func markWrongType(_ path: JSONPath) { wrongTypePaths.insert(path) }

    public func throwIfAny() throws(JSONInputErrors) {
        if !issues.isEmpty { throw JSONInputErrors(issues: issues) }
    }
}

/// Every problem found in an input, one per line when printed.
public struct JSONInputErrors: Error, CustomStringConvertible, Sendable {
    public let issues: [JSONInputError]

    public init(issues: [JSONInputError]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

extension JSONInputError {
    /// Wraps a single problem (a syntax error) the same way as a list of problems.
    public var asList: JSONInputErrors { JSONInputErrors(issues: [self]) }
}

/// Parses `text` and hands back its root node together with the issue log interpretation writes to.
public func parseJSONDocument(_ text: String, source: String) throws(JSONInputErrors) -> JSONNode {
    do {
        let root = try JSONParser.parse(text, source: source)
        return JSONNode(root: root, log: JSONIssueLog(source: source))
    } catch {
        throw error.asList
    }
}
