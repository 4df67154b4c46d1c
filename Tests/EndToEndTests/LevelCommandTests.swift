import Foundation
import Testing

@Suite struct LevelCommandTests {
    @Test func declaresTheLevelWithReasonsContingenciesAndAlerts() throws {
        let r = try PlanProcess.run(["level", "--emea", "2", "--us", "4", "--open-cases", "30", "--window", "americas"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == """
        Americas check (17:30 UTC, coverage 14:00–01:00 UTC): level 4, Community responsiveness flexibility required
          observed:      emea 2, us 4, open 30, load 5
          why:           us ≤ 4 (us is 4)
          contingencies:
            1. None: business as usual.
            2. CS-triage coordinates who handles what.
            3. CS-triage pauses all non-issue work (OKRs, documentation updates…) to help customers only, and tells SEs with a focus day to stay available.
            4. #help posts in the community Slack are answered as soon as possible and within 24 hours of posting; CS leadership takes issues too, where that is less work for the team.
          alert:         #community-relations
          coordinate:    community team
          policy:        Support capacity levels (handbook), first-level reading

        """)
    }

    /// docs/POLICY.md's worked examples through the binary, under both readings.
    @Test(arguments: [
        (3, 10, 40, 1, 1), (3, 12, 10, 1, 1), (3, 10, 65, 1, 1), (3, 10, 66, 2, 2), (2, 10, 40, 2, 4), (3, 5, 30, 3, 3),
        (1, 10, 30, 5, 6), (3, 2, 10, 6, 6), (0, 1, 5, 6, 6), (0, 1, 12, 7, 7), (0, 0, 1, 8, 8), (0, 0, 0, 6, 6),
    ])
    func workedExamples(emea: Int, us: Int, open: Int, firstLevel: Int, literal: Int) throws {
        for (reading, expected) in [("first-level", firstLevel), ("literal", literal)] {
            let r = try PlanProcess.run(["level", "--emea", "\(emea)", "--us", "\(us)", "--open-cases", "\(open)", "--reading", reading, "--format", "json"])
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            #expect(json?["level"] as? Int == expected, "\(reading) \(emea),\(us),\(open)")
        }
    }

    @Test func explainsADittoThatWouldRaiseTheLevelUnderTheLiteralReading() throws {
        let r = try PlanProcess.run(["level", "--emea", "2", "--us", "10", "--open-cases", "40"])
        #expect(r.stdout.contains("  why:           emea ≤ 2 (emea is 2); emea ≤ 2 is written again at higher levels but counts at level 2 only (first-level reading)\n"))
    }

    /// Text from a policy cannot mention @channel or make links in the posted message, and a
    /// control character in it is refused when the policy is read.
    @Test func slackMessageEscapesThePolicysText() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("policy.json")
        func policy(_ levelName: String) -> String {
            """
            {"name": "p", "reading": "literal",
             "inputs": [{"name": "emea", "kind": "headcount"}, {"name": "us", "kind": "headcount"}, {"name": "open", "kind": "cases"}],
             "levels": [{"name": "ok", "trigger": "all", "criteria": [], "contingency": "none"},
                        {"name": "\(levelName)", "trigger": "any", "criteria": [{"metric": "emea", "op": "<=", "value": 5}], "contingency": "Call <!here> & <@U1>", "alerts": ["#ce"]}]}
            """
        }
        try policy("<!channel> busy").write(to: file, atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["level", "--policy", file.path, "--emea", "1", "--us", "3", "--open-cases", "2", "--format", "slack"])
        #expect(r.status == 0, "\(r.stderr)")
        // Printed for a person, the text reads as written; only the webhook gets Slack's escapes.
        #expect(r.stdout.contains("we are at level 2 — <!channel> busy.*"))
        #expect(r.stdout.contains("• L2: Call <!here> & <@U1>"))
        #expect(!r.stdout.contains("&lt;") && !r.stdout.contains("&gt;"))
        let payload = try PlanProcess.run(["level", "--policy", file.path, "--emea", "1", "--us", "3", "--open-cases", "2", "--post", "--dry-run"])
        #expect(payload.status == 0, "\(payload.stderr)")
        #expect(payload.stdout.contains("we are at level 2 — &lt;!channel&gt; busy.*"))
        #expect(payload.stdout.contains("• L2: Call &lt;!here&gt; &amp; &lt;@U1&gt;"))
        #expect(!payload.stdout.contains("<!"))
        try policy("busy\\u001b[2J").write(to: file, atomically: true, encoding: .utf8)
        let bad = try PlanProcess.run(["level", "--policy", file.path, "--emea", "1", "--us", "3", "--open-cases", "2"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "Error: \(file.path):4: /levels/1/name: contains the control character U+001B; names and descriptions are plain text\n")
    }

    @Test func slackMessageForTheWindowsCheck() throws {
        let r = try PlanProcess.run(["level", "--emea", "0", "--us", "1", "--open-cases", "12", "--window", "emea", "--format", "slack"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == ":fire: *EMEA check (10:00 UTC, coverage 09:00–16:00 UTC): we are at level 7 — CE collaboration required.*")
        #expect(lines.contains("Alert: #community-relations, #ce, #sales."))
        #expect(lines.last == "Support capacity levels (handbook), first-level reading")
    }

    @Test func evaluatesACSVAndPassesOtherColumnsThrough() throws {
        let input = "date,window,emea,us,open_cases\n2026-12-01,EMEA,3,10,40\n2026-12-01,Americas,2,4,30\n2026-12-02,EMEA,0,0,1\n"
        let r = try PlanProcess.run(["level", "--input", "-", "--format", "csv"], stdin: input)
        #expect(r.status == 0)
        #expect(r.stdout == """
        date,window,emea,us,open_cases,level,level_name,alerts
        2026-12-01,EMEA,3,10,40,1,Business as usual,
        2026-12-01,Americas,2,4,30,4,Community responsiveness flexibility required,#community-relations
        2026-12-02,EMEA,0,0,1,8,Engineering collaboration required,#community-relations #ce #sales #prod-eng-announce

        """)
    }

    @Test(arguments: [
        (["level", "--emea", "-1", "--us", "3", "--open-cases", "4"], "Error: emea must be from 0 to 1000000000, got -1"),
        (["level", "--emea", "1", "--us", "3", "--open-cases", "9223372036854775807"], "Error: --open-cases must be from 0 to 10000000, got 9223372036854775807"),
        // The same bound as plan outlook's --open-cases: one option group.
        (["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "5", "--open-cases", "10000001"], "Error: --open-cases must be from 0 to 10000000, got 10000001"),
        (["level", "--emea", "1", "--us", "3", "--open-cases", "2", "--input", "-"], "Error: --input reads the counts from the file; do not also give --emea, --us, --open-cases, --open-cases-from, --set, a scenario, --fail-at or --post"),
        (["level", "--emea", "1", "--us", "3", "--open-cases", "2", "--format", "csv"], "Error: --format csv writes the rows of --input; one check prints as text, json or slack"),
        (["level", "--emea", "1", "--us", "3"], "Error: missing --open-cases; the policy needs a value for each of its inputs"),
        (["level", "--emea", "1", "--us", "3", "--open-cases", "2", "--set", "apac=2"], "Error: the policy has no input \"apac\"; its inputs are emea, us, open"),
        (["level", "--emea", "1", "--us", "3", "--open-cases", "2", "--policy", "missing.json"], "Error: missing.json: cannot read the file (it does not exist or is not readable)"),
        (["level", "--emea", "x", "--us", "3", "--open-cases", "2"], "Error: The value 'x' is invalid for '--emea <emea>'"),
        (["level", "--emea", "1", "--us", "3", "--open-cases", "2", "--format", "pdf"], "Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'text', 'csv', 'json' or 'slack'."),
    ])
    func badInputIsOneLineAndNothingOnStdout(arguments: [String], message: String) throws {
        let r = try PlanProcess.run(arguments)
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == message + "\n")
    }

    /// `--format` applies to a batch too: JSON for tools; a Slack post is for one check only.
    @Test func batchFormats() throws {
        let input = "date,emea,us,open_cases\n2026-12-02,0,0,1\n"
        let r = try PlanProcess.run(["level", "--input", "-", "--format", "json"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["level"] as? Int == 8 && rows[0]["line"] as? Int == 2)
        #expect((rows[0]["fields"] as? [String: String])?["date"] == "2026-12-02")
        #expect((rows[0]["alerts"] as? [String])?.first == "#community-relations")
        let slack = try PlanProcess.run(["level", "--input", "-", "--format", "slack"], stdin: input)
        #expect(slack.status == 1 && slack.stdout.isEmpty)
        #expect(slack.stderr == "Error: --format slack posts one check; with --input, use --format text, csv or json\n")
        // Text is a table for people, not the CSV (which --format csv prints).
        let text = try PlanProcess.run(["level", "--input", "-"], stdin: "date,window,emea,us,open_cases\n2026-12-01,EMEA,3,10,40\n2026-12-01,Americas,2,4,30\n")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == """
            date        window    emea  us  open_cases  level                                            alerts
            2026-12-01  EMEA      3     10  40          1 Business as usual                              no channel
            2026-12-01  Americas  2     4   30          4 Community responsiveness flexibility required  #community-relations

            """)
    }

    /// Which of two columns of one name to read would be a guess.
    @Test func aColumnNamedTwiceIsAnError() throws {
        let r = try PlanProcess.run(["level", "--input", "-"], stdin: "emea,us,open_cases,US\n1,2,3,4\n")
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "Error: stdin:1: the header names the column \"US\" twice (columns 2 and 4)\n")
    }

    @Test func badCSVRowNamesFileAndLineAndWritesNothing() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("days.csv")
        try "date,emea,us,open_cases\n2026-12-01,3,10,40\n2026-12-02,3,ten,40\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["level", "--input", file.path])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: \(file.path):3: column \"us\": \"ten\" is not a whole number; expected a whole number from 0 to 1000000000 (US-based SEs working that day)\n")
        let missing = try PlanProcess.run(["level", "--input", "-"], stdin: "date,emea,us\n2026-12-01,3,10\n")
        #expect(missing.stderr == "Error: stdin:1: missing column \"open_cases\"; the header must name emea,us,open_cases\n")
    }

    @Test func malformedPolicyNamesFileLineAndPath() throws {
        let dir = try PlanProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("policy.json")
        var text = try String(contentsOf: PlanProcess.repository.appendingPathComponent("scenarios/default-policy.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"metric\": \"us\", \"op\": \"<=\", \"value\": 5", with: "\"metric\": \"us\", \"op\": \"<=\", \"value\": \"five\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try PlanProcess.run(["level", "--emea", "3", "--us", "10", "--open-cases", "2", "--policy", file.path])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: \(file.path):42: /levels/2/criteria/1/value: expected a number, found a string\n")
    }
}
