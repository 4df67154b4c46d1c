import CalendarImport
import Calendars
import CapacityPolicy
import InputFormats

/// Interprets a parsed scenario file section by section. Each section records its problems in the
/// document's log and returns nil when it is unusable; sections that depend on another (the team
/// on the groups, the effects on the policy) skip the checks their input cannot support, so that
/// one mistake is reported once rather than echoed by everything downstream.
struct ScenarioDecoder {
    let root: JSONNode
    let files: ReferencedFiles
    let holidayNames = HolidayNameCache()
    let holidayCalendars = HolidayCalendarCache()
    private(set) var warnings: [ScenarioWarning] = []

    static let maximumHorizonDays = ScenarioLimits.horizonDays.upperBound
    static let warmupDays = ScenarioLimits.warmupDays

    init(root: JSONNode, files: ReferencedFiles) {
        self.root = root
        self.files = files
    }

    /// The scenario, or nil when anything was reported.
    mutating func decode() -> Scenario? {
        root.rejectUnknownKeys(ScenarioKeys.root)
        _ = root.member("$schema")?.string()
        let name = root.requiredMember("name").flatMap(decodeName)
        let description = root.member("description").map { $0.text(maximumLength: ScenarioLimits.descriptionLength, allowingEmpty: true) } ?? ""
        let horizon = root.requiredMember("horizon").flatMap(decodeHorizon)
        let warmupDays = root.member("warmup_days").map { $0.int(in: Self.warmupDays) } ?? 0
        let simulated = horizon.flatMap { horizon in warmupDays.flatMap { simulatedDates(horizon: horizon, warmupDays: $0) } }
        let checkDays = root.member("check_days").map { $0.weekdays() } ?? SupportEngineer.mondayToFriday
        let windows = root.member("windows").map(decodeWindows) ?? CheckWindow.handbook
        let groups = root.member("groups").map(decodeGroups) ?? Scenario.Group.defaults
        let company = root.member("company").map { decodeCompany($0, groups: groups, dates: simulated) } ?? CompanyPlan()
        var team: [SupportEngineer]?
        if let node = root.requiredMember("team") { team = decodeTeam(node, groups: groups, company: company, dates: simulated) }
        let sickness = root.member("sickness").map(decodeSickness) ?? Scenario.Sickness.none
        let inflow = root.requiredMember("inflow").flatMap { decodeInflow($0, windows: windows, simulated: simulated) }
        let resolvePerShift = root.member("resolve_per_shift").map { $0.number(in: ScenarioLimits.casesPerDay) } ?? 3
        let initialOpenCases = root.member("initial_open_cases").map(decodeInitialBacklog) ?? .fixed(0)
        let policy = decodePolicy(groups: groups)
        let effects = root.member("effects").map { decodeEffects($0, levelCount: policy?.policy.levels.count) } ?? [:]
        let planningRisk = root.member("planning_risk").map(openProbability) ?? 0.10
        let threshold = root.member("recommendation_threshold").map(openProbability) ?? 0.25
        let leadDays = root.member("lead_days").map { $0.int(in: ScenarioLimits.leadDays) } ?? Scenario.defaultLeadDays
        let asOf = root.member("as_of").map { decodeAsOf($0, simulated: simulated) } ?? .some(nil)
        let unbookedLeave = root.member("unbooked_leave").map { decodeUnbookedLeave($0, asOf: asOf) } ?? .some(nil)
        let attrition = root.member("attrition").map { decodeAttrition($0, groups: groups) } ?? [:]

        guard root.log.issues.isEmpty, let name, let description, let horizon, let warmupDays, let checkDays, let windows,
              let groups, let calendar = company?.calendar, let team, let sickness, let inflow, let resolvePerShift,
              let initialOpenCases, let policy, let effects, let planningRisk, let threshold, let leadDays, let asOf, let unbookedLeave, let attrition
        else { return nil }
        // A horizon without a check would run and report nothing: say so instead.
        let hasCheck = horizon.days.contains { checkDays.contains($0.weekday) && calendar.closure(on: $0) == nil }
        guard hasCheck else {
            root.member("horizon")?.report("the horizon \(horizon) has no check day (check days are \(checkDays.sorted().map(\.abbreviation).joined(separator: ", ")), closures have none); there would be nothing to estimate")
            return nil
        }
        var scenario = Scenario(
            name: name, description: description, horizon: horizon, warmupDays: warmupDays, checkDays: checkDays,
            windows: windows, groups: groups, team: team, company: calendar, sickness: sickness, inflow: inflow,
            resolvePerShift: resolvePerShift, initialOpenCases: initialOpenCases, effects: effects,
            policy: policy.policy, policySource: policy.source, planningRisk: planningRisk,
            recommendationThreshold: threshold, leadDays: leadDays)
        scenario.asOf = asOf
        scenario.unbookedLeave = unbookedLeave
        scenario.attrition = attrition
        return scenario
    }

    /// The name names the output folder (`notebooks-output/<name>/`), so it must be a safe file name.
    private func decodeName(_ node: JSONNode) -> String? {
        guard let name = node.name() else { return nil }
        func allowed(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
        }
        guard name.unicodeScalars.allSatisfy(allowed), !name.hasPrefix(".") else {
            // The suggestion keeps the allowed characters and turns each run of others into one "-",
            // trimmed at both ends.
            var suggestion = ""
            for c in name.unicodeScalars {
                if allowed(c) { suggestion.unicodeScalars.append(c) } else if !suggestion.hasSuffix("-") { suggestion += "-" }
            }
            suggestion = String(suggestion.drop { $0 == "." || $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
            let example = suggestion.isEmpty ? "" : "; for example \"\(suggestion)\""
            node.report("The scenario name \"\(name)\" cannot be used, because it names the output folder: "
                + "use only letters, digits, \"-\", \"_\" and \".\", and do not begin with \".\"\(example).")
            return nil
        }
        return name
    }

    /// A probability strictly between 0 and 1 (the planning risk), or up to 1 (a threshold).
    private func openProbability(_ node: JSONNode) -> Double? {
        guard let p = node.probability() else { return nil }
        guard p > 0 else { node.report("expected a number > 0 and ≤ 1, found 0"); return nil }
        return p
    }

    /// Records an `.ics` file's warnings against the JSON path that referred to it.
    mutating func warn(_ imported: [ImportWarning], at node: JSONNode) {
        warnings += imported.map {
            ScenarioWarning(source: node.log.source, line: node.line, path: node.path, message: $0.description)
        }
    }
}
