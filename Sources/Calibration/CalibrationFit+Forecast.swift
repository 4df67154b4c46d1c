import Calendars
import Foundation
import InputFormats
import OutputFormats
import Scenarios

extension CalibrationFit {
    /// `plan calibrate … --write F --horizon START..END`: the fitted scenario made ready to forecast
    /// from the end of the history. Its horizon is `horizon`; its starting backlog is the open
    /// cases the export shows at the last check on or before `--to` (the history's last day), and
    /// the simulation starts at that check: the days between it and `horizon.first` are warm-up
    /// days (none when the horizon starts the day after a check day), not a guessed warm-up.
    ///
    /// Throws when the horizon does not start after `--to` or no check falls in the history.
    public func forecastScenario(scenarioText: String, source: String, horizon: DateRange, writtenTo target: String? = nil) throws -> (text: String, note: String) {
        let days = request.days
        guard horizon.first > days.last else {
            throw CalibrationError("\(term: .horizon) \(horizon.first)..\(horizon.last) must start after \(term: .to) \(days.last): the forecast starts where the history ends")
        }
        guard ScenarioLimits.horizonDays.contains(horizon.dayCount) else {
            throw CalibrationError("\(term: .horizon) \(horizon.first)..\(horizon.last) has \(horizon.dayCount) days; a horizon has 1 to \(ScenarioLimits.horizonDays.upperBound)")
        }
        let scenario = request.scenario
        guard let lastCheckDay = (0..<days.dayCount).reversed().first(where: { scenario.isCheckDay(days.first.adding(days: $0)) }) else {
            throw CalibrationError("no check day in \(term: .from) \(days.first) \(term: .to) \(days.last): the starting backlog is read at the last check")
        }
        let checkDate = days.first.adding(days: lastCheckDay)
        let warmup = horizon.first.dayNumber - checkDate.dayNumber - 1
        guard ScenarioLimits.warmupDays.contains(warmup) else {
            throw CalibrationError("\(term: .horizon) starts \(warmup) days after the last check (\(checkDate)); at most \(ScenarioLimits.warmupDays.upperBound) days can be simulated in between")
        }
        var root = try parseJSONDocument(try rewrite(scenarioText: scenarioText, source: source, writtenTo: target), source: source).value
        root = root.setting(["horizon", "start"], to: .string(horizon.first.description))
        root = root.setting(["horizon", "end"], to: .string(horizon.last.description))
        root = root.setting(["warmup_days"], to: .number(Double(warmup), text: String(warmup)))
        root = root.setting(["as_of"], to: .string(days.last.description))
        let open = openAtDayEnd[lastCheckDay]
        root = root.setting(["initial_open_cases"], to: .number(Double(open), text: String(open)))
        let known = knownFutureLeave
        root = Self.addingTimeOff(known.map { ($0.name, $0.dates) }, to: root)
        let note = "the forecast starts from \(open) open cases at the \(checkDate) \(clock.windows.last!.name) check"
            + (warmup > 0 ? ", with \(warmup) warm-up day\(warmup == 1 ? "" : "s") to \(horizon.first)" : "")
            + "; \(known.count) known leave spell\(known.count == 1 ? "" : "s") after \(days.last) added as time off"
            + (leave == nil && scenario.unbookedLeave == nil ? "; no unbooked-leave model (no leave in the absences)" : "; leave booked after \(days.last) drawn by unbooked_leave")
        return (try root.prettyPrinted + "\n", note)
    }
    /// Leave in the absence export that lies after `--to` and was booked by then (no requested
    /// date, or one on or before `--to`): known to the forecast. The part after `--to` of each
    /// such row. Leave booked later is the unbooked-leave model's to draw.
    public var knownFutureLeave: [(name: String, dates: DateRange)] {
        guard let absences = request.absences else { return [] }
        let end = request.days.last
        return absences.rows.compactMap { row in
            guard row.dates.upperBound > end, request.kind(of: row) == .leave, row.requested.map({ $0 <= end }) ?? true,
                  request.scenario.team.contains(where: { $0.name == row.name }) else { return nil }
            return (row.name, DateRange(max(row.dates.lowerBound, end.adding(days: 1))...row.dates.upperBound))
        }
    }

    /// `root` with each (name, dates) appended to the `time_off` of the SE of that name in `team`.
    static func addingTimeOff(_ leave: [(String, DateRange)], to root: JSONValue) -> JSONValue {
        guard !leave.isEmpty, case .object(var members) = root, let t = members.firstIndex(where: { $0.key == "team" }),
              case .array(var engineers) = members[t].value.value else { return root }
        for (i, engineer) in engineers.enumerated() {
            guard case .object(var fields) = engineer.value, let nameField = fields.first(where: { $0.key == "name" }),
                  case .string(let name) = nameField.value.value else { continue }
            let ranges = leave.filter { $0.0 == name }.map { JSONValue.Located(.string($0.1.first == $0.1.last ? "\($0.1.first)" : "\($0.1.first)..\($0.1.last)")) }
            guard !ranges.isEmpty else { continue }
            if let f = fields.firstIndex(where: { $0.key == "time_off" }), case .array(let existing) = fields[f].value.value {
                fields[f].value = JSONValue.Located(.array(existing + ranges))
            } else {
                fields.append(("time_off", JSONValue.Located(.array(ranges))))
            }
            engineers[i] = JSONValue.Located(.object(fields))
        }
        members[t].value = JSONValue.Located(.array(engineers))
        return .object(members)
    }
}
