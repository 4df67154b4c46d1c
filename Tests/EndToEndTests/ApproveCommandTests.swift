import Foundation
import Testing

@Suite struct ApproveCommandTests {
    static func requests(_ text: String, in folder: URL? = nil) throws -> String {
        let path = try (folder ?? PlanProcess.temporaryDirectory()).appendingPathComponent("requests.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The decisions with their reasons on standard output, approvals.csv with the check that
    /// decided each (its date and window in two columns) and the requester's note (quoted as RFC 4180
    /// asks, a formula-like note neutralised), the approved time off as a CSV, and an overlap with
    /// planned time off merged with a warning rather than refused.
    @Test func decidesEachRequestWritesTheFilesAndSaysWhy() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let file = try Self.requests(
            "employee,from,to,rank,comment\nemea-nl,2026-12-16,,1,dentist; morning\nus-11,2026-12-19,2026-12-20,1,=1+1\nus-10,2026-12-07,2026-12-08,2,\n"
                + "us-07,2026-12-22,2026-12-23,0,\"visiting \"\"home\"\", 3 days\"\n", in: folder)
        let out = folder.appendingPathComponent("out").path
        let timeOff = folder.appendingPathComponent("approved.csv").path
        let r = try PlanProcess.run([
            "approve", "scenarios/december.json", "--requests", file, "--columns", "name=employee,start=from,end=to,priority=rank,note=comment",
            "--max-risk", "ge4<=0.12", "--trials", "2000", "--seed", "7", "--out", out, "--write-time-off", timeOff,
        ])
        #expect(r.status == 0)
        #expect(r.stderr == "warning: \(file):5: us-07 2026-12-22…2026-12-23: overlaps us-07's time off 2026-12-23…2026-12-24 already in the scenario; only the other days are charged\n")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Time-off requests for december, limit P(level ≥ 4) ≤ 0.12 at every check")
        #expect(lines[2] == "Rule: requests in order of priority (higher first), then of smallest added risk on their own; each is compared on the "
            + "same random numbers with the requests approved before it, at every check, and declined when at a check that is over "
            + "P(level ≥ 4) ≤ 0.12 with it (taken over, or over already) it adds more than 2.0 points with 95% confidence.")
        #expect(lines.contains("1. us-10 2026-12-07…2026-12-08 (priority 2, line 4): APPROVE"))
        #expect(lines.contains("2. us-11 2026-12-19…2026-12-20 (priority 1, line 3): APPROVE"))
        #expect(lines.contains("   changes no check"))
        #expect(lines.contains("3. emea-nl 2026-12-16 (priority 1, line 2): DECLINE"))
        #expect(lines.contains { $0.hasPrefix("   takes a check over the limit: 2026-12-16 ") })
        #expect(lines.contains { $0.hasPrefix("- emea-nl 2026-12-16: blocked at 2026-12-16 ") && $0.hasSuffix("; 1 cover SE of the same group on 2026-12-16 would let it through.") })
        #expect(lines.contains("Wrote \(out)/approvals.csv"))
        let csv = try String(contentsOfFile: out + "/approvals.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv[0] == "name,start,end,priority,note,decision,reason,date,window,added_risk,ci_low,ci_high,cover,compared,tolerance")
        #expect(csv[1].hasPrefix("us-10,2026-12-07,2026-12-08,2,,approve,within the limit and tolerance,2026-12-") && csv[1].hasSuffix(",0.0200"))
        #expect(csv[2] == "us-11,2026-12-19,2026-12-20,1,'=1+1,approve,changes no check,,,,,,,,0.0200")
        #expect(csv[3].hasPrefix("emea-nl,2026-12-16,2026-12-16,1,dentist; morning,decline,takes a check over the limit,2026-12-16,"))
        // The deciding check's window in its own column; the compared number is the interval's lower end (ci_low), then the tolerance.
        let fields = csv[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(["EMEA", "Americas"].contains(fields[8]) && fields[12] == "1" && fields[13] == fields[10] && fields[14] == "0.0200")
        #expect(csv[4].hasPrefix("us-07,2026-12-22,2026-12-23,0,\"visiting \"\"home\"\", 3 days\","))
        let approved = try String(contentsOfFile: timeOff, encoding: .utf8)
        #expect(approved.hasPrefix("name,start,end,request\nus-10,2026-12-07,2026-12-08,\(file):4\nus-11,2026-12-19,2026-12-20,\(file):3\n"))
    }

    @Test(arguments: [
        ("name,start,end\nus-09,2026-12-21,2026-12-24\n", "ge4=0.2",
         "--max-risk ge4=0.2: expected ge<k><=<p> such as ge4<=0.20 (P(level ≥ 4) at most 0.20 at every check), or ge4<0.2"),
        ("name,start,end,priority\nus-9,2026-12-21,2026-12-24,1\nus-09,2026-12-24,2026-12-21,\nus-10,2027-01-04,2027-01-05,urgent\n", "ge4<=0.2", """
            REQUESTS:2: "us-9" is not the name of an SE in the team; did you mean "us-09"?
            REQUESTS:3: end 2026-12-21 is before start 2026-12-24
            REQUESTS:4: priority "urgent" is not a whole number from -1000000000 to 1000000000
            """),
        ("name,start,end,priority\nus-9,2026-12-21,2026-12-24,1\nus-10,2027-01-04,2027-01-05,urgent\n", "ge4<=0.2", """
            REQUESTS:2: "us-9" is not the name of an SE in the team; did you mean "us-09"?
            REQUESTS:3: priority "urgent" is not a whole number from -1000000000 to 1000000000
            """),
    ])
    func badInput(csv: String, limit: String, message: String) throws {
        let file = try Self.requests(csv)
        let out = try PlanProcess.temporaryDirectory().appendingPathComponent("out").path
        let r = try PlanProcess.run(["approve", "scenarios/december.json", "--requests", file, "--max-risk", limit, "--trials", "100", "--out", out])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "Error: " + message.replacingOccurrences(of: "REQUESTS", with: file) + "\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A request outside the horizon is skipped with a warning and the others decided; with
    /// `--strict` it is refused, and nothing is written.
    @Test func aRequestOutsideTheHorizonIsSkippedUnlessStrict() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let file = try Self.requests("name,start,end\nus-10,2027-01-04,2027-01-05\nus-11,2026-12-19,2026-12-20\n", in: folder)
        let out = folder.appendingPathComponent("out").path
        let base = ["approve", "scenarios/december.json", "--requests", file, "--max-risk", "ge4<=0.2", "--trials", "200", "--out", out]
        let r = try PlanProcess.run(base)
        #expect(r.status == 0)
        #expect(r.stderr == "warning: \(file):2: us-10 2027-01-04…2027-01-05 is outside the horizon 2026-12-01…2026-12-31; it would change no check; skipped (--strict refuses it)\n")
        #expect(r.stdout.contains("1. us-11 2026-12-19…2026-12-20 (priority 0, line 3): APPROVE"))
        let strictOut = folder.appendingPathComponent("strict").path
        let strict = try PlanProcess.run(Array(base.dropLast()) + [strictOut, "--strict"])
        #expect(strict.status == 1 && strict.stdout.isEmpty)
        #expect(strict.stderr == "Error: \(file):2: us-10 2027-01-04…2027-01-05 is outside the horizon 2026-12-01…2026-12-31; it would change no check\n")
        #expect(!FileManager.default.fileExists(atPath: strictOut))
    }
}
