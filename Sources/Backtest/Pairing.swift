import Calendars

/// Which forecasts a declared check is scored against.
public enum Pairing: Sendable, Equatable {
    /// The latest forecast made before the check within the lead range: what the team had in hand.
    case latest
    /// Every such forecast, each scored on its own (a forecast made a month ahead and one made a
    /// day ahead both count).
    case each

    /// The pairs of `declared` checks with `forecasts` of the same date and window, made before
    /// the check and `lead` days ahead (whole days between the dates), in the order of `declared`.
    ///
    /// - Complexity: O(declared + forecasts) with hashing, plus sorting each check's candidates.
    public func pairs(_ declared: [DeclaredLevel], _ forecasts: [LevelForecast], lead: ClosedRange<Int>) -> [ForecastPair] {
        struct Key: Hashable {
            let date: CivilDate
            let window: String
        }
        var byCheck: [Key: [LevelForecast]] = [:]
        for forecast in forecasts { byCheck[Key(date: forecast.date, window: forecast.window), default: []].append(forecast) }
        var pairs: [ForecastPair] = []
        for check in declared {
            let candidates = (byCheck[Key(date: check.date, window: check.window)] ?? [])
                .filter { $0.madeAt < check.moment && lead.contains($0.madeAt.date.days(to: check.date)) }
                .sorted { ($0.madeAt, $0.runID) < ($1.madeAt, $1.runID) }
            switch self {
            case .latest: if let last = candidates.last { pairs.append(ForecastPair(declared: check, forecast: last)) }
            case .each: pairs += candidates.map { ForecastPair(declared: check, forecast: $0) }
            }
        }
        return pairs
    }
}
