import Calendars
import OutputFormats

/// The cheapest cover a pool offers for the run's scenario (`plan simulate --pool --max-risk`), as
/// `run.json` keeps it under `cover`, so that the report shows it under "What to arrange, by when"
/// when it is rebuilt from the files alone. `plan cover` computes it; this is only what is shown.
public struct CoverArrangement: Sendable, Codable, Equatable {
    /// "P(level ≥ 4) ≤ 0.2"
    public let limits: String
    public let cost: Double
    public let lowerBound: Double
    /// Every check within the limits on the validation trials, and no check out of the pool's reach.
    public let feasible: Bool
    /// Consecutive days of one option bought in the same number.
    public let purchases: [Purchase]

    public struct Purchase: Sendable, Codable, Equatable {
        public let first: CivilDate
        public let last: CivilDate
        public let option: String
        public let group: String
        public let count: Int
        public let cost: Double

        public init(first: CivilDate, last: CivilDate, option: String, group: String, count: Int, cost: Double) {
            self.first = first
            self.last = last
            self.option = option
            self.group = group
            self.count = count
            self.cost = cost
        }
    }

    enum CodingKeys: String, CodingKey {
        case limits, cost, feasible, purchases
        case lowerBound = "lower_bound"
    }

    public init(limits: String, cost: Double, lowerBound: Double, feasible: Bool, purchases: [Purchase]) {
        self.limits = limits
        self.cost = cost
        self.lowerBound = lowerBound
        self.feasible = feasible
        self.purchases = purchases
    }
}
