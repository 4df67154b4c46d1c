import InputFormats
import CalendarImport
import Calendars
import Foundation
import OutputFormats
import Scenarios
import Statistics

/// What `plan calibrate` is asked: the team scenario, the range of history, the exports and how to
/// read them.
public struct CalibrationRequest: Sendable {
    public var scenario: Scenario
    public var days: DateRange
    public var ticketFiles: [String]
    public var columns: TicketColumns
    public var filters: [RowFilter]
    public var zone: TimeZone
    public var absences: TimeOffCSV?
    /// `--sickness-type` (and the older `--absence-type`): absence types read as sickness besides
    /// `CalibrationFit.sicknessTypes`, compared ignoring case.
    public var sicknessTypes: [String]
    public var allowShort: Bool
    /// `--trend`: fit and write a trend when significant (default), always, or never.
    public var trend: InflowFit.TrendMode
    /// `--season`: fit month-of-year factors with a year or more of history (default), always, or never.
    public var season: InflowFit.TrendMode = .auto
    /// `--leave-type`: absence types read as leave besides `CalibrationFit.leaveTypes`, compared ignoring case.
    public var leaveTypes: [String] = []

    public init(
        scenario: Scenario, days: DateRange, ticketFiles: [String], columns: TicketColumns = .plain, filters: [RowFilter] = [],
        zone: TimeZone = TimeZone(identifier: "UTC")!, absences: TimeOffCSV? = nil, absenceType: String? = nil, allowShort: Bool = false,
        trend: InflowFit.TrendMode = .auto
    ) {
        self.scenario = scenario
        self.days = days
        self.ticketFiles = ticketFiles
        self.columns = columns
        self.filters = filters
        self.zone = zone
        self.absences = absences
        sicknessTypes = absenceType.map { [$0] } ?? []
        self.allowShort = allowShort
        self.trend = trend
    }
}

/// The fitted inflow, arrival shares, resolution rate and sickness of a team's history, each with
/// its interval and method, and what the reader should know about the data and the fit.
public struct CalibrationFit: Sendable {
    public let request: CalibrationRequest
    public let clock: SegmentClock
    public let createdPerDay: [Int]
    /// Open cases at the end of each day's last segment (its last check), from the export.
    public let openAtDayEnd: [Int]
    public let isHoliday: [Bool]
    public let inflow: InflowFit
    /// One per window, in the scenario's window order.
    public let arrivalShares: [(window: String, share: Estimate)]
    /// nil when no segment kept a backlog (the scenario's value stays).
    public let resolution: ResolutionFit?
    /// nil without an absence file or without a spell in it (the scenario's values stay).
    public let sickness: SicknessFit?
    /// nil without an absence file or without a leave spell in it (no unbooked-leave model written).
    public let leave: LeaveFit?
    /// nil without a leavers export (the scenario's attrition stays).
    public var attrition: AttritionFit?
    /// Facts about the input (rows ignored, keys kept from the scenario), with the settings they
    /// mention as terms.
    let noteWordings: [CalibrationNote]
    /// Where the fit is poor or the data thin.
    let warningWordings: [CalibrationNote]
    /// How the notes and warnings name a setting of the request: in the library's words by default;
    /// the command-line tool names its options, so that the fit's sentences point at what to type.
    public var settingNames: @Sendable (CalibrationErrorTopic.Term) -> String = CalibrationErrorTopic.words
    public var notes: [String] { noteWordings.map { $0.rendered(settingNames) } }
    public var warnings: [String] { warningWordings.map { $0.rendered(settingNames) } }

    /// Fewer days than this is an error unless `allowShort`: a weekday profile from fewer than 8
    /// of each weekday, and demand shocks from fewer than two 4-week periods, are guesses.
    public static let minimumDays = 56

