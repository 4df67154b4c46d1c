import Foundation
import Testing

/// The readers of issue 25, as a careless user and an attacker met them: bounded, refusing what is
/// not a file, dates within the calendar's years, numbers within their ranges, no silent wrong
/// answer. Each case is one line on standard error and exit status 1, unless it is a warning.
@Suite struct HostileInputCommandTests {
    static let history = "scenarios/history/"
    static let calibrate = [
        "calibrate", history + "team.json", "--from", "2026-01-05", "--to", "2026-06-28",
        "--preset", "zendesk", "--where", "Group=Support", "--format", "json",
    ]

    static func run(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil) throws -> PlanProcess.Result {
        try PlanProcess.run(arguments, stdin: stdin, in: folder ?? PlanProcess.repository)
    }

    static func expectError(_ arguments: [String], _ message: String, stdin: String? = nil, in folder: URL? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(arguments, stdin: stdin, in: folder)
        #expect(r.status == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr == "Error: \(message)\n", sourceLocation: sourceLocation)
    }

    /// A folder as --tickets printed NSCocoaErrorDomain; /dev/zero as --tickets never ended.
    @Test func foldersAndDevicesAreNotFiles() throws {
        let folder = try PlanProcess.temporaryDirectory()
        try Self.expectError(Self.calibrate + ["--tickets", folder.path], "\(folder.path) is a folder; expected a file")
        try Self.expectError(Self.calibrate + ["--tickets", "/dev/zero"], "/dev/zero is a device, not a file; expected a file")
        try Self.expectError(Self.calibrate + ["--tickets", Self.history + "tickets.csv", "--absences", "/dev/zero"], "/dev/zero is a device, not a file; expected a file")
        try Self.expectError(["validate", folder.path], "\(folder.path) is a folder; expected a file")
    }

    /// Holidays exist for 1970–2100 only: New Year's Day 0001 was a working day; calibrate --to
    /// 9999-12-31 tried to allocate 16.8 GB.
    @Test func datesOutsideTheCalendarsYears() throws {
        let range = "YYYY-MM-DD from 1970-01-01 to 2100-12-31"
        var calibrate = Self.calibrate + ["--tickets", Self.history + "tickets.csv"]
        calibrate[calibrate.firstIndex(of: "--to")! + 1] = "9999-12-31"
        try Self.expectError(calibrate, "--to 9999-12-31: expected today or a date \(range)")
        calibrate[calibrate.firstIndex(of: "--from")! + 1] = "0001-01-01"
        try Self.expectError(calibrate, "--from 0001-01-01: expected today or a date \(range)")
        try Self.expectError(["level", "scenarios/december.json", "--date", "0001-01-01"], "--date 0001-01-01: expected today or a date \(range)")
        try Self.expectError(["outlook", "scenarios/december.json", "--from", "2101-01-01", "--days", "5", "--open-cases", "10"],
                             "--from 2101-01-01: expected today or a date \(range)")
        let folder = try PlanProcess.temporaryDirectory()
        try Self.expectError(["history", "import", "-", "--history", "h.sqlite"],
                             "stdin:2: column \"date\": expected a date \(range), found \"0001-01-01\"",
                             stdin: "date,window,emea,us,open_cases\n0001-01-01,EMEA,3,10,40\n", in: folder)
        // The history's and the backtest's --from and --to: the same message and exit status 1,
        // not the argument parser's usage error.
        try Self.expectError(["history", "show", "--history", "h.sqlite", "--from", "1900-01-01"], "--from 1900-01-01: expected today or a date \(range)", in: folder)
        try Self.expectError(["history", "export", "--history", "h.sqlite", "--to", "2026-13-01"], "--to 2026-13-01: expected today or a date \(range)", in: folder)
        try Self.expectError(["backtest", "--history", "h.sqlite", "--to", "2200-01-01"], "--to 2200-01-01: expected today or a date \(range)", in: folder)
    }

