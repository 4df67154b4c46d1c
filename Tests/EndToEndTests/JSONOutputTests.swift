import Foundation
import Testing

/// Every JSON document `plan` prints or writes, from each command on small inputs: it parses as
/// JSON (JSONSerialization accepts no `nan` or `Infinity` token), every number in it is finite,
/// and no string stands in for one ("nan", "+inf", as the writer once disguised infinity).
@Suite struct JSONOutputTests {
    static let disguised: Set<String> = ["nan", "NaN", "inf", "+inf", "-inf", "Infinity", "-Infinity", "+infinity", "-infinity"]

    /// The problems of `text` as a JSON document, each with its path; empty when it is clean.
    static func problems(_ text: String) -> [String] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            return ["not valid JSON: \(text.prefix(200))"]
        }
        var found: [String] = []
        func walk(_ value: Any, _ path: String) {
            switch value {
            case let object as [String: Any]: for (key, member) in object { walk(member, path + "/" + key) }
            case let array as [Any]: for (i, element) in array.enumerated() { walk(element, path + "/\(i)") }
            case let string as String where disguised.contains(string): found.append("\(path): \"\(string)\" stands for a number")
            case let number as NSNumber where !number.doubleValue.isFinite: found.append("\(path): \(number)")
            default: break
            }
        }
        walk(root, "")
        return found
    }

    /// Runs `plan`, requires success, and checks standard output and `files` (paths in `folder`).
    static func check(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil, files: [String] = [], stdoutIsJSON: Bool = true) throws {
        let r = try PlanProcess.run(arguments, stdin: stdin, in: folder)
        try #require(r.status == 0, "plan \(arguments.joined(separator: " ")): \(r.stderr)")
        var documents = files.map { folder!.appendingPathComponent($0) }.map { ($0.path, (try? String(contentsOf: $0, encoding: .utf8)) ?? "") }
        if stdoutIsJSON { documents.append(("standard output of plan \(arguments.first!)", r.stdout)) }
        for (name, text) in documents {
            #expect(!text.isEmpty, "\(name) is empty")
            #expect(problems(text).isEmpty, "\(name): \(problems(text).joined(separator: "; "))")
        }
    }

    @Test func theCheckerFindsEachKindOfProblem() {
        #expect(Self.problems(#"{"a": [1, 2.5, null, "x"], "b": {"c": true}}"#).isEmpty)
        #expect(Self.problems(#"{"a": [3.3968, nan]}"#).count == 1)
        #expect(Self.problems(#"{"load": Infinity}"#).count == 1)
        #expect(Self.problems(#"{"rows": [{"load": "+inf"}]}"#) == [#"/rows/0/load: "+inf" stands for a number"#])
        #expect(Self.problems(#"[1e999]"#).count == 1)
    }

    /// Nobody working with cases open: the load is +infinity, which JSON writes as null.
    @Test func level() throws {
        try Self.check(["level", "--emea", "0", "--us", "0", "--open-cases", "5", "--format", "json"])
        let r = try PlanProcess.run(["level", "--emea", "0", "--us", "0", "--open-cases", "5", "--format", "json"])
        let observed = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["observed"] as? [String: Any]
        #expect(observed?["load"] is NSNull && observed?["open"] as? Double == 5)
        try Self.check(["level", "--input", "-", "--format", "json"], stdin: "emea,us,open_cases\n0,0,5\n3,10,40\n")
        try Self.check(["level", "--emea", "0", "--us", "0", "--open-cases", "5", "--format", "slack", "--post", "--dry-run"])
    }

    @Test func policyHolidaysAndSchema() throws {
        try Self.check(["policy", "show", "--format", "json"])
        try Self.check(["holidays", "--country", "GB", "--year", "2026", "--format", "json"])
        try Self.check(["schema"])
    }

    /// A run's JSON (standard output and run.json), shards' partial results and their merge.
    @Test func simulateOutlookShardsAndMerge() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let scenario = PlanProcess.repository.appendingPathComponent("scenarios/december.json").path
        try Self.check(["simulate", scenario, "--trials", "100", "--format", "json", "--out", "run"], in: folder, files: ["run/run.json"])
        try Self.check(["outlook", scenario, "--from", "2026-12-14", "--days", "5", "--open-cases", "30", "--trials", "100", "--format", "json", "--out", "outlook"],
                       in: folder, files: ["outlook/run.json"])
        for index in 1...2 {
            try Self.check(["simulate", scenario, "--trials", "1500", "--threads", "1", "--shard", "\(index)/2", "--out", "parts"], in: folder,
                           files: ["parts/december.shard-\(index)-of-2.json"], stdoutIsJSON: false)
        }
        try Self.check(["merge", "parts/december.shard-1-of-2.json", "parts/december.shard-2-of-2.json", "--out", "merged"], in: folder, files: ["merged/run.json"], stdoutIsJSON: false)
    }

    /// A forecast and two declared checks in a history store, back-tested.
    @Test func backtest() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let scenario = PlanProcess.repository.appendingPathComponent("scenarios/december.json").path
        try Self.check(["simulate", scenario, "--trials", "100", "--out", "run"], in: folder, stdoutIsJSON: false)
        try Self.check(["history", "add-run", "run", "--made-at", "2026-12-01", "--history", "h.sqlite"], in: folder, stdoutIsJSON: false)
        try Self.check(["history", "import", "-", "--history", "h.sqlite"], stdin: "date,window,emea,us,open_cases\n2026-12-14,EMEA,3,10,40\n2026-12-14,Americas,3,10,66\n",
                       in: folder, stdoutIsJSON: false)
        try Self.check(["backtest", "--history", "h.sqlite", "--lead", "0..400", "--format", "json"], in: folder)
    }

    /// The calibration's fragment and the scenario it writes.
    @Test func calibrate() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let history = PlanProcess.repository.appendingPathComponent("scenarios/history").path + "/"
        try Self.check([
            "calibrate", history + "team.json", "--tickets", history + "tickets.csv", "--from", "2026-01-05", "--to", "2026-06-28",
            "--preset", "zendesk", "--where", "Group=Support", "--absences", history + "absences.csv", "--absence-type", "sick",
            "--format", "json", "--write", "fitted.json",
        ], in: folder, files: ["fitted.json"])
    }

    /// Measurements as small as the options allow.
    @Test func bench() throws {
        try Self.check(["bench", "--inputs", "1000", "--trials", "20", "--threads", "1", "--repeats", "1", "--calibration-rows", "500", "--format", "json"],
                       in: PlanProcess.repository)
    }
}
