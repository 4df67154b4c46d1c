import Calendars
import InputFormats

/// Company closures: dated ones, ones that recur on the same day every year (`every_year`), and
/// ones a weekday rule fixes each year (`rule`: "4th Thu of Nov +1", the Friday after US
/// Thanksgiving). A recurring closure is written out as one dated closure per year the
/// simulation touches, so that the schedule and the twin see dated closures only.
extension ScenarioDecoder {
    func decodeClosure(_ node: JSONNode, dates: ClosedRange<CivilDate>?) -> [CompanyClosure]? {
        node.rejectUnknownKeys(ScenarioKeys.closure)
        let name = node.member("name")?.name()
        let given = ["dates", "every_year", "rule"].compactMap { key in node.member(key).map { (key, $0) } }
        guard given.count == 1, let (key, member) = given.first else {
            node.report(given.isEmpty
                ? "missing the closure's days: give one of \"dates\", \"every_year\" or \"rule\""
                : "give one of \"dates\", \"every_year\" or \"rule\", not \(given.map { "\"\($0.0)\"" }.joined(separator: " and "))")
            return nil
        }
        if node.member("name") != nil, name == nil { return nil }
        let yearly: ((Int) -> DateRange)?
        switch key {
        case "dates":
            return member.dateRange().map { [CompanyClosure(dates: $0, name: name)] }
        case "every_year":
            guard let days = Self.yearlyDays(member) else { return nil }
            yearly = days
        default:
            guard let rule = WeekdayRule(member) else { return nil }
            yearly = { DateRange(day: rule.date(in: $0)) }
        }
        guard let yearly, let dates else { return [] }
        // A range running into the next year starts in the year before the first simulated date.
        return (dates.lowerBound.year - 1...dates.upperBound.year).compactMap { year in
            let range = yearly(year)
            return range.last < dates.lowerBound || range.first > dates.upperBound ? nil : CompanyClosure(dates: range, name: name)
        }
    }

    /// `MM-DD` or `MM-DD..MM-DD`, as the dates of each year; an end before the start is in the next year.
    private static func yearlyDays(_ node: JSONNode) -> ((Int) -> DateRange)? {
        guard let text = node.string() else { return nil }
        let parts = text.split(separator: "..", omittingEmptySubsequences: false)
        let days = parts.map { part -> (month: Int, day: Int)? in
            let fields = part.split(separator: "-", omittingEmptySubsequences: false)
            guard part.utf8.count == 5, fields.count == 2, let month = Int(fields[0]), let day = Int(fields[1]),
                  (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: 2025) else { return nil }
            return (month, day)
        }
        guard (1...2).contains(parts.count), let first = days.first ?? nil, let last = days.last ?? nil else {
            node.report("\"\(text)\" is not a day of the year or a range of them (expected MM-DD or MM-DD..MM-DD; 02-29 is not every year)")
            return nil
        }
        let wraps = (last.month, last.day) < (first.month, first.day)
        return { year in
            DateRange(CivilDate(year: year, month: first.month, day: first.day)!...CivilDate(year: wraps ? year + 1 : year, month: last.month, day: last.day)!)
        }
    }
}

/// "4th Thu of Nov", "last Mon of May", "1st Mon of Sep -3": the n-th (or last) weekday of a
/// month, moved by a whole number of days.
struct WeekdayRule {
    /// 1…5, or -1 for the last.
    let n: Int
    let weekday: Weekday
    let month: Int
    let offset: Int

    static let ordinals = ["1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1]
    static let maximumOffset = 366

    init?(_ node: JSONNode) {
        guard let text = node.string() else { return nil }
        let words = text.split(separator: " ").map(String.init)
        func fail() {
            node.report("\"\(text)\" is not a weekday rule (expected \"4th Thu of Nov\", \"last Mon of May\", optionally with an offset in days: \"4th Thu of Nov +1\")")
        }
        guard words.count == 4 || words.count == 5, let n = Self.ordinals[words[0].lowercased()],
              let weekday = Weekday(scenarioName: words[1]),
              words[2] == "of", let month = ScenarioDecoder.monthNumber(words[3]) else { fail(); return nil }
        var offset = 0
        if words.count == 5 {
            guard let sign = words[4].first, sign == "+" || sign == "-", let value = Int(words[4].dropFirst()),
                  abs(value) <= Self.maximumOffset else { fail(); return nil }
            offset = sign == "-" ? -value : value
        }
        // A fifth weekday is not in every month: the rule must name a day every year.
        if n == 5 {
            node.report("\"\(text)\": a month has a fifth \(weekday.abbreviation) in some years only; use \"last\"")
            return nil
        }
        (self.n, self.weekday, self.month, self.offset) = (n, weekday, month, offset)
    }

    func date(in year: Int) -> CivilDate { CivilDate.nth(n, weekday, of: month, year: year).adding(days: offset) }
}
