import Testing
@testable import Reports

/// Reading a run back from its files: what the page needs, and one line naming file, line and
/// column or JSON path for every kind of damage.
@Suite struct ReportDataTests {
    func files() throws -> [OutputFile] { try TwoDayRun.report().files }

    func read(_ files: [OutputFile]) throws(ReportDataError) -> ReportData { try ReportData(files: files, directory: "run") }

    /// The files with `name` replaced by `edit` of its contents, or left out when `edit` gives nil.
    func files(editing name: String, _ edit: (String) -> String?) throws -> [OutputFile] {
        try files().compactMap { file in
            guard file.name == name else { return file }
            return edit(file.contents).map { OutputFile(name: name, contents: $0) }
        }
    }

    func error(editing name: String, _ edit: (String) -> String?) throws -> String {
        let edited = try files(editing: name, edit)
        do {
            _ = try read(edited)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func readsWhatThePageShows() throws {
        let data = try read(files())
        #expect(data.scenario.name == "two-days")
        #expect(data.scenario.windows.map(\.name) == ["EMEA", "Americas"])
        #expect(data.scenario.groups.map(\.name) == ["emea", "us"])
        #expect(data.policy.levels.count == 8)
        #expect(data.sampling.seed == "5" && data.sampling.trials == 3)
        #expect(data.checks.count == 4)
        #expect(data.checks.map(\.planningLevel) == [1, 1, 4, 4])
        #expect(data.checks[2].atLeast == [1, 1, 1, 1, 0, 0, 0, 0])
        #expect(data.checks[2].planned == [3, 4])
        #expect(data.checks[0].open == ReportData.Spread(mean: 40, p50: 40, p90: 40))
        #expect(data.horizon.map(\.level) == Array(2...8))
        #expect(data.recommendations.map(\.channel) == ["#community-relations", "#community-relations"])
    }

    @Test func missingFile() throws {
        #expect(try error(editing: "checks.csv") { _ in nil } == "run/checks.csv: missing; a run directory holds the files plan simulate writes")
    }

    @Test func malformedCSV() throws {
        let notANumber = try error(editing: "checks.csv") { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[2] = lines[2].replacingOccurrences(of: "2026-12-07,Americas,1.0000", with: "2026-12-07,Americas,x")
            return lines.joined(separator: "\n")
        }
        #expect(notANumber == "run/checks.csv:3: column \"p_level_1\": expected a number, found \"x\"")
        #expect(try error(editing: "checks.csv") { $0 + "2026-12-09,EMEA\n" } == "run/checks.csv:6: expected 36 fields as in the header, found 2")
        #expect(try error(editing: "horizon.csv") { $0.replacingOccurrences(of: "p_reach", with: "p") } == "run/horizon.csv:1: missing column \"p_reach\"")
        #expect(try error(editing: "recommendations.csv") { $0.replacingOccurrences(of: ",EMEA,", with: ",APAC,") }
            == "run/recommendations.csv:3: column \"window\": \"APAC\" is not a window of run.json (EMEA, Americas)")
        #expect(try error(editing: "checks.csv") { $0.replacingOccurrences(of: "\"", with: "") + "\"" }
            == "run/checks.csv:6: expected a closing quote for the field that opens on this line, found the end of the file")
        #expect(try error(editing: "checks.csv") { String($0.split(separator: "\n").dropLast().joined(separator: "\n")) }
            == "run/checks.csv: 3 checks, but run.json counts 4; the files are not of the same run")
    }

    @Test func malformedRunJSON() throws {
        let truncated = try error(editing: "run.json") { String($0.prefix(40)) }
        #expect(truncated.hasPrefix("run/run.json:") && truncated.contains(": invalid JSON: "), "\(truncated)")
        let trials = try error(editing: "run.json") { $0.replacingOccurrences(of: "\"trials\" : 3", with: "\"trials\" : \"3\"") }
        #expect(trials.hasPrefix("run/run.json:") && trials.hasSuffix(": /sampling/trials: expected a whole number, found a string"))
        let policy = try error(editing: "run.json") { $0.replacingOccurrences(of: "\"policy\" :", with: "\"policies\" :") }
        #expect(policy == "run/run.json:1: /: missing required key \"policy\"")
    }
}
