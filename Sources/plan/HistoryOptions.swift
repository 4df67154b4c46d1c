import ArgumentParser
import CapacityPolicy
import Calendars
import Foundation
import History
import Reports

/// `--history FILE`: the history store every history command reads or writes.
struct HistoryOption: ParsableArguments {
    @Option(help: "The history store (SQLite). Default: $PLAN_HISTORY, else plan-history.sqlite in the working folder.")
    var history: String?

    var path: String { history ?? ProcessInfo.processInfo.environment["PLAN_HISTORY"] ?? "plan-history.sqlite" }

    /// The store; `create` makes a missing file a new store (for the commands that record).
    func open(create: Bool) throws -> HistoryStore { try HistoryStore(path: path, create: create) }
}

/// `--record` and `--history`, for the commands whose result can be kept: `plan level` (the
/// declared check) and `plan simulate`, `plan outlook` and `plan merge` (the forecast).
struct RecordOptions: ParsableArguments {
    @Flag(help: "Also store the result in the history store (plan level: the declared check; plan simulate, outlook and merge: the forecast).")
    var record = false

    @OptionGroup var store: HistoryOption

    /// Stores the check `report` declared on `date`, when asked to; the note goes to standard error.
    func declare(_ report: LevelReport, table: EffectiveTable, date: CivilDate) throws {
        guard record else { return }
        guard let window = report.window else { throw CommandError("--record needs --window: a declared check belongs to a window") }
        let check = DeclaredCheck(report: report, window: window, date: date, policySHA256: table.sha256, recordedAt: timestamp())
        let count = try store.open(create: true).record([check])
        note("\(count.replaced > 0 ? "Replaced" : "Recorded") the \(check.window) check of \(check.date) in \(store.path)")
    }

    /// The check declared just before `window`'s check on `date`, from the history store when there
    /// is one: what tells the Slack message's new alerts from standing ones. Nil without a window
    /// or a store.
    func previousCheck(before date: CivilDate, window: CheckWindow?) throws -> PreviousCheck? {
        guard let window, FileManager.default.fileExists(atPath: store.path) else { return nil }
        return try store.open(create: false).previousCheck(before: date, minute: window.checkMinute)
            .map { check in PreviousCheck(level: check.level, alerts: check.alerts, inputs: Dictionary(check.inputs.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })) }
    }

    /// Stores the forecast of a run's files, when asked to; the note goes to standard error.
    func forecast(_ files: [OutputFile]) throws {
        guard record else { return }
        try Plan.HistoryCommand.AddRun.store(Forecast(try RunForecast(files: files, directory: "")), in: try store.open(create: true), path: store.path)
    }
}

/// Now as ISO 8601 UTC to the second, as `run.json` writes moments.
func timestamp(_ date: Date = Date()) -> String { ISO8601DateFormatter().string(from: date) }

/// The UTC date of `date`.
func today(_ date: Date = Date()) -> CivilDate { CivilDate(iso: String(timestamp(date).prefix(10)))! }

/// A line on standard error: what was stored, beside the output that goes to standard output.
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
