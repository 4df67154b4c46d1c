import Foundation
import Testing

@Suite struct ApproveCommandTests {
    static func requests(_ text: String) throws -> String {
        let path = try PlanProcess.temporaryDirectory().appendingPathComponent("requests.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func decidesEachRequestAndSaysWhy() throws {
        let file = try Self.requests("name,start,end,priority\nemea-nl,2026-12-16,,1\nus-11,2026-12-19,2026-12-20,1\nus-10,2026-12-07,2026-12-08,2\n")
        let r = try PlanProcess.run(["approve", "scenarios/december.json", "--requests", file, "--max-risk", "ge4<=0.12", "--trials", "2000", "--seed", "7"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Time-off requests for december, limit P(level ≥ 4) ≤ 0.12 at every check")
        #expect(lines[2].hasPrefix("Method: greedy: requests in order of priority (higher first), then of smallest marginal rise"))
        #expect(lines.contains("1. us-10 2026-12-07…2026-12-08 (priority 2, line 4): APPROVE"))
        #expect(lines.contains("2. us-11 2026-12-19…2026-12-20 (priority 1, line 3): APPROVE"))
        #expect(lines.contains("3. emea-nl 2026-12-16 (priority 1, line 2): DECLINE"))
        #expect(lines.contains { $0.hasPrefix("Before: worst check P(level ≥ 4) = ") })
        #expect(lines.last?.hasPrefix("After approving 2 of 3: worst check P(level ≥ 4) = ") == true)
    }

    @Test(arguments: [
        ("name,start,end\nus-09,2026-12-21,2026-12-24\n", "ge4=0.2",
         "--max-risk ge4=0.2: expected ge<k><=<p> such as ge4<=0.20 (P(level ≥ 4) at most 0.20 at every check), or ge4<0.2"),
        ("name,start,end\nus-9,2026-12-21,2026-12-24\n", "ge4<=0.2", "REQUESTS:2: \"us-9\" is not the name of an SE in the team; did you mean \"us-09\"?"),
        ("name,start,end,priority\nus-09,2026-12-21,2026-12-24,urgent\n", "ge4<=0.2", "REQUESTS:2: priority \"urgent\" is not a whole number"),
        ("name,start,end\nus-09,2026-12-24,2026-12-21\n", "ge4<=0.2", "REQUESTS:2: end 2026-12-21 is before start 2026-12-24"),
        ("name,start,end\nus-07,2026-12-22,2026-12-23\n", "ge4<0.2",
         "REQUESTS:2: us-07 2026-12-22…2026-12-23: overlaps us-07's time off 2026-12-23…2026-12-24 already in the scenario"),
    ])
    func badInput(csv: String, limit: String, message: String) throws {
        let file = try Self.requests(csv)
        let r = try PlanProcess.run(["approve", "scenarios/december.json", "--requests", file, "--max-risk", limit, "--trials", "100"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: " + message.replacingOccurrences(of: "REQUESTS", with: file) + "\n")
    }
}
