import Calendars
import Foundation
import InputFormats
import OutputFormats
import Scenarios

/// The fitted numbers as scenario keys, by JSON path, as `--format json` and `--write` put them.
public struct FittedKey: Sendable {
    /// The keys from the scenario's root: `["inflow", "weekday_factors", "Mon"]`.
    public let path: [String]
    public let value: JSONValue
    public let estimate: Estimate?
    /// Reported with its interval but not written as such: a lead-time bin's share, which the
    /// scenario holds inside `booking_lead_days`'s array.
    public var reportOnly = false

    /// `/inflow/weekday_factors/Mon`.
    public var pointer: String { "/" + path.joined(separator: "/") }
}

extension CalibrationFit {
    /// Decimals written for every fitted number: far below any interval's width.
    static let decimals = 4

    static func rounded(_ value: Double) -> Double { Double(NumberFormat.fixed(value, decimals))! }

    static func number(_ value: Double) -> JSONValue {
        let r = rounded(value)
        return .number(r, text: NumberFormat.plain(r))
    }

    /// A bound as the text and HTML reports write it: its number, or "not computed" in words (the
    /// warnings say why).
    static func bound(_ value: Double?, _ digits: Int) -> String {
        value.map { NumberFormat.fixed($0, digits) } ?? "not computed"
    }

    /// `warnings`, then one for each interval bound that could not be computed, with why.
    public var allWarnings: [String] { warnings + Self.missingBounds(fittedKeys) }

    /// "/resolve_per_shift: no upper bound: the 97.5% quantile of … could not be computed: …".
    static func missingBounds(_ keys: [FittedKey]) -> [String] {
        keys.flatMap { key in (key.estimate?.missing ?? []).map { "\(key.pointer): \($0)" } }
    }

    /// An interval in the JSON fragment: `[low, high]`, null for a bound that could not be computed.
    static func interval(_ estimate: Estimate) -> JSONValue {
        .array([estimate.low, estimate.high].map { JSONValue.Located($0.map(number) ?? .null) })
    }

    /// Every key the calibration fitted, in the order a scenario lists them.
    public var fittedKeys: [FittedKey] {
        var keys: [FittedKey] = []
        func add(_ path: [String], _ estimate: Estimate) {
            keys.append(FittedKey(path: path, value: Self.number(estimate.value), estimate: estimate))
        }
        add(["inflow", "base_per_day"], inflow.basePerDay)
        for (day, factor) in inflow.weekdayFactors.sorted(by: { $0.key < $1.key }) { add(["inflow", "weekday_factors", day.abbreviation], factor) }
        if let holiday = inflow.holidayFactor { add(["inflow", "holiday_factor"], holiday) }
        if let demandCV = inflow.demandCV { add(["inflow", "demand_cv"], demandCV) }
        let monthNames = CivilDate.monthAbbreviations
        for (month, factor) in (inflow.season?.factors ?? [:]).sorted(by: { $0.key < $1.key }) { add(["inflow", "month_factors", monthNames[month - 1]], factor) }
        if inflow.trendWritten, let trend = inflow.trend {
            add(["inflow", "trend_per_year"], trend.perYear)
            keys.append(FittedKey(path: ["inflow", "trend_reference"], value: .string(request.days.last.description), estimate: nil))
        }
        keys.append(FittedKey(path: ["inflow", "distribution"], value: .string(inflow.dispersion == nil ? "poisson" : "negative_binomial"), estimate: nil))
        if let dispersion = inflow.dispersion { add(["inflow", "dispersion"], dispersion) }
        // Rounded shares must still sum to 1 (the scenario checks it): the last takes the remainder.
        var remaining = 1.0
        for (i, (window, share)) in arrivalShares.enumerated() {
            let value = i == arrivalShares.count - 1 ? Self.rounded(remaining) : Self.rounded(share.value)
            remaining -= value
            keys.append(FittedKey(path: ["inflow", "arrival_shares", window], value: .number(value, text: NumberFormat.plain(value)), estimate: share))
        }
        if let resolution { add(["resolve_per_shift"], resolution.resolvePerShift) }
        if let sickness {
            add(["sickness", "sick_days_per_year"], sickness.sickDaysPerYear)
            add(["sickness", "mean_spell_days"], sickness.meanSpellDays)
            if let severity = sickness.severityCV { add(["sickness", "severity_cv"], severity) }
        }
        if let leave {
            keys.append(FittedKey(path: ["as_of"], value: .string(request.days.last.description), estimate: nil))
            add(["unbooked_leave", "days_per_year"], leave.daysPerYear)
            add(["unbooked_leave", "mean_spell_days"], leave.meanSpellDays)
            for (month, factor) in leave.monthFactors.sorted(by: { $0.key < $1.key }) { add(["unbooked_leave", "month_factors", monthNames[month - 1]], factor) }
            if let bins = leave.leadTime {
                // Rounded shares must still sum to 1: the last takes the remainder.
                var remaining = 1.0
                var written: [JSONValue.Located] = []
                for (i, bin) in bins.enumerated() {
                    let share = i == bins.count - 1 ? Self.rounded(remaining) : Self.rounded(bin.share.value)
                    remaining -= share
                    written.append(JSONValue.Located(.object([
                        ("up_to", JSONValue.Located(.number(Double(bin.upTo), text: String(bin.upTo)))),
                        ("share", JSONValue.Located(.number(share, text: NumberFormat.plain(share)))),
                    ])))
                    var key = FittedKey(path: ["unbooked_leave", "booking_lead_days", String(i), "share"], value: Self.number(bin.share.value), estimate: bin.share)
                    key.reportOnly = true
                    keys.append(key)
                }
                keys.append(FittedKey(path: ["unbooked_leave", "booking_lead_days"], value: .array(written), estimate: nil))
            }
        }
        for group in attrition?.groups ?? [] { add(["attrition", group.group, "rate_per_year"], group.rate) }
        return keys
    }

