import Foundation
import Testing

/// `plan calibrate` and leave not yet booked: booking dates, as_of, and the scenario it writes
/// (docs/CALIBRATION.md, "Unbooked leave").
@Suite struct CalibrateLeaveCommandTests {
    static let history = CalibrateCommandTests.history
    static let command = CalibrateCommandTests.command
    static func run(_ arguments: [String]) throws -> PlanProcess.Result { try CalibrateCommandTests.run(arguments) }

    /// The history's absence export with a `requested` column: every vacation booked 20 days
    /// ahead, sickness without a date, plus `extra` rows (name,start,end,type,requested).
    static func absences(in folder: URL, extra: String = "") throws -> String {
        let original = try String(contentsOf: PlanProcess.repository.appendingPathComponent(history + "absences.csv"), encoding: .utf8)
        var lines = ["name,start,end,type,requested"]
        for line in original.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let requested = fields[3] == "vacation" ? CivilDateText.adding(-20, to: fields[1]) : ""
            lines.append(line + "," + requested)
        }
        let path = folder.appendingPathComponent("absences.csv").path
        try (lines.joined(separator: "\n") + "\n" + extra).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Dates as text, shifted with Foundation in UTC (the test's own arithmetic, not plan's).
    enum CivilDateText {
        static func adding(_ days: Int, to text: String) -> String {
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd"
            f.timeZone = TimeZone(identifier: "UTC")
            f.locale = Locale(identifier: "en_US_POSIX")
            return f.string(from: f.date(from: text)!.addingTimeInterval(Double(days) * 86_400))
        }
    }

    /// With booking dates: the lead times (all 20 days) give booking_lead_days; of the leave after
    /// --to, only what was booked by --to becomes time off; and `plan simulate` runs the file.
    @Test func bookingDatesGiveTheLeadTimeAndTheKnownLeave() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let path = try Self.absences(in: folder, extra: "us-1,2026-07-06,2026-07-10,vacation,2026-06-01\nus-2,2026-07-13,2026-07-17,Vacation,2026-07-01\n")
        var command = Self.command
        command[command.firstIndex(of: "--absences")! + 1] = path
        let out = folder.appendingPathComponent("q3.json").path
        let r = try Self.run(command + ["--write", out, "--horizon", "2026-06-29..2026-09-27"])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 known leave spell after 2026-06-28 added as time off; leave booked after 2026-06-28 drawn by unbooked_leave"), "\(r.stdout)")
        #expect(r.stdout.contains("8 bookings with a requested date; lead-time bins up to 6, 13, 27 days"), "\(r.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(json["as_of"] as? String == "2026-06-28")
        let leave = try #require(json["unbooked_leave"] as? [String: Any])
        let bins = try #require(leave["booking_lead_days"] as? [[String: Double]])
        #expect(bins == [["up_to": 6, "share": 0], ["up_to": 13, "share": 0], ["up_to": 27, "share": 1]])
        let team = try #require(json["team"] as? [[String: Any]])
        let timeOff = Dictionary(uniqueKeysWithValues: team.map { ($0["name"] as! String, $0["time_off"] as? [String] ?? []) })
        #expect(timeOff["us-1"] == ["2026-07-06..2026-07-10"] && timeOff["us-2"] == [])
        let simulate = try Self.run(["simulate", out, "--trials", "200", "--no-files"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
    }

    /// A booking after its leave's start names the file and line; exit 1 and nothing written.
    @Test func requestedAfterStartIsAnError() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let path = try Self.absences(in: folder, extra: "us-1,2026-05-11,2026-05-15,vacation,2026-05-12\n")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
        var command = Self.command
        command[command.firstIndex(of: "--absences")! + 1] = path
        let out = folder.appendingPathComponent("out.json").path
        let r = try Self.run(command + ["--write", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):\(lines): requested 2026-05-12 is after the absence's start 2026-05-11; a booking comes before the leave it books"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// `--to` past the exports' last case, and a requested column that is not there, name their option.
    @Test func optionErrors() throws {
        var late = Self.command
        late[late.firstIndex(of: "--to")! + 1] = "2026-07-10"
        let r = try Self.run(late)
        #expect(r.status == 1 && r.stderr == "Error: --to 2026-07-10 is after the exports' last case (created 2026-06-28 UTC): the history, and what the forecast knows (as_of), ends there; give --to 2026-06-28 or earlier\n", "\(r.stderr)")
        let column = try Self.run(Self.command + ["--requested-column", "booked"])
        #expect(column.status == 1 && column.stderr == "Error: --requested-column booked: \(Self.history)absences.csv has no such column\n", "\(column.stderr)")
    }

    /// Written to another folder, the scenario still reads the files its team file names: the
    /// time-off CSV's relative path is rebased, and `plan validate` finds it.
    @Test func writtenElsewhereStillReadsItsFiles() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let teamFolder = folder.appendingPathComponent("team"), outFolder = folder.appendingPathComponent("out/fits")
        try FileManager.default.createDirectory(at: teamFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)
        var team = try String(contentsOf: PlanProcess.repository.appendingPathComponent(Self.history + "team.json"), encoding: .utf8)
        team = team.replacingOccurrences(of: "\"warmup_days\": 14,", with: "\"warmup_days\": 14,\n  \"time_off_csv\": \"timeoff.csv\",")
        try team.write(to: teamFolder.appendingPathComponent("team.json"), atomically: true, encoding: .utf8)
        try "name,start,end\nus-1,2026-07-06,2026-07-10\n".write(to: teamFolder.appendingPathComponent("timeoff.csv"), atomically: true, encoding: .utf8)
        var command = Self.command
        command[1] = teamFolder.appendingPathComponent("team.json").path
        let out = outFolder.appendingPathComponent("fitted.json").path
        let r = try Self.run(command + ["--write", out])
        try #require(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(json["time_off_csv"] as? String == "../../team/timeoff.csv")
        let validate = try Self.run(["validate", out])
        #expect(validate.status == 0, "\(validate.stderr)")
    }
}
