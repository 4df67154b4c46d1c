import CalendarImport
import Calendars
import InputFormats

/// The team: each SE's group, calendar, weekdays, capacity, time off and rota, and the time-off
/// CSV export that adds to them.
extension ScenarioDecoder {
    /// `dates` is the span whose days `.ics` files are read for; nil when the horizon is unusable,
    /// in which case the files are not read (the horizon's own problem is reported).
    mutating func decodeTeam(
        _ node: JSONNode, groups: [Scenario.Group]?, company: CompanyPlan?, dates: ClosedRange<CivilDate>?
    ) -> [SupportEngineer]? {
        guard let elements = node.elements() else { return nil }
        guard !elements.isEmpty else { node.report("expected at least one SE"); return nil }
        guard elements.count <= ScenarioLimits.teamSize else {
            node.report("the team has \(elements.count) SEs; at most \(ScenarioLimits.teamSize) are supported")
            return nil
        }
        var team: [SupportEngineer] = []
        var firstPath: [String: JSONPath] = [:]
        var valid = true
        for element in elements {
            let nameNode = element.requiredMember("name")
            let name = nameNode?.name()
            if let name, let other = firstPath[name] {
                nameNode?.report("the SE name \"\(name)\" is used twice (also \(other))")
                valid = false
            } else if let name {
                firstPath[name] = element.path
            }
            guard let engineer = decodeEngineer(element, name: name, groups: groups, company: company, dates: dates) else {
                valid = false
                continue
            }
            team.append(engineer)
        }
        if let csvNode = root.member("time_off_csv") {
            valid = addTimeOff(from: csvNode, to: &team, complete: valid) && valid
        }
        return valid ? team : nil
    }

