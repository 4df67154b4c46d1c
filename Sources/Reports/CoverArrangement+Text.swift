import Calendars
import OutputFormats
import RunArtifacts

extension CoverArrangement {
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
