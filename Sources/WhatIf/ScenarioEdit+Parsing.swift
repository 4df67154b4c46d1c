import Calendars
import InputFormats
import Scenarios

/// Reading edits from the command line's syntax. Each error names the text as given, not the
/// option: the caller puts the option it came from in front (`plan`: `--time-off us-09:…: …`).
extension ScenarioEdit {
    /// `NAME:2026-12-23..2026-12-24` or `NAME:2026-12-23` (the `--time-off` argument).
    public static func timeOff(parsing text: String) throws(WhatIfError) -> ScenarioEdit {
        func fail(_ message: String) -> WhatIfError { WhatIfError("\(text): \(message)") }
        guard let colon = text.lastIndex(of: ":") else {
            throw fail("expected NAME:FIRST..LAST or NAME:DATE, e.g. us-09:2026-12-21..2026-12-24")
        }
        let name = String(text[..<colon]).trimmingSpaces
        guard !name.isEmpty else { throw fail("expected an SE's name before the colon") }
        return .timeOff(name: name, dates: try dateRange(text[text.index(after: colon)...], fail: fail))
    }

    /// `NAME:GROUP:COUNTRY[:FROM..TO]` (the `--add-se` argument); COUNTRY is an ISO 3166-1 alpha-2
    /// code, optionally with a subdivision (`GB-SCT`).
    public static func addEngineer(parsing text: String) throws(WhatIfError) -> ScenarioEdit {
        func fail(_ message: String) -> WhatIfError { WhatIfError("\(text): \(message)") }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 3 || parts.count == 4, !parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else {
            throw fail("expected NAME:GROUP:COUNTRY or NAME:GROUP:COUNTRY:FIRST..LAST, e.g. contractor-1:us:US:2026-12-14..2026-12-31")
        }
        let code = parts[2].split(separator: "-", maxSplits: 1).map(String.init)
        let country: PublicHolidays
        do {
            country = try PublicHolidays(country: code[0], subdivision: code.count == 2 ? code[1] : nil)
        } catch {
            throw fail(error.description)
        }
        let dates = parts.count == 4 ? try dateRange(Substring(parts[3]), fail: fail) : nil
        return .addEngineer(name: parts[0], group: parts[1], country: country, dates: dates)
    }

    /// `NAME` (the `--remove-se` argument).
    public static func removeEngineer(parsing text: String) throws(WhatIfError) -> ScenarioEdit {
        let name = text.trimmingSpaces
        guard !name.isEmpty else { throw WhatIfError("\"\(text)\": expected an SE's name") }
        return .removeEngineer(name: name)
    }

    /// A number greater than 0 and at most the cases a day a scenario may have (the `--inflow-factor`
    /// argument); the edited scenario is checked against that limit too (`apply`).
    public static func inflowFactor(parsing text: String) throws(WhatIfError) -> ScenarioEdit {
        let limit = ScenarioLimits.casesPerDay.upperBound
        guard let factor = Double(text.trimmingSpaces), factor.isFinite, factor > 0, factor <= limit else {
            throw WhatIfError("\(text): expected a number greater than 0 and at most \(Int(limit)), such as 1.2 for 20% more cases")
        }
        return .inflowFactor(factor)
    }

    /// `FIRST..LAST` or a single `DATE`, ISO 8601, as in scenario files.
    static func dateRange(_ text: Substring, fail: (String) -> WhatIfError) throws(WhatIfError) -> DateRange {
        let parts = text.split(separator: "..", omittingEmptySubsequences: false).map { Substring(String($0).trimmingSpaces) }
        guard parts.count <= 2 else { throw fail("\"\(text)\" is not a date or a range of dates (expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)") }
        func date(_ part: Substring) throws(WhatIfError) -> CivilDate {
            guard let date = CivilDate(supported: part) else {
                throw fail("\"\(part)\" is not a date (expected \(CivilDate.expectation), or two such dates as FIRST..LAST)")
            }
            return date
        }
        let first = try date(parts[0])
        let last = parts.count == 2 ? try date(parts[1]) : first
        guard first <= last else { throw fail("the end \(last) is before the start \(first)") }
        return DateRange(first...last)
    }
}
