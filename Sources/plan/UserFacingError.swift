import Backtest
import Calendars
import Calibration
import CapacityPolicy
import History
import InputFormats
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
protocol UserFacingError: Error, CustomStringConvertible {}

extension CalendarError: UserFacingError {}
extension CalibrationError: UserFacingError {}
extension CalendarRangeError: UserFacingError {}
extension JSONInputError: UserFacingError {}
extension JSONInputErrors: UserFacingError {}
extension LineMessage: UserFacingError {}
extension NoCheckError: UserFacingError {}
extension OutputError: UserFacingError {}
extension PartialResultError: UserFacingError {}
extension PolicyError: UserFacingError {}
extension RunError: UserFacingError {}
extension RunFileError: UserFacingError {}
extension WebhookError: UserFacingError {}
extension WhatIfError: UserFacingError {}
extension HistoryError: UserFacingError {}
extension BacktestError: UserFacingError {}
