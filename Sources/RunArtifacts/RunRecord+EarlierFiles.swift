import Calendars
import Scenarios

// run.json files written before the report said what to arrange by when have no `lead_days` in
// `policy` and no `holidays` in `scenario`. Such a run is still read, as written by a scenario
// with the default lead time and with no holiday marked, rather than refused: a team's folder of
// earlier runs stays usable by `plan report`, `plan diff` and `--previous`.

extension RunRecord.ScenarioFacts {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        path = try c.decode(String.self, forKey: .path)
        sha256 = try c.decode(String.self, forKey: .sha256)
        horizon = try c.decode(RunRecord.Horizon.self, forKey: .horizon)
        warmupDays = try c.decode(Int.self, forKey: .warmupDays)
        checkDays = try c.decode([String].self, forKey: .checkDays)
        closures = try c.decode([RunRecord.Closure].self, forKey: .closures)
        holidays = try c.decodeIfPresent([RunRecord.PublicHoliday].self, forKey: .holidays) ?? []
        windows = try c.decode([RunRecord.Window].self, forKey: .windows)
        groups = try c.decode([RunRecord.Group].self, forKey: .groups)
        checks = try c.decode(Int.self, forKey: .checks)
    }
}

extension RunRecord.PolicyFacts {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        source = try c.decode(String.self, forKey: .source)
        reading = try c.decode(String.self, forKey: .reading)
        levels = try c.decode([RunRecord.LevelFacts].self, forKey: .levels)
        planningRisk = try c.decode(Double.self, forKey: .planningRisk)
        recommendationThreshold = try c.decode(Double.self, forKey: .recommendationThreshold)
        leadDays = try c.decodeIfPresent(Int.self, forKey: .leadDays) ?? Scenario.defaultLeadDays
    }
}
