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

    /// One sentence per purchase, soonest "brief by" first: "Brief by Wed Dec 16: 2 us-contractor
    /// (us) on Dec 22–24, cost 2,400."
    func lines(briefBy: (CivilDate) -> CivilDate, day: (CivilDate) -> String) -> [String] {
        purchases.sorted { (briefBy($0.first), $0.first) < (briefBy($1.first), $1.first) }.map { p in
            "Brief by \(day(briefBy(p.first))): \(p.count) \(p.option) (\(p.group)) "
                + "\(p.first == p.last ? "on \(TerminalSummary.range(p.first, p.last))" : "on \(TerminalSummary.range(p.first, p.last)) (each day)"), cost \(Self.money(p.cost))."
        }
    }

    /// The sentence before the purchases.
    var heading: String {
        "Cheapest cover from the pool for \(limits) at every check: cost \(Self.money(cost)) (lower bound \(Self.money(lowerBound)))"
            + (feasible ? ", validated on independent trials" : "; INFEASIBLE or not validated, see plan cover")
            + (purchases.isEmpty ? "; nothing to buy." : ":")
    }

    static func money(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? NumberFormat.thousands(Int(value)) : NumberFormat.fixed(value, 2)
    }
}
