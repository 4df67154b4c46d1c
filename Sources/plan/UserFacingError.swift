import Backtest
import Calendars
import Calibration
import CapacityPolicy
import History
import InputFormats
import OutputFormats
import Reports
import RunArtifacts
import Pipeline
import Scenarios
import SlackWebhook
import WhatIf

/// A problem with what the user gave `plan` (a flag's value, a file's content, an output folder),
/// whose description is already the sentence to show: what is wrong and where (`file:line:
/// /json/path: …` or the flag), one line per problem. `plan` prints it after `Error: ` on standard
/// error and exits with status 1, the status of bad input.
///
/// The library error types below are the ones the commands let through to the user; a library
/// error without this conformance reaching the top is a fault of `plan`, not of the input.
protocol UserFacingError: Error, CustomStringConvertible {
    /// The sentence `plan` shows: the library's, with the settings it names given as the options
    /// (or commands) that set them, as the user typed them.
    var userMessage: String { get }
}

extension UserFacingError {
    var userMessage: String { description }
}

/// The topic of an `ErrorMessage` that is the user's input: every message of that module's kind.
protocol UserFacingTopic: ErrorTopic {
    /// The option (or command) that sets `term`.
    static func option(_ term: Term) -> String
}

extension UserFacingTopic where Term == Never {
    static func option(_ term: Never) -> String {}
}

extension ErrorMessage: UserFacingError where Topic: UserFacingTopic {
    var userMessage: String { wording.rendered(Topic.option) }
}

extension BacktestErrorTopic: UserFacingTopic {
    static func option(_ term: Term) -> String {
        switch term {
        case .recordDeclarations: "with plan level --record or plan history import"
        case .recordForecasts: "with plan simulate --record or plan history add-run"
        }
    }
}
extension CalibrationErrorTopic: UserFacingTopic {
    static func option(_ term: Term) -> String {
        switch term {
        case .from: "--from"
        case .to: "--to"
        case .horizon: "--horizon"
        case .allowShort: "--allow-short"
        case .trend: "--trend"
        case .season: "--season"
        case .filter: "--where"
        case .createdColumn: "--created-column"
        case .solvedColumn: "--solved-column"
        case .filterColumn: "--where COLUMN=VALUE"
        case .preset: "a --preset"
        case .absences: "--absences"
        case .requestedColumn: "--requested-column"
        case .sicknessType: "--sickness-type"
        case .leaveType: "--leave-type"
        }
    }
}
extension NoCheckErrorTopic: UserFacingTopic {}
extension PartialResultErrorTopic: UserFacingTopic {
    static func option(_ term: Term) -> String {
        switch term {
        case .shardRun: "plan simulate --shard"
        case .validationShard: "plan hire --shard or plan cover --shard"
        }
    }
}
extension PolicyErrorTopic: UserFacingTopic {}
extension RunErrorTopic: UserFacingTopic {}
extension WhatIfErrorTopic: UserFacingTopic {
    static func option(_ term: Term) -> String {
        switch term {
        case .timeOff: "--time-off"
        case .addSE: "--add-se"
        case .removeSE: "--remove-se"
        case .inflowFactor: "--inflow-factor"
        case .maxRisk: "--max-risk"
        case .level: "--level"
        case .through: "--through"
        case .leadTime: "--lead-time"
        case .hireLike: "--hire-like"
        case .strict: "--strict"
        }
    }
}

extension CalendarError: UserFacingError {}
extension JSONInputError: UserFacingError {}
extension JSONInputErrors: UserFacingError {}
extension LineMessage: UserFacingError {}
extension OutputError: UserFacingError {
    var userMessage: String { description(folderOption: "--out", force: "give --force to replace it") }
}
extension RunFileError: UserFacingError {}
extension WebhookError: UserFacingError {
    var userMessage: String { description(allowingShared: "give --allow-shared-secret") }
}
extension HistoryError: UserFacingError {}
