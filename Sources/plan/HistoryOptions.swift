import ArgumentParser
import CapacityPolicy
import Backtest
import Calendars
import Foundation
import History
import Reports
import RunArtifacts
import Pipeline

/// `--history FILE`: the history store every history command reads or writes.
struct HistoryOption: ParsableArguments {
    @Option(help: "The history store (SQLite) (default: $PLAN_HISTORY, else plan-history.sqlite in the working folder).")
    var history: String?

    var path: String { history ?? ProcessInfo.processInfo.environment["PLAN_HISTORY"] ?? "plan-history.sqlite" }

    func validate() throws {
        guard path.isEmpty else { return }
        throw CommandError(history != nil
            ? "--history is empty; expected the history store's file, such as plan-history.sqlite"
            : "PLAN_HISTORY is set but empty; set it to the history store's file, or unset it for plan-history.sqlite")
    }

    /// The store; `create` makes a missing file a new store (for the commands that record).
    func open(create: Bool) throws -> HistoryStore { try Self.explained { () throws(HistoryError) in try HistoryStore(path: path, create: create) } }

    /// The store, for a command that only reads it: a store the user may not write opens, and
    /// nothing is created or changed beside it (`HistoryStore.init(readingOnly:)`).
    func openForReading() throws -> HistoryStore { try Self.explained { () throws(HistoryError) in try HistoryStore(readingOnly: path) } }

    /// The store `open` gives; a missing one is an error that says which commands make one.
    private static func explained(_ open: () throws(HistoryError) -> HistoryStore) throws -> HistoryStore {
        do {
            return try open()
        } catch .noStore(let path) {
            throw CommandError("\(HistoryError.noStore(path: path)); record checks with plan level --record or plan history import first")
        }
    }
}

/// `--record` and `--history`, for the commands whose result can be kept: `plan level` (the
/// declared check) and `plan simulate`, `plan outlook` and `plan merge` (the forecast).
struct RecordOptions: ParsableArguments {
    @Flag(help: "Also store the result in the history store (plan level: the declared check; plan simulate, outlook and merge: the forecast).")
    var record = false

    @Option(name: .customLong("made-at"), help: "With --record of a forecast: when it was made, 2026-11-02 or 2026-11-02T09:00:00Z (default: when the run started).")
    var madeAt: String?

    @OptionGroup var store: HistoryOption

    func validate() throws {
        guard let madeAt else { return }
        guard record else { throw CommandError("--made-at \(madeAt): stamps a recorded forecast; give --record too") }
        guard Moment(iso: madeAt) != nil else {
            throw CommandError("--made-at \(madeAt): expected a date such as 2026-11-02 or a UTC time such as 2026-11-02T09:00:00Z")
        }
    }

    /// Stores the check `report` declared on `date`, when asked to; the note goes to standard error.
    func declare(_ report: LevelReport, table: EffectiveTable, date: CivilDate) throws {
        guard record else { return }
        if let madeAt { throw CommandError("--made-at \(madeAt): stamps a forecast; a declared check's moment is its date and window") }
        guard let window = report.window else { throw CommandError("--record needs --window: a declared check belongs to a window") }
        let check = DeclaredCheck(report: report, window: window, date: date, policySHA256: try table.sha256, recordedAt: timestamp())
        let count = try store.open(create: true).record([check])
        note("\(count.replaced > 0 ? "Replaced" : "Recorded") the \(check.window) check of \(check.date) in \(store.path)")
    }

    /// The check declared just before `window`'s check on `date`, from the history store when there
    /// is one: what tells the Slack message's new alerts from standing ones. Nil without a window
    /// or a store.
    func previousCheck(before date: CivilDate, window: CheckWindow?) throws -> PreviousCheck? {
        guard let window, FileManager.default.fileExists(atPath: store.path) else { return nil }
        return try store.openForReading().previousCheck(before: date, minute: window.checkMinute)
            .map { check in PreviousCheck(level: check.level, alerts: check.alerts, inputs: Dictionary(check.inputs.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })) }
    }

    /// With --record, checks before the run that the forecast can be stored: an existing file must
    /// be a history store this plan reads and may write, and a new one needs a folder to be created
    /// in. So a mistyped --history fails at once, not after the whole run. The store is only read
    /// here: another process recording at that moment does not hold the run up.
    func checkStore() throws {
        guard record else { return }
        let path = store.path
        if FileManager.default.fileExists(atPath: path) {
            guard access(path, W_OK) == 0 else {
                throw CommandError("\(path): the history store cannot be written (\(String(cString: strerror(errno)))); --record adds to it")
            }
            _ = try store.openForReading()
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandError("\(path): there is no folder \(folder) to create the history store in")
        }
        guard access(folder, W_OK) == 0 else {
            throw CommandError("\(path): the history store cannot be created in \(folder) (\(String(cString: strerror(errno))))")
        }
    }

    /// The run pipeline's recorder with --record (`forecast`), nil without.
    var recorder: RunPipeline.Recorder? { record ? RunPipeline.Recorder(storePath: store.path, store: forecast) : nil }

    /// Stores the forecast of a run's files, when asked to; the note goes to standard error.
    func forecast(_ files: [OutputFile]) throws {
        guard record else { return }
        let forecast = Forecast(try RunForecast(files: files, directory: ""), madeAt: madeAt.flatMap(Moment.init(iso:))?.description)
        try Plan.HistoryCommand.AddRunCommand.store(forecast, in: try store.open(create: true), path: store.path)
    }
}

/// Now as ISO 8601 UTC to the second, as `run.json` writes moments.
func timestamp(_ date: Date = Date()) -> String { ISO8601DateFormatter().string(from: date) }

/// The UTC date of `date`.
func today(_ date: Date = Date()) -> CivilDate { CivilDate(iso: String(timestamp(date).prefix(10)))! }

/// A line on standard error: what was stored, beside the output that goes to standard output.
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