    /// The last row used to win, and the summary said "1 new, 1 replacing" for an empty store.
    @Test func aCheckTwiceInOneImportNamesBothLines() throws {
        let folder = try PlanProcess.temporaryDirectory()
        try Self.expectError(["history", "import", "-", "--history", "h.sqlite"],
                             "stdin:4: the EMEA check of 2026-12-01 is also on line 2; give each check once",
                             stdin: "date,window,emea,us,open_cases\n2026-12-01,EMEA,3,10,40\n2026-12-01,Americas,3,10,40\n2026-12-01,emea,2,10,41\n", in: folder)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("h.sqlite").path))
    }

    /// A priority of Int.min died in the ordering after simulating every request; an inflow factor
    /// of 1e308 escaped the 10^6 cases-a-day limit.
    @Test func numbersAreRangeCheckedBeforeWork() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let requests = folder.appendingPathComponent("requests.csv")
        try "name,start,end,priority\nus-09,2026-12-28,2026-12-31,-9223372036854775808\n".write(to: requests, atomically: true, encoding: .utf8)
        try Self.expectError(["approve", "scenarios/december.json", "--requests", requests.path, "--max-risk", "ge4<=0.2", "--out", folder.appendingPathComponent("a").path],
                             "\(requests.path):2: priority \"-9223372036854775808\" is not a whole number from -1000000000 to 1000000000")
        try Self.expectError(["whatif", "scenarios/december.json", "--inflow-factor", "1e308", "--trials", "100"],
                             "--inflow-factor 1e308: expected a number greater than 0 and at most 1000000, such as 1.2 for 20% more cases")
        try Self.expectError(["whatif", "scenarios/december.json", "--inflow-factor", "100000", "--trials", "100"],
                             "--inflow-factor 100000.0 makes base_per_day 3000000, above the 1000000 cases a day a scenario may have")
    }

    /// Non-UTF-8 rows stopped matching --where: half the cases vanished (base_per_day 20.1 for 40.1).
    @Test func aNonUTF8RowIsAnErrorWithItsLine() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let tickets = folder.appendingPathComponent("tickets.csv")
        try (Data("Ticket ID,Group,Created at,Solved at\n1,Support,2026-01-05 09:00:00,\n2,Supp".utf8) + Data([0xF6]) + Data("rt,2026-01-05 10:00:00,\n".utf8))
            .write(to: tickets)
        try Self.expectError(Self.calibrate + ["--tickets", tickets.path], "\(tickets.path):3: field 2 is not UTF-8 text; export the file as UTF-8 (CSV UTF-8 in Excel)")
    }

    /// The same export twice doubled every rate (base_per_day 80.1); overlapping exports, one of
    /// which saw a case open that the other saw solved, give exactly the fit of the whole export.
    @Test func repeatedCasesCountOnce() throws {
        let whole = Self.history + "tickets.csv"
        func fit(_ files: [String]) throws -> (json: [String: Any], stderr: String) {
            let r = try Self.run(Self.calibrate + files.flatMap { ["--tickets", $0] })
            try #require(r.status == 0, "\(r.stderr)")
            return (try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]), r.stderr)
        }
        let once = try fit([whole])
        let twice = try fit([whole, whole])
        #expect(NSDictionary(dictionary: twice.json["inflow"] as! [String: Any]) == NSDictionary(dictionary: once.json["inflow"] as! [String: Any]))
        #expect(twice.json["resolve_per_shift"] as? Double == once.json["resolve_per_shift"] as? Double)
        #expect(twice.stderr.contains("warning: \(whole): "), "\(twice.stderr)")
        #expect(twice.stderr.contains("rows repeat cases already read (the first: line 2, the case of \(whole):2); each case is counted once, the solved row kept"), "\(twice.stderr)")

        let folder = try PlanProcess.temporaryDirectory()
        let lines = try String(contentsOf: PlanProcess.repository.appendingPathComponent(whole), encoding: .utf8).split(separator: "\n").map(String.init)
        let (header, rows) = (lines[0], Array(lines.dropFirst()))
        let (cut1, cut2) = (rows.count * 2 / 5, rows.count * 3 / 5)
        // The first export ends before the overlap's cases were solved: their solve times are blank there.
        let early = rows[..<cut2].enumerated().map { i, row in i >= cut1 ? row.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",") + "," : row }
        let first = folder.appendingPathComponent("jan-apr.csv"), second = folder.appendingPathComponent("mar-jun.csv")
        try ([header] + early).joined(separator: "\n").appending("\n").write(to: first, atomically: true, encoding: .utf8)
        try ([header] + rows[cut1...]).joined(separator: "\n").appending("\n").write(to: second, atomically: true, encoding: .utf8)
        let overlapping = try fit([first.path, second.path])
        #expect(NSDictionary(dictionary: overlapping.json["inflow"] as! [String: Any]) == NSDictionary(dictionary: once.json["inflow"] as! [String: Any]))
        #expect(overlapping.json["resolve_per_shift"] as? Double == once.json["resolve_per_shift"] as? Double)
        // Only the rows --where keeps are cases.
        let repeated = rows[cut1..<cut2].filter { $0.contains(",Support,") }.count
        #expect(overlapping.stderr.contains("warning: \(second.path): \(repeated) rows repeat cases already read"), "\(overlapping.stderr)")
    }

    /// Warnings quoted input without a length limit (a 500 MB line); now they quote 80 characters.
    @Test func warningsGoToStandardErrorAndQuoteLittle() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let absences = folder.appendingPathComponent("absences.csv")
        let name = String(repeating: "n", count: 100_000)
        try "name,start,end,type\n\(name),2026-02-02,2026-02-02,sick\nus-1,2026-02-02,2026-02-03,sick\n".write(to: absences, atomically: true, encoding: .utf8)
        var arguments = Self.calibrate + ["--tickets", Self.history + "tickets.csv", "--absences", absences.path, "--absence-type", "sick"]
        arguments.removeLast(2)
        let r = try Self.run(arguments)
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: \(absences.path):2: \"\(String(repeating: "n", count: 80))…\" is not in the team of the scenario"), "\(r.stderr.prefix(300))")
        #expect(r.stderr.split(separator: "\n").allSatisfy { $0.count < 400 })
        #expect(!r.stdout.contains("warning"))
    }

    /// Past a scenario's days, its .ics time off and closures are unknown: plan level says so.
    @Test func aDatePastTheHorizonWarns() throws {
        let r = try Self.run(["level", "scenarios/december.json", "--date", "2027-01-05", "--open-cases", "40", "--window", "emea"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2027-01-05 goes outside december's days"), "\(r.stderr)")
        let inside = try Self.run(["level", "scenarios/december.json", "--date", "2026-12-08", "--open-cases", "40", "--window", "emea"])
        #expect(inside.status == 0 && !inside.stderr.contains("goes outside"), "\(inside.stderr)")
    }
}
