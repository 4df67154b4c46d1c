import OutputFormats

extension CalibrationFit {
    /// The terminal report: each fitted key with its estimate and 95% interval, the method
    /// sentences, a goodness-of-fit line per part, and the notes (the warnings go to standard error).
    public var text: String {
        let days = request.days
        var lines = [
            "Calibrated from \(createdPerDay.reduce(0, +)) cases created \(days.first)…\(days.last) (\(days.dayCount) days) in \(request.ticketFiles.joined(separator: ", "))",
            "",
        ]
        func row(_ key: String, _ e: Estimate) -> String {
            "  " + key.column(34) + NumberFormat.fixed(e.value, 3).leftPadded(to: 9) + "  [" + Self.bound(e.low, 3) + ", " + Self.bound(e.high, 3) + "]"
        }
        func section(_ title: String, _ keys: [FittedKey], fit: [String]) {
            lines.append(title + " (estimate, 95% interval)")
            // One method line per key, or per family of keys (weekday_factors, arrival_shares).
            var methods: [(label: String, method: String)] = []
            for key in keys {
                guard let e = key.estimate else { continue }
                lines.append(row(key.path.dropFirst(key.path.count > 1 ? 1 : 0).joined(separator: "."), e))
                let label = key.path.count >= 3 ? key.path[1] : key.path.last!
                if !methods.contains(where: { $0.label == label }) { methods.append((label, e.method)) }
            }
            lines += methods.map { "    how (\($0.label)): \($0.method)" }
            lines += fit.map { "    fit: " + $0 }
            lines.append("")
        }
        let keys = fittedKeys
        let fits = Dictionary(uniqueKeysWithValues: goodnessOfFit.map { ($0.part, $0.lines) })
        let inflowKeys = keys.filter { $0.path.first == "inflow" && $0.path.count > 1 && $0.path[1] != "arrival_shares" }
        section("Inflow", inflowKeys, fit: fits["Inflow"] ?? [])
        section("Arrival shares", keys.filter { $0.path.count > 1 && $0.path[1] == "arrival_shares" }, fit: [])
        if resolution != nil { section("Resolution", keys.filter { $0.path == ["resolve_per_shift"] }, fit: fits["Resolution"] ?? []) }
        if sickness != nil { section("Sickness", keys.filter { $0.path.first == "sickness" }, fit: fits["Sickness"] ?? []) }
        if leave != nil { section("Unbooked leave", keys.filter { $0.path.first == "unbooked_leave" }, fit: fits["Unbooked leave"] ?? []) }
        if let attrition {
            section("Attrition", keys.filter { $0.path.first == "attrition" }, fit: attrition.groups.map {
                "\($0.group): \($0.leavers) leaver\($0.leavers == 1 ? "" : "s") over \(NumberFormat.fixed($0.seYears, 1)) SE-years"
            } + (attrition.outside > 0 ? ["\(attrition.outside) leavers outside the range left out"] : []))
        }
        lines += notes.map { "note: " + $0 }
        return lines.joined(separator: "\n").trimmingTrailingSpaces + "\n"
    }

    /// The goodness-of-fit lines of each part (the `fit:` lines README tells the reader to check):
    /// observed against fitted means per weekday and the dispersion test for the inflow, the usable
    /// segments for the resolution, the spells for sickness. The text and the page both show them.
    public var goodnessOfFit: [(part: String, lines: [String])] {
        let profile = inflow.weekdayMeans.map { "\($0.weekday.abbreviation) \(NumberFormat.fixed($0.observed, 1))/\(NumberFormat.fixed($0.fitted, 1))" }
        let distribution = inflow.dispersion.map { "negative binomial, k = \(NumberFormat.fixed($0.value, 2))" }
            ?? "Poisson (no over-dispersion detected: likelihood-ratio p = \(InflowFit.pValueText(inflow.dispersionPValue)))"
        let trend = inflow.trend.map { t in
            "trend: \(NumberFormat.fixed(100 * t.perYear.value, 1))% a year [\(Self.bound(t.perYear.low.map { 100 * $0 }, 1))%, \(Self.bound(t.perYear.high.map { 100 * $0 }, 1))%], "
                + "likelihood-ratio p = \(InflowFit.pValueText(t.pValue)) against none; \(inflow.trendWritten ? "written (trend_reference \(request.days.last))" : "not written")"
        } ?? "trend: not fitted"
        var parts = [(part: "Inflow", lines: [
            "observed/fitted mean cases on an ordinary day: " + profile.joined(separator: ", "),
            "distribution: \(distribution); Pearson χ²/df = \(NumberFormat.fixed(inflow.pearsonRatio, 2)) (about 1 when the model fits)",
            trend,
        ])]
        if let resolution {
            parts.append(("Resolution", ["\(resolution.usableSegments) of \(resolution.segments) segments usable (backlog above zero and SEs working)"]))
        }
        if let sickness { parts.append(("Sickness", ["\(sickness.spells) spells, \(sickness.sickDays) sick days in the range"])) }
        if let leave {
            let bins = leave.leadTime.map { bins in
                "\(leave.bookings) bookings with a requested date; lead-time bins up to " + bins.map { "\($0.upTo)" }.joined(separator: ", ") + " days"
            } ?? "no booking dates: lead time assumed (see the notes)"
            parts.append(("Unbooked leave", ["\(leave.spells) leave spells, \(leave.leaveDays) leave days in the range; \(bins); written with as_of \(request.days.last)"]))
        }
        return parts
    }
}
