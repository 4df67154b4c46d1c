import Calendars
import OutputFormats
import Scenarios
import Simulation

/// The assumptions behind a run in plain words — sickness, inflow, work, contingency effects —
/// for the terminal summary and `run.json`, because a probability means little to a reader who
/// does not know what it assumed.
struct AssumptionSummary {
    let sentences: [String]

    init(_ model: SimulationModel) {
        let s = model.scenario
        var sentences: [String] = []

        let sickness = s.sickness
        if sickness.dailyStartProbability == 0 {
            sentences.append("Sickness: none.")
        } else {
            // Inverse of p0 = sick days per year / 365 / mean spell days (docs/MODEL.md §3).
            let sickDays = sickness.dailyStartProbability * 365 * sickness.meanSpellDays
            let severity = sickness.severityCV == 0
                ? "the same every season"
                : "season severity varies with CV \(NumberFormat.plain(sickness.severityCV))"
            sentences.append("Sickness: about \(NumberFormat.fixed(sickDays, 1)) sick days a year per SE, in spells of "
                + "\(NumberFormat.plain(sickness.meanSpellDays)) days on average; \(severity).")
        }

        let inflow = s.inflow
        var parts = ["\(NumberFormat.plain(inflow.basePerDay)) cases a day"]
        let factors = Weekday.allCases.map { inflow.weekdayFactors[$0] ?? 1 }
        if factors.contains(where: { $0 != 1 }) {
            parts.append("weekday factors " + zip(Weekday.allCases, factors).map { "\($0.abbreviation) \(NumberFormat.plain($1))" }.joined(separator: ", "))
        }
        if inflow.holidayFactor != 1 && !inflow.holidayCalendars.isEmpty {
            parts.append("×\(NumberFormat.plain(inflow.holidayFactor)) on \(inflow.holidayCalendars.map(\.source).joined(separator: " or ")) public holidays")
        }
        if inflow.demandCV > 0 { parts.append("demand shock CV \(NumberFormat.plain(inflow.demandCV))") }
        parts.append(inflow.dispersion.map { "negative binomial with dispersion \(NumberFormat.plain($0))" } ?? "Poisson")
        if inflow.spikeProbability > 0 {
            parts.append("incident spikes of \(NumberFormat.plain(inflow.spikeMean)) cases on \(NumberFormat.plain(inflow.spikeProbability * 100))% of days")
        }
        sentences.append("Inflow: " + parts.joined(separator: "; ") + ".")

        let initial: String
        switch s.initialOpenCases {
        case .fixed(let n): initial = "\(n) open cases"
        case .poissonMean(let mean): initial = "Poisson(\(NumberFormat.plain(mean))) open cases"
        }
        let start = s.warmupDays == 0 ? "at the start of the horizon" : "at the start of a \(s.warmupDays)-day warm-up"
        sentences.append("Work: each SE resolves \(NumberFormat.plain(s.resolvePerShift)) cases a shift on average; \(initial) \(start).")

        if s.effects.isEmpty {
            sentences.append("Effects: none; levels are declared but change nothing (open loop).")
        } else {
            let effects = s.effects.keys.sorted().map { level -> String in
                let e = s.effects[level]!
                var changes: [String] = []
                if e.capacityMultiplier != 1 { changes.append("capacity ×\(NumberFormat.plain(e.capacityMultiplier))") }
                if e.extraResolutionsPerDay != 0 { changes.append("+\(NumberFormat.plain(e.extraResolutionsPerDay)) resolutions a day") }
                if e.divertedShare != 0 { changes.append("diverts \(NumberFormat.plain(e.divertedShare * 100))% of new cases") }
                return "level \(level) " + (changes.isEmpty ? "nothing" : changes.joined(separator: " and "))
            }
            sentences.append("Effects (closed loop): " + effects.joined(separator: "; ") + ".")
        }
        self.sentences = sentences
    }
}