    /// Keys of the team scenario that the fitted ones replace: a Poisson fit drops a dispersion, and
    /// a fitted `sick_days_per_year` replaces a `daily_start_probability`.
    var replacedKeys: [[String]] {
        var keys: [[String]] = []
        if inflow.dispersion == nil { keys.append(["inflow", "dispersion"]) }
        if !inflow.trendWritten { keys += [["inflow", "trend_per_year"], ["inflow", "trend_reference"]] }
        if sickness != nil { keys.append(["sickness", "daily_start_probability"]) }
        return keys
    }

    /// `--format json`: `{"inflow": {…}, "resolve_per_shift": x, "sickness": {…}, "intervals": {path: [low, high]}, "notes": […]}`;
    /// a bound that could not be computed is null, and a note says why.
    public var fragmentJSON: String {
        get throws(NonFiniteNumberError) {
            var root = JSONValue.object([])
            let keys = fittedKeys
            for key in keys where !key.reportOnly { root = root.setting(key.path, to: key.value) }
            let intervals = keys.compactMap { key in key.estimate.map { (key.pointer, JSONValue.Located(Self.interval($0))) } }
            root = root.setting(["intervals"], to: .object(intervals))
            root = root.setting(["notes"], to: .array((allWarnings + notes).map { JSONValue.Located(.string($0)) }))
            return try root.prettyPrinted + "\n"
        }
    }

    /// `--write`: the team scenario's text with the fitted keys replaced (other keys and their order
    /// kept). Written to `target` in another folder than `source`'s, the file leaves out `$schema`,
    /// whose relative path would be wrong there, and names the files it refers to from its own
    /// folder (`ScenarioFileReferences`).
    public func rewrite(scenarioText: String, source: String, writtenTo target: String? = nil) throws -> String {
        var root = try parseJSONDocument(scenarioText, source: source).value
        for key in fittedKeys where !key.reportOnly { root = root.setting(key.path, to: key.value) }
        for path in replacedKeys { root = root.removing(path) }
        root = Self.moved(root, from: source, to: target)
        return try root.prettyPrinted + "\n"
    }

    /// `root`, read from `source`, as written to `target`: without `$schema` and with its file
    /// references rebased when the folders differ.
    static func moved(_ root: JSONValue, from source: String, to target: String?) -> JSONValue {
        func folder(_ path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path }
        guard let target, folder(target) != folder(source) else { return root }
        return ScenarioFileReferences.rebased(root.removing(["$schema"]), from: folder(source), to: folder(target))
    }
}