    /// Reads the exports and fits every part.
    ///
    /// - Complexity: O(rows) time for reading; O(days × (team + segments)) memory.
    public static func run(_ request: CalibrationRequest) throws -> CalibrationFit {
        let days = request.days
        guard days.dayCount >= minimumDays || request.allowShort else {
            throw CalibrationError("\(term: .from) \(days.first) \(term: .to) \(days.last) covers \(days.dayCount) days; calibration needs at least 8 weeks (\(minimumDays) days) of history, or \(term: .allowShort) to fit anyway")
        }
        if request.trend == .on, days.dayCount < TrendFit.minimumDays {
            throw CalibrationError("\(term: .trend) on needs at least 26 weeks (\(TrendFit.minimumDays) days) of history; \(term: .from) \(days.first) \(term: .to) \(days.last) covers \(days.dayCount) days: widen the range, or use \(term: .trend) auto or off")
        }
        if request.season == .on, days.dayCount < SeasonFit.minimumDays {
            throw CalibrationError("\(term: .season) on needs at least 12 months (\(SeasonFit.minimumDays) days) of history; \(term: .from) \(days.first) \(term: .to) \(days.last) covers \(days.dayCount) days: widen the range, or use \(term: .season) auto or off")
        }
        let scenario = request.scenario
        let clock = SegmentClock(days: days, windows: scenario.windows)
        var events = TicketEvents(clock: clock)
        var timestamps = TicketTimestampParser(zone: request.zone)
        var register = CaseRegister()
        var notes: [CalibrationNote] = []
        var warnings: [CalibrationNote] = []
        for path in request.ticketFiles {
            let (outside, backwards) = (events.outsideRange, events.solvedBeforeCreated)
            try TicketExport.read(path: path, columns: request.columns, filters: request.filters, timestamps: &timestamps, register: &register, into: &events)
            if events.outsideRange > outside {
                notes.append("\(path): \(events.outsideRange - outside) cases created outside \(days.first)…\(days.last) were ignored (those still open on \(days.first) start the backlog)")
            }
            if events.solvedBeforeCreated > backwards {
                warnings.append("\(path): \(events.solvedBeforeCreated - backwards) cases solved before they were created were skipped")
            }
        }
        warnings += register.warnings.map { CalibrationNote($0) }
        // `--to` is the forecast's as_of: a day past the exports' last case would read as a quiet day.
        if let latest = events.latestCreated, case let lastDay = CivilDate(dayNumber: Int((Double(latest) / 86_400).rounded(.down))), lastDay < days.last {
            throw CalibrationError("\(term: .to) \(days.last) is after the exports' last case (created \(lastDay) UTC): the history, and what the forecast knows (as_of), ends there; give \(term: .to) \(lastDay) or earlier")
        }
        guard events.cases > 0 else {
            throw CalibrationError("no case in the exports was created between \(days.first) and \(days.last); check \(term: .from), \(term: .to) and \(term: .filter)")
        }

        let dates = (0..<days.dayCount).map { days.first.adding(days: $0) }
        let calendars = scenario.inflow.holidayCalendars
        let isHoliday = dates.map { date in calendars.contains { $0.holiday(on: date) != nil } }
        let segments = events.segments
        let k = clock.segmentCount
        let createdPerDay = (0..<days.dayCount).map { d in segments.created[(d * k)..<((d + 1) * k)].reduce(0, +) }
        var openAtDayEnd: [Int] = []
        var open = events.openAtStart
        for d in 0..<days.dayCount {
            open += createdPerDay[d] - segments.solved[(d * k)..<((d + 1) * k)].reduce(0, +)
            openAtDayEnd.append(open)
        }
        let inflow = try Self.numerics("the inflow") { try InflowFit(counts: createdPerDay, dates: dates, isHoliday: isHoliday, trend: request.trend, season: request.season) }

        let segmentTotals = (0..<k).map { s in stride(from: s, to: segments.created.count, by: k).reduce(0) { $0 + segments.created[$1] } }
        let sortedShares = segmentTotals.map { count in
            let p = Proportion(successes: count, trials: events.cases)
            return Estimate(value: p.estimate, low: p.low, high: p.high,
                            method: "share of the cases created in the segment that ends at the window's check; Wilson interval")
        }
        let arrivalShares = scenario.windows.map { w in (w.name, sortedShares[clock.windows.firstIndex(of: w)!]) }

        let team = scenario.team.map(\.name)
        var sickness: SicknessFit?
        var leave: LeaveFit?
        // Every absence of the export keeps an SE from working; sickness and leave are fitted from their types.
        var absent: [[Bool]]?
        if let absences = request.absences {
            var unknown: [String] = []
            for row in absences.rows where !team.contains(row.name) && !unknown.contains(row.name) {
                unknown.append(row.name)
                warnings.append("\(absences.source):\(row.line): \"\(row.name.quotedInMessage)\" is not in the team of the scenario; their absences are left out")
            }
            warnings += request.otherTypeWarnings
            absent = SicknessFit.absentDays(absences.rows, team: team, days: days)
            let sick = absences.rows.filter { request.kind(of: $0) == .sickness }
            sickness = try Self.numerics("sickness") { try SicknessFit(sick: SicknessFit.absentDays(sick, team: team, days: days)) }
            if sickness == nil { warnings.append("\(absences.source): no sickness absence falls in \(days.first)…\(days.last); sickness is kept from the team scenario") }
            let leaveRows = absences.rows.filter { request.kind(of: $0) == .leave }
            let leadTimes = leaveRows.compactMap { row in row.requested.flatMap { days.contains(row.dates.lowerBound) ? $0.days(to: row.dates.lowerBound) : nil } }
            leave = try Self.numerics("unbooked leave") {
                try LeaveFit(leave: SicknessFit.absentDays(leaveRows, team: team, days: days), dates: dates, leadTimes: leadTimes)
            }
            if leave == nil {
                notes.append("no leave (\(request.leaveTypeList)) falls in \(days.first)…\(days.last): no unbooked-leave model fitted")
            } else if leadTimes.isEmpty {
                let assumed = scenario.unbookedLeave.map { leave in
                    "as the team scenario's booking_lead_days (" + leave.leadTime.map { "\(NumberFormat.fixed(100 * $0.share, 0))% up to \($0.upTo) days" }.joined(separator: ", ") + ")"
                } ?? "evenly 0 to 90 days ahead (the scenario's default)"
                let why: CalibrationNote = absences.hasRequestedColumn ? "no leave row starting in the range has a requested date"
                    : "\(absences.source) has no requested-date column (\(term: .requestedColumn))"
                notes.append("\(why): the booking lead time is not fitted, and assumed \(assumed)")
            }
        } else {
            notes.append("no \(term: .absences) file: sickness is kept from the team scenario, and resolutions are per scheduled SE-shift (absences not subtracted)")
        }
        let shifts = try workingShifts(scenario: scenario, clock: clock, absent: absent)
        let resolution = ResolutionFit(solved: segments.solved, busy: segments.busy, shifts: shifts, segmentCount: k)

        if days.dayCount < minimumDays { warnings.append("only \(days.dayCount) days of history (\(term: .allowShort)): the intervals are wide and demand_cv cannot be told from noise") }
        if inflow.pearsonRatio > 1.5 {
            warnings.append("the daily counts vary \(NumberFormat.fixed(inflow.pearsonRatio, 1))× as much as the fitted model allows: look for incident spikes or a change of level in the range")
        }
        if inflow.holidayFactor == nil { notes.append("no day of the range is a holiday of the customers' calendars: holiday_factor is kept from the team scenario") }
        if inflow.demandCV == nil { notes.append("fewer than two 4-week periods: demand_cv is kept from the team scenario") }
        switch (request.trend, inflow.trend) {
        case (.off, _): notes.append("\(term: .trend) off: no trend fitted")
        case (_, nil):
            notes.append(inflow.trendProblem.map { CalibrationNote($0) } ?? "fewer than 26 weeks of history: no trend fitted (a trend needs at least \(TrendFit.minimumDays) days)")
        case (.auto, let trend?) where !inflow.trendWritten:
            notes.append("the trend is not significant at 5% (likelihood-ratio p = \(InflowFit.pValueText(trend.pValue))): none written; \(term: .trend) on writes it anyway")
        default: break
        }
        if inflow.trend != nil, days.dayCount < 2 * 365 {
            notes.append(inflow.season == nil
                ? "with under two years of history a trend and a season are confounded (a December dip late in the range reads as a falling trend); no month factors are fitted, so any season is read as trend"
                : "with under two years of history a trend and a season are confounded: the trend is fitted first (on the 4-week periods) and the month factors on what it leaves, so a season's slope across the range is read as trend")
        }
        if inflow.season == nil, request.season != .off { notes.append("fewer than 12 months of history: no month factors fitted (a season needs at least \(SeasonFit.minimumDays) days)") }
        if let resolution {
            if resolution.usableSegments < 20 {
                warnings.append("only \(resolution.usableSegments) segments kept a backlog above zero: resolve_per_shift rests on little data")
            }
        } else {
            warnings.append("no segment kept a backlog above zero with SEs working: resolve_per_shift is kept from the team scenario")
        }
        if let sickness, sickness.severityCV == nil {
            notes.append("severity_cv needs at least two years (seasons) of absences: it is kept from the team scenario")
        }
        return CalibrationFit(
            request: request, clock: clock, createdPerDay: createdPerDay, openAtDayEnd: openAtDayEnd, isHoliday: isHoliday, inflow: inflow,
            arrivalShares: arrivalShares, resolution: resolution, sickness: sickness, leave: leave, noteWordings: notes, warningWordings: warnings)
    }

