/// The date arithmetic that holiday laws are written in: "the first Monday in May", "the last
/// Monday in August", "the Saturday between 20 and 26 June".
extension CivilDate {
    /// The `n`-th `weekday` of `month` (n ≥ 1), or the last one when `n` is -1.
    /// Complexity: O(1).
    public static func nth(_ n: Int, _ weekday: Weekday, of month: Int, year: Int) -> CivilDate {
        precondition(n >= 1 && n <= 5 || n == -1, "n is 1…5 or -1 for the last")
        if n == -1 {
            let last = CivilDate(dayNumber: dayNumber(year: year, month: month, day: daysIn(month: month, year: year)))
            return last.onOrBefore(weekday)
        }
        let first = CivilDate(dayNumber: dayNumber(year: year, month: month, day: 1))
        return first.onOrAfter(weekday).adding(days: 7 * (n - 1))
    }

    /// The first `weekday` on or after this date. Complexity: O(1).
    public func onOrAfter(_ weekday: Weekday) -> CivilDate {
        adding(days: (weekday.rawValue - self.weekday.rawValue + 7) % 7)
    }

    /// The last `weekday` on or before this date. Complexity: O(1).
    public func onOrBefore(_ weekday: Weekday) -> CivilDate {
        adding(days: -((self.weekday.rawValue - weekday.rawValue + 7) % 7))
    }
}
