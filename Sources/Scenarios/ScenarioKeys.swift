/// The keys each object of a scenario file may have, defined once: the decoder rejects every other
/// key with these lists, and a test checks that the published JSON Schema lists exactly the same
/// properties at the same places, so that the two cannot drift apart.
public enum ScenarioKeys {
    public static let root = [
        "$schema", "name", "description", "horizon", "warmup_days", "check_days", "windows", "groups", "team",
        "time_off_csv", "company", "sickness", "inflow", "resolve_per_shift", "initial_open_cases", "effects",
        "policy", "reading", "planning_risk", "recommendation_threshold", "lead_days", "as_of", "unbooked_leave", "attrition",
    ]
    public static let horizon = ["start", "end"]
    public static let window = ["name", "check", "coverage"]
    public static let group = ["name", "shift"]
    public static let engineer = [
        "name", "group", "country", "subdivision", "weekdays", "capacity", "time_off", "time_off_ics", "rota", "holidays",
        "joins", "leaves", "falls_sick", "leave_days_per_year", "ramp",
    ]
    /// How a hire comes up to speed.
    public static let ramp = ["weeks", "start_fraction", "counts_in_headcount"]
    /// A group's attrition.
    public static let attrition = ["rate_per_year", "notice_days"]
    /// An SE's edits to their country's calendar, or an `.ics` file standing in for it.
    public static let engineerHolidays = ["drop", "add", "ics"]
    /// The company's edits to a country's calendar, applied to every SE of that country.
    public static let countryHolidays = ["drop", "add"]
    /// A dated holiday added to a calendar.
    public static let addedHoliday = ["date", "name"]
    public static let company = ["closures", "days_off", "holidays"]
    public static let closure = ["dates", "every_year", "rule", "name"]
    public static let dayOff = ["dates", "name", "groups"]
    public static let sickness = ["sick_days_per_year", "daily_start_probability", "mean_spell_days", "severity_cv"]
    public static let unbookedLeave = ["days_per_year", "mean_spell_days", "month_factors", "booking_lead_days"]
    /// A bin of the booking lead time: the lead times up to `up_to` days (from the bin before's).
    public static let leadTimeBin = ["up_to", "share"]
    public static let inflow = [
        "base_per_day", "weekday_factors", "holiday_factor", "holiday_calendars", "demand_cv", "distribution",
        "dispersion", "spikes", "arrival_shares", "trend_per_year", "trend_reference", "month_factors", "periods",
    ]
    /// A dated factor on the inflow for a known event.
    public static let inflowPeriod = ["from", "to", "factor"]
    public static let spikes = ["probability", "mean"]
    /// `initial_open_cases` given as a Poisson mean rather than a number.
    public static let poissonBacklog = ["poisson_mean"]
    public static let effect = ["capacity_multiplier", "extra_resolutions_per_day", "diverted_share"]

    /// Every fixed-key object of the format by its place in a scenario, written as a JSON Pointer
    /// with `*` for any array index or any key of a map (`/team/*/holidays/add/*`).
    public static let byLocation: [String: [String]] = [
        "": root,
        "/horizon": horizon,
        "/windows/*": window,
        "/groups/*": group,
        "/team/*": engineer,
        "/team/*/ramp": ramp,
        "/team/*/holidays": engineerHolidays,
        "/team/*/holidays/add/*": addedHoliday,
        "/company": company,
        "/company/closures/*": closure,
        "/company/days_off/*": dayOff,
        "/company/holidays/*": countryHolidays,
        "/company/holidays/*/add/*": addedHoliday,
        "/sickness": sickness,
        "/unbooked_leave": unbookedLeave,
        "/unbooked_leave/booking_lead_days/*": leadTimeBin,
        "/inflow": inflow,
        "/inflow/spikes": spikes,
        "/inflow/periods/*": inflowPeriod,
        "/initial_open_cases": poissonBacklog,
        "/effects/*": effect,
        "/attrition/*": attrition,
    ]
}
