import RunFixtures
import Testing
@testable import RunArtifacts

/// Reading a run back from its files: `run.json` into the record that was written, the rows the
/// page shows, and one line naming file, line and column or JSON path for every kind of damage.
@Suite struct ReportReadingTests {
    func files() throws -> [OutputFile] { try TwoDayRun.output().files }

    func read(_ files: [OutputFile]) throws(RunFileError) -> StoredRun { try StoredRun(files: files, directory: "run") }

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
        let report = try read(files())
        #expect(try report.record.json == (try TwoDayRun.output().record.json))
        #expect(report.record.scenario.windows.map(\.name) == ["EMEA", "Americas"])
        #expect(report.record.policy.levels.count == 8)
        #expect(report.checks.count == 4)
        #expect(report.checks.map(\.planningLevel) == [1, 1, 4, 4])
        #expect(report.checks[2].atLeast == [1, 1, 1, 1, 0, 0, 0, 0])
        #expect(report.checks[2].planned == [3, 4])
        #expect(report.checks[0].open == StoredRun.Spread(mean: 40, p50: 40, p90: 40))
        #expect(report.horizon.map(\.level) == Array(2...8))
        #expect(report.recommendations.map(\.channel) == ["#community-relations", "#community-relations"])
    }

    /// A seed beyond 2^53, which a Double cannot hold, reads back exactly.
    @Test func largeSeedsReadBackExactly() throws {
        let edited = try files(editing: "run.json") { $0.replacingOccurrences(of: "\"seed\" : 5", with: "\"seed\" : 18446744073709551615") }
        #expect(try read(edited).record.sampling.seed == UInt64.max)
    }

    /// A channel that begins like a formula is neutralised in recommendations.csv and read back as
    /// the policy names it.
    @Test func neutralisedTextReadsBackAsWritten() throws {
        let written = RunTable(columns: ["channel"], rows: [[.text("@community-relations")]]).csv
        #expect(written == "channel\n'@community-relations\n")
        let rewritten = try files(editing: "recommendations.csv") { $0.replacingOccurrences(of: "#community-relations", with: "'@community-relations") }
        #expect(try read(rewritten).recommendations.map(\.channel) == ["@community-relations", "@community-relations"])
    }

    /// A run.json written before lead times and holidays were recorded still reads, with the
    /// default lead time (5 working days) and no holiday marked.
    @Test func earlierRunsWithoutLeadDaysOrHolidaysRead() throws {
        #expect(try TwoDayRun.output().record.json.contains("\"lead_days\" : 5,"))
        let edited = try files(editing: "run.json") { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var kept: [Substring] = []
            var skipping = false
            for line in lines {
                if line.contains("\"lead_days\"") { continue }
                if line.contains("\"holidays\" : [") { skipping = !line.contains("]"); continue }
                if skipping { skipping = !line.hasPrefix("    ],") && !line.hasPrefix("    ]"); continue }
                kept.append(line)
            }
            return kept.joined(separator: "\n")
        }
        let run = try #require(edited.first { $0.name == "run.json" }).contents
        #expect(!run.contains("lead_days") && !run.contains("\"holidays\""))
        let report = try read(edited)
        #expect(report.record.policy.leadDays == 5)
        #expect(report.record.scenario.holidays.isEmpty)
        #expect(report.checks.count == 4)
    }

    @Test func missingFile() throws {
        #expect(try error(editing: "checks.csv") { _ in nil } == "run/checks.csv: missing; a run directory holds the files plan simulate writes")
    }

    @Test func malformedCSV() throws {
        let notANumber = try error(editing: "checks.csv") { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[2] = lines[2].replacingOccurrences(of: "2026-12-07,Mon,Americas,1.0000", with: "2026-12-07,Mon,Americas,x")
            return lines.joined(separator: "\n")
        }
        #expect(notANumber == "run/checks.csv:3: column \"p_level_1\": expected a number, found \"x\"")
        #expect(try error(editing: "checks.csv") { $0 + "2026-12-09,EMEA\n" } == "run/checks.csv:6: expected 40 fields as in the header, found 2")
        #expect(try error(editing: "horizon.csv") { $0.replacingOccurrences(of: "p_reach", with: "p") } == "run/horizon.csv:1: missing column \"p_reach\"")
        #expect(try error(editing: "recommendations.csv") { $0.replacingOccurrences(of: ",EMEA,", with: ",APAC,") }
            == "run/recommendations.csv:3: column \"window\": \"APAC\" is not a window of run.json (EMEA, Americas)")
        #expect(try error(editing: "checks.csv") { $0.replacingOccurrences(of: "\"", with: "") + "\"" }
            == "run/checks.csv:6: expected a closing quote for the field that opens on this line, found the end of the file")
        #expect(try error(editing: "checks.csv") { String($0.split(separator: "\n").dropLast().joined(separator: "\n")) }
            == "run/checks.csv: 3 checks, but run.json counts 4; the files are not of the same run")
    }

    /// Problems of `run.json` name the JSON path; a syntax error names the line.
    @Test(arguments: [
        ("\"trials\" : 3", "\"trials\" : \"3\"", "run/run.json: $.sampling.trials: expected a whole number"),
        ("\"policy\" :", "\"policies\" :", "run/run.json: $: missing key \"policy\""),
        ("\"warmup_days\" : 0", "\"warmup_days\" : null", "run/run.json: $.scenario.warmup_days: expected a whole number, found null"),
        ("\"e0\"", "7", "run/run.json: $.scenario.groups[0].members[0]: expected a string"),
        ("\"start\" : \"2026-12-07\"", "\"start\" : \"Dec 7\"", "run/run.json: $.scenario.horizon.start: expected a date such as 2026-12-01, found \"Dec 7\""),
        ("\"seed\" : 5", "\"seed\" : -5", "run/run.json: a number does not fit its field (a fraction or a negative where a whole number of 0 or more belongs, or too large)"),
        ("\"level\" : 2,", "\"level\" : 3,", "run/run.json: $.policy.levels[1].level: expected level 2: levels are listed lowest first"),
        ("{", "[", "run/run.json:2: invalid JSON: expected ',' or ']', found ':'"),
    ])
    func malformedRunJSON(original: String, replacement: String, message: String) throws {
        let error = try error(editing: "run.json") { text in
            guard let range = text.range(of: original) else { return "not found: \(original)" }
            return text.replacingCharacters(in: range, with: replacement)
        }
        #expect(error == message)
    }
}
