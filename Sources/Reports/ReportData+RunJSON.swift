import Calendars
import InputFormats

/// The parts of `run.json` a report shows. Keys the report does not need (the execution facts
/// among them) are not read, so a newer tool's extra keys do not stop an older report.
struct RunJSON {
    let tool: ReportData.Tool
    let scenario: ReportData.Scenario
    let policy: ReportData.Policy
    let loop: String
    let assumptions: [String]
    let sampling: ReportData.Sampling

    /// - Complexity: O(size of the file).
    init(text: String, source: String) throws(ReportDataError) {
        let root: JSONValueReader
        do {
            root = JSONValueReader(try parseJSONDocument(text, source: source))
        } catch {
            throw ReportDataError(error.issues.first?.description ?? "\(source): invalid JSON")
        }

        let tool = try root.member("tool")
        self.tool = ReportData.Tool(name: try tool.member("name").string(), version: try tool.member("version").string())

        let s = try root.member("scenario")
        let horizon = try s.member("horizon")
        let start = try horizon.member("start").date()
        let end = try horizon.member("end").date()
        guard start <= end else { throw try horizon.member("end").problem("the horizon ends before it starts") }
        scenario = ReportData.Scenario(
            name: try s.member("name").string(),
            description: try s.member("description").string(),
            path: try s.member("path").string(),
            sha256: try s.member("sha256").string(),
            start: start, end: end,
            checkDays: Set(try s.member("check_days").elements().map { day throws(ReportDataError) in
                guard let weekday = Weekday(abbreviation: try day.string()) else { throw day.problem("expected a weekday such as \"Mon\"") }
                return weekday
            }),
            closures: try s.member("closures").elements().map { c throws(ReportDataError) in
                ReportData.Closure(first: try c.member("start").date(), last: try c.member("end").date(), name: try c.member("name").string())
            },
            windows: try s.member("windows").elements().map { w throws(ReportDataError) in
                ReportData.Window(name: try w.member("name").string(), check: try w.member("check").string())
            },
            groups: try s.member("groups").elements().map { g throws(ReportDataError) in
                ReportData.Group(name: try g.member("name").string(), shift: try g.member("shift").string(),
                                 members: try g.member("members").elements().map { m throws(ReportDataError) in try m.string() })
            },
            checkCount: try s.member("checks").int())
        guard !scenario.windows.isEmpty else { throw try s.member("windows").problem("expected at least one window") }

        let p = try root.member("policy")
        let levels = try p.member("levels").elements()
        policy = ReportData.Policy(
            name: try p.member("name").string(),
            source: try p.member("source").string(),
            reading: try p.member("reading").string(),
            levels: try levels.enumerated().map { i, l throws(ReportDataError) in
                guard try l.member("level").int() == i + 1 else { throw try l.member("level").problem("expected level \(i + 1): levels are listed lowest first") }
                return ReportData.Level(level: i + 1, name: try l.member("name").string(),
                                        alerts: try l.member("alerts").elements().map { a throws(ReportDataError) in try a.string() })
            },
            planningRisk: try p.member("planning_risk").double(),
            recommendationThreshold: try p.member("recommendation_threshold").double())
        guard !policy.levels.isEmpty else { throw try p.member("levels").problem("expected at least one level") }

        let a = try root.member("assumptions")
        loop = try a.member("loop").string()
        assumptions = try a.member("summary").elements().map { sentence throws(ReportDataError) in try sentence.string() }

        let sampling = try root.member("sampling")
        self.sampling = ReportData.Sampling(
            seed: try sampling.member("seed").wholeNumberText(),
            trials: try sampling.member("trials").int(),
            generator: try sampling.member("generator").string(),
            precision: try sampling.member("precision").double(),
            precisionTarget: try sampling.optionalMember("precision_target")?.double(),
            maximumTrials: try sampling.optionalMember("maximum_trials")?.int())
    }
}

/// A `JSONNode` that throws the first problem it meets, as one line naming file, line and path:
/// a report is either built from a sound `run.json` or not at all.
struct JSONValueReader {
    let node: JSONNode

    init(_ node: JSONNode) { self.node = node }

    /// The problem the node has just recorded.
    private func recorded() -> ReportDataError {
        ReportDataError(node.log.issues.last?.description ?? "\(node.log.source):\(node.line): \(node.path): unreadable value")
    }

    /// A problem with this value that the JSON types alone do not show.
    func problem(_ message: String) -> ReportDataError {
        ReportDataError(JSONInputError(source: node.log.source, line: node.line, path: node.path, message: message).description)
    }

    func member(_ key: String) throws(ReportDataError) -> JSONValueReader {
        guard let member = node.requiredMember(key) else { throw recorded() }
        return JSONValueReader(member)
    }

    func optionalMember(_ key: String) throws(ReportDataError) -> JSONValueReader? {
        guard case .object = node.value else { throw problem("expected an object, found \(node.value.kindDescription)") }
        return node.member(key).map(JSONValueReader.init)
    }

    func elements() throws(ReportDataError) -> [JSONValueReader] {
        guard let elements = node.elements() else { throw recorded() }
        return elements.map(JSONValueReader.init)
    }

    func string() throws(ReportDataError) -> String {
        guard let value = node.string() else { throw recorded() }
        return value
    }

    func double() throws(ReportDataError) -> Double {
        guard let value = node.double() else { throw recorded() }
        return value
    }

    func int() throws(ReportDataError) -> Int {
        guard let value = node.int() else { throw recorded() }
        return value
    }

    func date() throws(ReportDataError) -> CivilDate {
        let text = try string()
        guard let date = CivilDate(iso: text) else { throw problem("expected a date such as \"2026-12-01\", found \"\(text)\"") }
        return date
    }

    /// A non-negative whole number exactly as written (a seed may exceed what a Double holds).
    func wholeNumberText() throws(ReportDataError) -> String {
        guard case .number(_, let text) = node.value, !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else {
            throw problem("expected a non-negative whole number, found \(node.value.kindDescription)")
        }
        return text
    }
}
