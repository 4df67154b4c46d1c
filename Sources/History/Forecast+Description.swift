import OutputFormats

extension Forecast: CustomStringConvertible {
    /// One line naming the run for people: its id's first 12 digits, scenario, seed, trials, checks
    /// (with their first and last date) and when it was made.
    public var description: String {
        let span = checks.first.map { first in " \(first.date)…\(checks.last!.date)" } ?? ""
        return "run \(runID.prefix(12)) (\(kind?.rawValue ?? "kind not recorded"): \(scenarioName), seed \(seed), \(NumberFormat.thousands(trials)) trials, "
            + "\(checks.count) checks\(span), made \(madeAt))"
    }
}