    /// `fit`, with a failure of GSL's numerics (a minimiser that does not converge on degenerate
    /// data, a quantile that a fit's estimate needs and that cannot be computed) reported as the fit
    /// that failed, in the user's terms, rather than as GSL's code alone.
    static func numerics<T>(_ part: String, _ fit: () throws -> T) throws -> T {
        do {
            return try fit()
        } catch let error as GSLError {
            throw CalibrationError("fitting \(part) failed in GSL's numerics (\(error)); the history is probably too short or too uniform for this fit: widen \(term: .from)..\(term: .to)")
        } catch let error as QuantileError {
            throw CalibrationError("fitting \(part) failed: \(error)")
        }
    }

    /// The working SE-shifts in each segment of each day (`[day × segments + segment]`): every SE's capacity, on each day they are
    /// scheduled and not absent, shared between the segments their shift covers (a shift may reach
    /// into the two following days' segments).
    static func workingShifts(scenario: Scenario, clock: SegmentClock, absent: [[Bool]]?) throws -> [Double] {
        let shares = Scenario.shiftShares(groups: scenario.groups, windows: clock.windows)
        let k = clock.segmentCount
        let first = clock.firstDay.adding(days: -2)
        let schedule = TeamSchedule(engineers: scenario.team, company: scenario.company, dates: DateRange(first...clock.date(ofDay: clock.dayCount - 1)))
        var shifts = [Double](repeating: 0, count: clock.dayCount * k)
        for (i, engineer) in scenario.team.enumerated() {
            guard let g = scenario.groups.firstIndex(where: { $0.name == engineer.group }) else { continue }
            for day in -2..<clock.dayCount {
                guard schedule.isScheduled(i, on: clock.date(ofDay: day)) else { continue }
                if day >= 0, let absent, absent[i][day] { continue }
                for offset in 0..<3 where day + offset >= 0 && day + offset < clock.dayCount {
                    for s in 0..<k { shifts[(day + offset) * k + s] += engineer.capacity * shares[(g * 3 + offset) * k + s] }
                }
            }
        }
        return shifts
    }
}
