import Calendars
import CapacityPolicy

/// One change to a scenario, as `plan whatif` takes them on the command line: what leadership asks
/// about ("if we approve this time off", "with one contractor", "with 20% more cases").
public enum ScenarioEdit: Sendable {
    /// The SE is away on these dates as well.
    case timeOff(name: String, dates: DateRange)
    /// A contractor or a loan from another team, with their country's public holidays; working only
    /// on `dates` when given.
    case addEngineer(name: String, group: String, country: PublicHolidays, dates: DateRange?)
    /// The SE is not available at all.
    case removeEngineer(name: String)
    /// Every expected case count (the daily base and incident spikes) times this factor (> 0).
    case inflowFactor(Double)
    /// Levels decided by another policy; `source` names it in reports.
    case policy(Policy, source: String)

    /// How reports name the edit: "us-09 off 2026-12-21…2026-12-24".
    public var summary: String {
        switch self {
        case .timeOff(let name, let dates): "\(name) off \(dates)"
        case .addEngineer(let name, let group, let country, let dates):
            "\(name) added (\(group), \(country.code)\(dates.map { ", \($0)" } ?? ""))"
        case .removeEngineer(let name): "\(name) removed"
        case .inflowFactor(let factor): "inflow × \(factor)"
        case .policy(_, let source): "policy \(source)"
        }
    }
}
