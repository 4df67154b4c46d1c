import ArgumentParser
import Backtest
import Calendars
import CapacityPolicy
import History
import OutputFormats
import Reports
import RunArtifacts
import Scenarios

extension Plan {
    struct HistoryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Keep declared checks and forecasts in the history store, and look at them.",
            discussion: """
                The store is one SQLite file (--history, $PLAN_HISTORY, else plan-history.sqlite). \
                plan level --record and plan simulate --record add to it as well.
                """,
            subcommands: [ImportCommand.self, AddRunCommand.self, RemoveRunCommand.self, ShowCommand.self, ExportCommand.self]
        )

        struct ImportCommand: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Load past declarations from a CSV file: date,window,<policy inputs>[,level], or what plan history export wrote.",
                discussion: """
                    The inputs are the policy's, the cases input as open_cases (emea,us,open_cases for the handbook \
                    policy). A window is the scenario's (--windows-from; else EMEA or Americas), or any window when a \
                    check_time column (HH:MM UTC) gives its check time, as plan history export writes it. Without a \
                    level the policy's is stored; a recorded level the policy disagrees with is stored as recorded and \
                    reported with its line. An export's alerts, policy_sha256, source and recorded_at are kept. A check \
                    already in the store is replaced. All rows or none are stored.
                    """
            )

            @Argument(help: "The CSV file (- for standard input).") var file: String
            @Option(name: .customLong("windows-from"), help: "A scenario file whose windows the rows may name, and whose policy they were declared under (unless --policy).")
            var scenario: String?
            @OptionGroup var policyOptions: PolicyOptions
            @OptionGroup var store: HistoryOption

            func run() throws {
                let source = file == "-" ? "stdin" : file
                let loaded = try scenario.map(ScenarioFile.load)
                loaded.map { ScenarioFile.report($0.warnings) }
                let table = EffectiveTable(try policyOptions.load(base: loaded?.scenario.policy ?? .handbook))
                let imported = try DeclarationImport(
                    text: try readTextFile(file), source: source, table: table, windows: loaded?.scenario.windows ?? CheckWindow.handbook,
                    recordedAt: timestamp())
                let count = try store.open(create: true).record(imported.checks)
                var lines = ["Imported \(NumberFormat.thousands(imported.checks.count)) declared checks from \(source) into \(store.path): "
                    + "\(NumberFormat.thousands(count.added)) new, \(NumberFormat.thousands(count.replaced)) replacing earlier ones."]
                if !imported.disagreements.isEmpty {
                    let count = imported.disagreements.count
                    lines.append("\(count) recorded level\(count == 1 ? " differs" : "s differ") from the policy's:")
                    lines += imported.disagreements.map { "  \($0)" }
                }
                emit(lines.joined(separator: "\n"))
            }
        }

        struct AddRunCommand: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add-run",
                abstract: "Store the forecast of a run directory (run.json and checks.csv, as plan simulate wrote them).",
                discussion: "A run already in the store (same run.json but for its execution section) is not stored twice."
            )

            @Argument(help: "The folder plan simulate wrote.") var runDirectory: String
            @Option(name: .customLong("made-at"), help: "When the forecast was made, 2026-11-02 or 2026-11-02T09:00:00Z (default: when the run started).")
            var madeAt: String?
            @OptionGroup var store: HistoryOption

            func validate() throws {
                if let madeAt, Moment(iso: madeAt) == nil {
                    throw CommandError("--made-at \(madeAt): expected a date such as 2026-11-02 or a UTC time such as 2026-11-02T09:00:00Z")
                }
            }

            func run() throws {
                let forecast = Forecast(try RunForecast(directory: runDirectory), madeAt: madeAt.flatMap(Moment.init(iso:))?.description)
                try Self.store(forecast, in: try store.open(create: true), path: store.path)
            }

            /// Stores `forecast` and says so on standard error, or that it was already there.
            static func store(_ forecast: Forecast, in history: HistoryStore, path: String) throws {
                guard Moment(iso: forecast.madeAt) != nil else {
                    throw CommandError("run.json: $.execution.started: expected an ISO 8601 UTC time such as 2026-11-02T09:00:00Z, found \"\(forecast.madeAt)\"")
                }
                if try history.record(forecast, recordedAt: timestamp()) {
                    note("Recorded the forecast of \(forecast) in \(path)" + (madeAfterFirstCheck(forecast).map { "; \($0)" } ?? ""))
                } else {
                    let stored = try history.madeAt(ofRun: forecast.runID) ?? forecast.madeAt
                    note("The forecast of run \(forecast.runID.prefix(12)) is already in \(path), made \(stored); nothing added "
                        + "(plan history remove-run \(forecast.runID.prefix(12)) removes it, to record it again)")
                }
            }

            /// For a `simulate` forecast made after its first check (at the run's own check time),
            /// what `history show` and a recording say about it: its first checks were forecast
            /// after they happened. (An outlook starts at its own day, so it is never early for its checks.)
            static func madeAfterFirstCheck(_ forecast: Forecast) -> String? {
                guard forecast.kind == .simulate, let madeAt = Moment(iso: forecast.madeAt), let (first, minute) = forecast.firstCheckTime,
                      madeAt >= Moment(date: first.date, minute: minute) else { return nil }
                return "made at or after its first check (\(first.date) \(first.window)): those checks are not forecasts"
            }
        }

        struct RemoveRunCommand: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove-run",
                abstract: "Remove a stored forecast (its checks, levels and counts) from the history store.",
                discussion: "RUN_ID is the run's id or its beginning, such as the 12 digits plan history show --runs prints."
            )

            @Argument(help: "The run's id, or its first digits.") var runID: String
            @OptionGroup var store: HistoryOption

            func run() throws {
                let history = try store.open(create: false)
                guard let id = try history.runID(matching: runID) else {
                    throw CommandError("\(runID): no stored run has an id beginning so; plan history show --runs lists them")
                }
                try history.removeRun(id)
                note("Removed run \(id.prefix(12)) from \(store.path)")
            }
        }

        /// `--from`, `--to` and the output format, shared by show and export.
        struct Selection: ParsableArguments {
            enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

            @OptionGroup var dates: DateSelection
            @Option(help: "Output: text (a table) or csv (the columns plan history import reads).") var format: Format?
            @OptionGroup var store: HistoryOption

            /// Every stored forecast, one line each, the ones made after their first check flagged.
            static func runList(_ forecasts: [Forecast]) -> String {
                "Forecasts: \(forecasts.count)\n" + forecasts.map { forecast in
                    "  \(forecast)" + (AddRunCommand.madeAfterFirstCheck(forecast).map { "\n    ! \($0)" } ?? "")
                        + (forecast.counts == nil ? "\n    ! no count distributions (recorded before plan kept counts.json): scored without a verdict" : "") + "\n"
                }.joined()
            }

            func print(defaultFormat: Format) throws {
                let history = try store.openForReading()
                let checks = try history.declaredChecks(from: dates.from, to: dates.to)
                guard (format ?? defaultFormat) == .text else { return emit(DeclaredCheck.csv(checks)) }
                var text = "Declared checks: \(checks.count)\n" + (checks.isEmpty ? "" : DeclaredCheck.table(checks))
                let forecasts = try history.forecasts(from: dates.from, to: dates.to)
                text += "\n" + Self.runList(forecasts)
                emit(text)
            }
        }

        struct ShowCommand: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the declared checks and the forecasts in the store.")
            @OptionGroup var selection: Selection
            @Flag(help: "List the stored forecasts (runs) only, with their ids.") var runs = false

            func validate() throws {
                if runs, selection.format == .csv { throw CommandError("--runs lists the forecasts as text; --format csv is for the declared checks") }
            }

            func run() throws {
                guard runs else { return try selection.print(defaultFormat: .text) }
                emit(Selection.runList(try selection.store.openForReading().forecasts(from: selection.dates.from, to: selection.dates.to)))
            }
        }

        struct ExportCommand: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "export",
                abstract: "Write the declared checks as CSV: date,window,check_time,<inputs>,level,alerts,policy_sha256,source,recorded_at.",
                discussion: "plan history import reads it back as it was, whatever the windows; plan level --input reads its inputs."
            )
            @OptionGroup var selection: Selection
            func run() throws { try selection.print(defaultFormat: .csv) }
        }
    }
}
