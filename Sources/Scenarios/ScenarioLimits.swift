/// The documented range of every number and name a scenario holds.
///
/// The ranges are chosen so that whatever `plan validate` accepts, `plan simulate` can run: no
/// mean the samplers see, no backlog and no tally can overflow, and no allocation grows with the
/// size of a number rather than with the size of the team and the horizon. They are far beyond
/// any real support team (a million cases a day, ten thousand SEs), so a value outside them is a
/// typing mistake, not a plan. `Scenario+Schema.swift` publishes the same bounds; a test keeps the
/// two equal.
public enum ScenarioLimits {
    /// Cases a day: `base_per_day`, a spike's `mean`, `resolve_per_shift`,
    /// `extra_resolutions_per_day` and a Poisson starting backlog's mean.
    public static let casesPerDay: ClosedRange<Double> = 0...1_000_000
    /// A starting backlog given as a number.
    public static let initialOpenCases: ClosedRange<Int> = 0...10_000_000
    /// Weekday and holiday factors on the inflow.
    public static let inflowFactor: ClosedRange<Double> = 0...100
    /// Relative growth of demand a year (`trend_per_year`): from −90% to doubling every year.
    public static let trendPerYear: ClosedRange<Double> = -0.9...1
    /// Years between the trend's reference date and any simulated date, so that its factor stays
    /// between 0.1^10 and 2^10.
    public static let trendReferenceYears = 10
    /// A day's mean cases with every factor applied (base, weekday, holiday, trend, month,
    /// periods): the largest the base and the weekday and holiday factors allow on their own, so
    /// the drift factors cannot take a mean where the existing ones could not.
    public static let dailyMean = casesPerDay.upperBound * inflowFactor.upperBound * inflowFactor.upperBound
    /// An SE's capacity factor and a level's capacity multiplier (both must be > 0).
    public static let capacityFactor: ClosedRange<Double> = 0...10
    /// Coefficients of variation of the season severity and the demand shock.
    public static let coefficientOfVariation: ClosedRange<Double> = 0...10
    /// Negative binomial dispersion k: below 0.001 a day's Gamma factor underflows to 0 or
    /// overflows; above 10^6 the distribution is Poisson to within rounding.
    public static let dispersion: ClosedRange<Double> = 0.001...1_000_000
    /// Mean length of a sickness spell, in days.
    public static let meanSpellDays: ClosedRange<Double> = 1...365
    /// Sick days a year per SE.
    public static let sickDaysPerYear: ClosedRange<Double> = 0...365
    /// Leave days a year per SE (`unbooked_leave.days_per_year`, an SE's `leave_days_per_year`).
    public static let leaveDaysPerYear: ClosedRange<Double> = 0...365
    /// A month's factor on the unbooked-leave start probability: all of a year's leave in one
    /// month is a factor of 12.
    public static let leaveMonthFactor: ClosedRange<Double> = 0...12
    /// Booking lead times in days (`unbooked_leave.booking_lead_days[].up_to`): ten years.
    public static let leadTimeDays: ClosedRange<Int> = 0...3650
    /// Bins of the booking lead time.
    public static let leadTimeBins = 100
    /// Days in a horizon: three years (docs/MODEL.md, issue 4).
    public static let horizonDays: ClosedRange<Int> = 1...1096
    /// Warm-up days: a year, enough for any backlog to forget its start.
    public static let warmupDays: ClosedRange<Int> = 0...366
    /// Dated `inflow.periods`: each is looked up on every simulated day.
    public static let inflowPeriods = 1000
    /// SEs in a team.
    public static let teamSize = 10_000
    /// Characters in a name (of the scenario, an SE, a group, a window, a closure or a holiday):
    /// names become file names and table cells.
    public static let nameLength = 100
    /// Working days between briefing a channel and the first day it is needed (`lead_days`): up to
    /// three months of working days, beyond any horizon a plan is made for.
    public static let leadDays: ClosedRange<Int> = 0...60
    /// A group's yearly attrition rate: at 1 everyone would leave at once.
    public static let attritionRate: Range<Double> = 0..<1
    /// Days a leaver works between resigning and leaving: up to a year.
    public static let noticeDays: ClosedRange<Int> = 0...365
    /// Weeks a hire takes to reach full capacity: up to two years.
    public static let rampWeeks: ClosedRange<Int> = 0...104
    /// Characters in the scenario's description.
    public static let descriptionLength = 10_000
}
