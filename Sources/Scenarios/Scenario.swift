import Calendars
import CapacityPolicy

/// Everything `plan simulate` needs to know about a period, a team and its work (docs/MODEL.md), as
/// read from a scenario file. Every quantity of the model has a field here, and every field a
/// default (stated in the JSON Schema and docs/SCENARIOS.md).
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    /// The reported dates, first and last inclusive.
    public var horizon: DateRange
    /// Days simulated in full before the horizon but not reported, so the backlog starts realistic.
    public var warmupDays: Int
    /// Weekdays on which levels are declared (company closures excepted). Default Monday–Friday.
    public var checkDays: Set<Weekday>
    /// The checks of each check day, in order of check time. Default: EMEA 10:00, Americas 17:30.
    public var windows: [CheckWindow]
    /// Groups of SEs and their shifts; each policy headcount input names one.
    public var groups: [Group]
    public var team: [SupportEngineer]
    public var company: CompanyCalendar
    public var sickness: Sickness
    public var inflow: Inflow
    /// Cases one full-time SE resolves on average over a shift. Default 3.
    public var resolvePerShift: Double
    public var initialOpenCases: InitialBacklog
    /// The instant `initialOpenCases` holds at, in minutes after 00:00 UTC of the first simulated
    /// day; nil for the simulation's start (the last check of the day before). Only arrivals and
    /// work after it are simulated (docs/MODEL.md §5). Set by `plan outlook --open-cases-at`.
    public var openCasesAt: Int?
    /// Indices into `team` of SEs in a sickness spell of unknown length on the horizon's first
    /// day (`plan outlook --absent NAME` without an end): one begins there unless one already
    /// covers it, its length drawn as any spell's (docs/MODEL.md §3).
    public var sickAtStart: Set<Int> = []
    /// The last day whose bookings the scenario's time off holds (`as_of`): leave requested on or
    /// before it is listed, leave requested after it is drawn by `unbookedLeave`. nil when unknown.
    public var asOf: CivilDate?
    /// Leave booked after `asOf` (docs/MODEL.md §3a); nil for none.
    public var unbookedLeave: UnbookedLeave?
    /// Attrition per group name (docs/MODEL.md §2); a group not listed loses no one at random.
    public var attrition: [String: Attrition] = [:]
    /// What declaring each level changes until the next check; empty means open-loop.
    public var effects: [Int: LevelEffect]
    public var policy: Policy
    /// Where the policy came from: "built-in" or the file path, for reports.
    public var policySource: String
    /// The planning level is the lowest k with P(level > k) ≤ planningRisk. Default 0.10.
    public var planningRisk: Double
    /// A channel is recommended for a check when P(its alert is needed) ≥ this. Default 0.25.
    public var recommendationThreshold: Double
    /// Working days (check days that are not closures) between briefing a recommended channel and
    /// the first day it is needed: the report's "brief by" date. Default 5, a working week.
    public var leadDays: Int
    public static let defaultLeadDays = 5

    public init(
        name: String, description: String = "", horizon: DateRange, warmupDays: Int = 0,
        checkDays: Set<Weekday> = SupportEngineer.mondayToFriday, windows: [CheckWindow] = CheckWindow.handbook,
        groups: [Group] = Group.defaults, team: [SupportEngineer], company: CompanyCalendar = CompanyCalendar(),
        sickness: Sickness = .none, inflow: Inflow, resolvePerShift: Double = 3, initialOpenCases: InitialBacklog = .fixed(0),
        effects: [Int: LevelEffect] = [:], policy: Policy = .handbook, policySource: String = "built-in",
        planningRisk: Double = 0.10, recommendationThreshold: Double = 0.25, leadDays: Int = Scenario.defaultLeadDays
    ) {
        self.name = name
        self.description = description
        self.horizon = horizon
        self.warmupDays = warmupDays
        self.checkDays = checkDays
        self.windows = windows
        self.groups = groups
        self.team = team
        self.company = company
        self.sickness = sickness
        self.inflow = inflow
        self.resolvePerShift = resolvePerShift
        self.initialOpenCases = initialOpenCases
        self.effects = effects
        self.policy = policy
        self.policySource = policySource
        self.planningRisk = planningRisk
        self.recommendationThreshold = recommendationThreshold
        self.leadDays = leadDays
    }

    /// The first simulated date (the warm-up's first day).
    public var simulationStart: CivilDate { horizon.first.adding(days: -warmupDays) }

    /// A group of SEs and the UTC shift its members work on a working day.
    public struct Group: Sendable, Hashable {
        public var name: String
        /// Shift start, minutes after 00:00 UTC (0..<1440).
        public var shiftStart: Int
        /// Shift end, minutes after 00:00 UTC of the same day; may exceed 1440 for a shift past midnight.
        public var shiftEnd: Int

        public init(name: String, shiftStart: Int, shiftEnd: Int) {
            self.name = name
            self.shiftStart = shiftStart
            self.shiftEnd = shiftEnd
        }

        public static let defaults = [
            Group(name: "emea", shiftStart: 9 * 60, shiftEnd: 16 * 60),
            Group(name: "us", shiftStart: 14 * 60, shiftEnd: 25 * 60),
        ]
    }

    /// The sickness spell model of docs/MODEL.md §3.
    public struct Sickness: Sendable, Hashable {
        /// Probability that an SE not already in a spell starts one on a given day, before severity.
        public var dailyStartProbability: Double
        /// Mean spell length in calendar days (≥ 1); a spell lasts 1 + Geometric days.
        public var meanSpellDays: Double
        /// Coefficient of variation of the trial's season severity S (Gamma, mean 1); 0 means S = 1.
        public var severityCV: Double

        public init(dailyStartProbability: Double, meanSpellDays: Double, severityCV: Double) {
            self.dailyStartProbability = dailyStartProbability
            self.meanSpellDays = meanSpellDays
            self.severityCV = severityCV
        }

        /// From sick days per year: p0 = sick_days_per_year / 365 / mean_spell_days (docs/MODEL.md §3).
        public init(sickDaysPerYear: Double, meanSpellDays: Double, severityCV: Double) {
            self.init(dailyStartProbability: sickDaysPerYear / 365 / meanSpellDays, meanSpellDays: meanSpellDays, severityCV: severityCV)
        }

        public static let none = Sickness(dailyStartProbability: 0, meanSpellDays: 1, severityCV: 0)
    }

    /// New cases per day (docs/MODEL.md §4).
    public struct Inflow: Sendable, Equatable {
        public var basePerDay: Double
        /// Factor per weekday; missing weekdays have factor 1.
        public var weekdayFactors: [Weekday: Double]
        /// Factor on a day that is a holiday in any of `holidayCalendars`. Default 1 (no effect).
        public var holidayFactor: Double
        /// The customers' holiday calendars (e.g. US and GB public holidays).
        public var holidayCalendars: [HolidayCalendar]
        /// Coefficient of variation of the trial's demand shock D (Gamma, mean 1); 0 means D = 1.
        public var demandCV: Double
        /// Nil for Poisson; otherwise the negative binomial dispersion k (variance μ + μ²/k).
        public var dispersion: Double?
        public var spikeProbability: Double
        public var spikeMean: Double
        /// Share of a day's cases arriving in each segment, in segment order (the segment ending at
        /// the first window's check first). Sums to 1. Default: in proportion to segment hours.
        public var arrivalShares: [Double]?
        /// Log-linear growth of demand; nil means none (docs/MODEL.md §4).
        public var trend: Trend?
        /// Factor per calendar month (1 = January); missing months have factor 1.
        public var monthFactors: [Int: Double]
        /// Dated factors for known events (a launch, a migration); overlapping periods multiply.
        public var periods: [Period]

        public init(
            basePerDay: Double, weekdayFactors: [Weekday: Double] = [:], holidayFactor: Double = 1,
            holidayCalendars: [HolidayCalendar] = [], demandCV: Double = 0, dispersion: Double? = nil,
            spikeProbability: Double = 0, spikeMean: Double = 0, arrivalShares: [Double]? = nil,
            trend: Trend? = nil, monthFactors: [Int: Double] = [:], periods: [Period] = []
        ) {
            self.basePerDay = basePerDay
            self.weekdayFactors = weekdayFactors
            self.holidayFactor = holidayFactor
            self.holidayCalendars = holidayCalendars
            self.demandCV = demandCV
            self.dispersion = dispersion
            self.spikeProbability = spikeProbability
            self.spikeMean = spikeMean
            self.arrivalShares = arrivalShares
            self.trend = trend
            self.monthFactors = monthFactors
            self.periods = periods
        }

        /// Holiday calendars compare by where they came from; their dates follow from that.
        public static func == (a: Inflow, b: Inflow) -> Bool {
            a.basePerDay == b.basePerDay && a.weekdayFactors == b.weekdayFactors && a.holidayFactor == b.holidayFactor
                && a.holidayCalendars.map(\.source) == b.holidayCalendars.map(\.source) && a.demandCV == b.demandCV
                && a.dispersion == b.dispersion && a.spikeProbability == b.spikeProbability && a.spikeMean == b.spikeMean
                && a.arrivalShares == b.arrivalShares && a.trend == b.trend && a.monthFactors == b.monthFactors
                && a.periods == b.periods
        }
    }

    public enum InitialBacklog: Sendable, Hashable {
        case fixed(Int)
        case poissonMean(Double)
    }

    /// What declaring a level changes until the next check (docs/MODEL.md §6). Effects of levels 1…k
    /// combine: multipliers multiply, extra resolutions add, diverted shares combine as 1 − ∏(1 − s).
    public struct LevelEffect: Sendable, Hashable {
        public var capacityMultiplier: Double
        public var extraResolutionsPerDay: Double
        public var divertedShare: Double

        public init(capacityMultiplier: Double = 1, extraResolutionsPerDay: Double = 0, divertedShare: Double = 0) {
            self.capacityMultiplier = capacityMultiplier
            self.extraResolutionsPerDay = extraResolutionsPerDay
            self.divertedShare = divertedShare
        }
    }
}
