import Foundation
import Testing

/// Every CSV file the commands write follows one column convention (docs/CLI.md, "CSV files"): header
/// names in snake_case; a check in two columns, `date` (YYYY-MM-DD) and `window`, never one cell such as
/// "2026-12-01 EMEA"; the level a row is about in `level`, with `level_name` beside it, and any other
/// level column named `<what>_level` with `<what>_level_name` beside it; probabilities 0–1 with 4 decimals.
/// Each command runs on a small input and each file it writes is checked, header and cells.
@Suite struct CSVColumnConventionTests {
    /// `plan history export` and `plan backtest` write a declared level, or a level k of the forecasts,
    /// as a number only: the store keeps the level a policy declared, not the policy's names.
    static let levelsWithoutNames: Set<String> = ["history export", "backtest"]

    @Test func everyCommandWritesTheConvention() throws {
        let folder = try PlanProcess.temporaryDirectory()
        var files: [(name: String, text: String)] = []
        func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil, status: Set<Int32> = [0]) throws -> String {
            let r = try PlanProcess.run(arguments, stdin: stdin, in: directory)
            try #require(status.contains(r.status), "\(arguments.joined(separator: " ")): \(r.stderr)")
            return r.stdout
        }
        func written(_ command: String, _ directory: URL) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".csv") }.sorted()
            try #require(!names.isEmpty, "\(command) wrote no CSV in \(directory.path)")
            for name in names {
                files.append(("\(command) \(name)", try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)))
            }
        }

        let december = "scenarios/december.json"
        let simulated = folder.appendingPathComponent("simulate")
        _ = try run(["simulate", december, "--trials", "200", "--out", simulated.path])
        try written("simulate", simulated)
        #expect(Set(files.map(\.name)) == Set(["checks", "horizon", "levels", "longest_runs", "recommendations", "why"].map { "simulate \($0).csv" }))

        let variant = try CompareCommandTests.december(
            folder, name: "us09-off.json", replacing: #"{ "name": "us-09", "group": "us", "country": "US" }"#,
            with: #"{ "name": "us-09", "group": "us", "country": "US", "time_off": ["2026-12-21..2026-12-24"] }"#)
        let compared = folder.appendingPathComponent("compare")
        _ = try run(["compare", december, variant, "--trials", "100", "--out", compared.path])
        try written("compare", compared)

        let requests = folder.appendingPathComponent("requests.csv")
        try "name,start,end,priority,note\nus-09,2026-12-21,2026-12-24,1,\"family, visit\"\nus-11,2026-12-19,2026-12-20,0,=1+1\n"
            .write(to: requests, atomically: true, encoding: .utf8)
        let approved = folder.appendingPathComponent("approve")
        let timeOff = folder.appendingPathComponent("approved-time-off")
        try FileManager.default.createDirectory(at: timeOff, withIntermediateDirectories: false)
        _ = try run(["approve", december, "--requests", requests.path, "--max-risk", "ge4<=0.2", "--trials", "100", "--out", approved.path,
                     "--write-time-off", timeOff.appendingPathComponent("time-off.csv").path])
        try written("approve", approved)
        try written("approve --write-time-off", timeOff)

        files.append(("sensitivity", try run(["sensitivity", december, "--trials", "100", "--format", "csv"])))

        let (coverFolder, coverScenario, pool) = try CoverCommandTests.files(pool: CoverCommandTests.pool)
        let covered = coverFolder.appendingPathComponent("out")
        _ = try run(["cover", coverScenario, "--max-risk", "ge4<=0.6", "--pool", pool, "--trials", "100", "--validation-trials", "1000", "--seed", "7", "--out", covered.path])
        try written("cover", covered)

        let hired = folder.appendingPathComponent("hire")
        _ = try run(["hire", HireCommandTests.scenario, "--through", "2027-03-31", "--max-risk", "ge4<=0.10", "--lead-time", "2", "--ramp", "4",
                     "--trials", "100", "--validation-trials", "200", "--out", hired.path], status: [0, 2])
        try written("hire", hired)

        let history = try BacktestKnownAnswerTests.fixture.get()
        files.append(("backtest", try run(["backtest", "--history", history.right.path, "--lead", "0..400", "--format", "csv"], in: history.folder)))
        files.append(("history export", try run(["history", "export", "--history", history.right.path], in: history.folder)))

        files.append(("calendar", try run(["calendar", december, "--format", "csv"])))
        files.append(("holidays", try run(["holidays", "--country", "GB", "--year", "2027", "--format", "csv"])))
        files.append(("level --input", try run(["level", "--input", "-", "--format", "csv"], stdin: "date,window,emea,us,open_cases\n2026-12-01,EMEA,2,4,30\n")))

        #expect(files.count == 17)
        for file in files {
            #expect(Self.problems(file.text, levelNameRequired: !Self.levelsWithoutNames.contains(file.name)) == [], "\(file.name)")
        }
    }

    /// The checker itself finds what the convention forbids.
    @Test func theCheckerFindsEachBreach() {
        #expect(Self.problems("date,window,planning_level\n2026-12-01,EMEA,2\n") == [
            "column \"planning_level\": the level a row is about is \"level\"", "column \"planning_level\": no \"planning_level_name\" beside it",
        ])
        #expect(Self.problems("name,check\nx,2026-12-01 EMEA\n") == [
            "column \"check\": a check is \"date\" and \"window\" in two columns", "column \"check\": \"2026-12-01 EMEA\" is a date and a window in one cell",
        ])
        #expect(Self.problems("Date,p_ge_2,max_probability\n2026-12-01,0.25,1.0000\n") == [
            "column \"Date\": not snake_case", "column \"p_ge_2\": \"0.25\" is not a probability with 4 decimals",
        ])
        #expect(Self.problems("brief_by,level,level_name\n2026-12-1,2,x\n") == ["column \"brief_by\": \"2026-12-1\" is not a date YYYY-MM-DD"])
        #expect(Self.problems("level,alerts\n2,\n", levelNameRequired: false) == [])
    }

    /// What breaks the convention in the CSV `text`, one line per problem.
    static func problems(_ text: String, levelNameRequired: Bool = true) -> [String] {
        let records = records(text)
        guard let header = records.first else { return ["no header"] }
        let rows = records.dropFirst()
        var problems: [String] = []
        for (i, column) in header.enumerated() {
            func problem(_ message: String) { problems.append("column \"\(column)\": \(message)") }
            let values = rows.map { i < $0.count ? $0[i] : "" }.filter { !$0.isEmpty }
            // Fixed names are snake_case; a name built from the scenario or the policy (a group, an input,
            // a channel without its #) keeps that name's spelling, hyphens included.
            if column.isEmpty || !column.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }) {
                problem("not snake_case")
            }
            if header.filter({ $0 == column }).count > 1 { problem("named twice") }
            if column == "planning_level" || column == "k" { problem("the level a row is about is \"level\"") }
            if column == "check" { problem("a check is \"date\" and \"window\" in two columns") }
            if let combined = values.first(where: { $0.range(of: #"^\d{4}-\d{2}-\d{2} \S"#, options: .regularExpression) != nil }) {
                problem("\"\(combined)\" is a date and a window in one cell")
            }
            if column == "date" || column.hasSuffix("_date") || column == "brief_by",
               let bad = values.first(where: { $0.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil }) {
                problem("\"\(bad)\" is not a date YYYY-MM-DD")
            }
            if column.hasPrefix("p_") || column == "probability" || column.hasSuffix("_probability"),
               let bad = values.first(where: { $0.range(of: #"^-?[01]\.\d{4}$"#, options: .regularExpression) == nil || abs(Double($0)!) > 1 }) {
                problem("\"\(bad)\" is not a probability with 4 decimals")
            }
            if levelNameRequired, column == "level" || column.hasSuffix("_level"), !values.isEmpty, values.allSatisfy({ Int($0) != nil }),
               i + 1 == header.count || header[i + 1] != column + "_name" {
                problem("no \"\(column)_name\" beside it")
            }
        }
        return problems
    }

    /// RFC 4180 records: fields split at commas outside quotes, `""` a quote inside them.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = "", quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? characters.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" {
                records.append(fields + [field])
                (fields, field) = ([], "")
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { records.append(fields + [field]) }
        return records
    }
}
