import Calendars
import Foundation
import InputFormats
import Scenarios

extension Calibration {
    /// `plan calibrate … --write F --horizon START..END`: the fitted scenario made ready to forecast
    /// from the end of the history. Its horizon is `horizon`; its starting backlog is the open
    /// cases the export shows at the last check on or before `--to` (the history's last day), and
    /// the simulation starts at that check: the days between it and `horizon.first` are warm-up
    /// days (none when the horizon starts the day after a check day), not a guessed warm-up.
    ///
    /// Throws when the horizon does not start after `--to` or no check falls in the history.
    public func forecastScenario(scenarioText: String, source: String, horizon: DateRange, droppingSchema: Bool) throws -> (text: String, note: String) {
        let days = request.days
        guard horizon.first > days.last else {
            throw CalibrationError("--horizon \(horizon.first)..\(horizon.last) must start after --to \(days.last): the forecast starts where the history ends")
        }
        guard ScenarioLimits.horizonDays.contains(horizon.dayCount) else {
            throw CalibrationError("--horizon \(horizon.first)..\(horizon.last) has \(horizon.dayCount) days; a horizon has 1 to \(ScenarioLimits.horizonDays.upperBound)")
        }
        let scenario = request.scenario
        guard let lastCheckDay = (0..<days.dayCount).reversed().first(where: { scenario.isCheckDay(days.first.adding(days: $0)) }) else {
            throw CalibrationError("no check day in --from \(days.first) --to \(days.last): the starting backlog is read at the last check")
        }
        let checkDate = days.first.adding(days: lastCheckDay)
        let warmup = horizon.first.dayNumber - checkDate.dayNumber - 1
        guard ScenarioLimits.warmupDays.contains(warmup) else {
            throw CalibrationError("--horizon starts \(warmup) days after the last check (\(checkDate)); at most \(ScenarioLimits.warmupDays.upperBound) days can be simulated in between")
        }
        var root = try parseJSONDocument(try rewrite(scenarioText: scenarioText, source: source, droppingSchema: droppingSchema), source: source).value
        root = root.setting(["horizon", "start"], to: .string(horizon.first.description))
        root = root.setting(["horizon", "end"], to: .string(horizon.last.description))
        root = root.setting(["warmup_days"], to: .number(Double(warmup), text: String(warmup)))
        let open = openAtDayEnd[lastCheckDay]
        root = root.setting(["initial_open_cases"], to: .number(Double(open), text: String(open)))
        let note = "the forecast starts from \(open) open cases at the \(checkDate) \(clock.windows.last!.name) check"
            + (warmup > 0 ? ", with \(warmup) warm-up day\(warmup == 1 ? "" : "s") to \(horizon.first)" : "")
        return (root.prettyPrinted + "\n", note)
    }
}