    private mutating func decodeEngineer(
        _ node: JSONNode, name: String?, groups: [Scenario.Group]?, company: CompanyPlan?, dates: ClosedRange<CivilDate>?
    ) -> SupportEngineer? {
        node.rejectUnknownKeys(ScenarioKeys.engineer)
        let groupNode = node.requiredMember("group")
        var group = groupNode?.nonEmptyString()
        if let name = group, let groups, !groups.contains(where: { $0.name == name }) {
            groupNode?.report(Self.undefinedGroup(name, groups: groups))
            group = nil
        }
        let holidays = decodeEngineerHolidays(node, company: company, dates: dates)
        let weekdays = node.member("weekdays").map { $0.weekdays() } ?? SupportEngineer.mondayToFriday
        let capacity = node.member("capacity").map { $0.positiveNumber(atMost: ScenarioLimits.capacityFactor.upperBound) } ?? 1
        let listedTimeOff = node.member("time_off").map(decodeDateRanges) ?? []
        var importedTimeOff: [DateRange]? = []
        if let icsNode = node.member("time_off_ics") {
            importedTimeOff = readICalendar(icsNode, dates: dates).map { Self.ranges(of: $0.timeOffDates) }
        }
        let rota = node.member("rota").map(decodeDates) ?? []
        let fallsSick = node.member("falls_sick").map { $0.bool() } ?? true
        let leaveDays = node.member("leave_days_per_year").map { $0.number(in: ScenarioLimits.leaveDaysPerYear) } ?? .some(nil)
        let joinsNode = node.member("joins"), leavesNode = node.member("leaves")
        let joins = joinsNode.map { $0.date() } ?? .some(nil), leaves = leavesNode.map { $0.date() } ?? .some(nil)
        if let joins = joins ?? nil, let leaves = leaves ?? nil, joins > leaves {
            leavesNode?.report("\(name.map { "\"\($0)\"" } ?? "the SE") leaves on \(leaves), before joining on \(joins); leaves must be on or after joins")
            return nil
        }
        let ramp = node.member("ramp").map { decodeRamp($0, joins: joins) } ?? .some(nil)
        guard let name, let group, let holidays, let weekdays, let capacity, let listedTimeOff, let importedTimeOff, let rota,
              let joins, let leaves, let fallsSick, let leaveDays, let ramp
        else { return nil }
        var engineer = SupportEngineer(
            name: name, group: group, holidays: holidays, workingWeekdays: weekdays, capacity: capacity,
            timeOff: listedTimeOff + importedTimeOff, rota: rota, joins: joins, leaves: leaves, fallsSick: fallsSick, ramp: ramp)
        engineer.leaveDaysPerYear = leaveDays
        return engineer
    }

    private func decodeDateRanges(_ node: JSONNode) -> [DateRange]? {
        guard let ranges = node.elements()?.map({ $0.dateRange() }), !ranges.contains(nil) else { return nil }
        return ranges.compactMap { $0 }
    }

    private func decodeDates(_ node: JSONNode) -> Set<CivilDate>? {
        guard let dates = node.elements()?.map({ $0.date() }), !dates.contains(nil) else { return nil }
        return Set(dates.compactMap { $0 })
    }

    /// The SE's country calendar, or the `.ics` file standing in for it, with the company's edits for
    /// the country and the SE's own.
    private mutating func decodeEngineerHolidays(
        _ node: JSONNode, company: CompanyPlan?, dates: ClosedRange<CivilDate>?
    ) -> HolidayCalendar? {
        let countryNode = node.requiredMember("country")
        let subdivision = node.member("subdivision")?.nonEmptyString()
        guard let countryNode, let code = countryNode.nonEmptyString() else { return nil }
        if node.member("subdivision") != nil, subdivision == nil { return nil }
        guard let country = publicHolidays(code, subdivision: subdivision, at: node.member("subdivision") ?? countryNode) else {
            return nil
        }
        let companyEdits = company?.countryEdits[country.country.code] ?? HolidayEdits()
        let editsNode = node.member("holidays")
        editsNode?.rejectUnknownKeys(ScenarioKeys.engineerHolidays)

        var listed: [Holiday]?
        let source: String
        if let icsNode = editsNode?.member("ics") {
            guard let imported = readICalendar(icsNode, dates: dates) else { return nil }
            listed = imported.holidays.map { Holiday(date: $0.date, name: $0.name) }
            source = files.resolve(icsNode.string() ?? "")
        } else {
            source = country.code
        }
        let known = listed.map { Set($0.map(\.name)) } ?? holidayNames.names(of: country)
        let drop = editsNode?.member("drop").map { decodeDroppedNames($0, known: known, calendar: source) } ?? []
        let add = editsNode?.member("add").map(decodeAddedHolidays) ?? []
        guard let drop, let add else { return nil }
        let dropping = drop.union(companyEdits.drop.intersection(known))
        let adding = companyEdits.add + add
        if let listed {
            return HolidayCalendar(holidays: listed.filter { !dropping.contains($0.name) } + adding, source: source)
        }
        return holidayCalendars.calendar(country, dropping: dropping, adding: adding)
    }

    /// Reads the `.ics` file `node` names for the days in `dates`, recording its warnings; nil after
    /// reporting a file that cannot be read, or when there are no usable dates to read for.
    private mutating func readICalendar(_ node: JSONNode, dates: ClosedRange<CivilDate>?) -> ImportedCalendar? {
        guard let file = files.text(at: node), let dates else { return nil }
        do {
            let imported = try ICalendarReader.read(file.text, source: file.path, horizon: dates)
            warn(imported.warnings, at: node)
            return imported
        } catch {
            node.report(error.description)
            return nil
        }
    }

    /// Adds the rows of the time-off CSV to the SEs they name. When the team is `complete`, a name
    /// that matches no SE is an error; otherwise it may belong to an SE whose entry had a problem.
    private func addTimeOff(from node: JSONNode, to team: inout [SupportEngineer], complete: Bool) -> Bool {
        guard let file = files.text(at: node) else { return false }
        do throws(LineMessages) {
            let csv = try TimeOffCSV(text: file.text, source: file.path)
            if complete { try csv.checkNames(against: team.map(\.name)) }
            for row in csv.rows {
                guard let index = team.firstIndex(where: { $0.name == row.name }) else { continue }
                team[index].timeOff.append(DateRange(row.dates))
            }
            return true
        } catch {
            for problem in error.messages { node.report(problem.description) }
            return false
        }
    }

    /// Sorted dates as runs of consecutive days: a week of leave is one range, not seven.
    static func ranges(of dates: [CivilDate]) -> [DateRange] {
        var ranges: [DateRange] = []
        var runStart: CivilDate?
        var previous: CivilDate?
        for date in dates {
            if let start = runStart, let last = previous, last.adding(days: 1) != date {
                ranges.append(DateRange(start...last))
                runStart = date
            } else if runStart == nil {
                runStart = date
            }
            previous = date
        }
        if let start = runStart, let last = previous { ranges.append(DateRange(start...last)) }
        return ranges
    }
}
