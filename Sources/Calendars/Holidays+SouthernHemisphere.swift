// Public holidays of South Africa and Australia.

extension CountryRules {
    /// South Africa's public holidays (Public Holidays Act 36 of 1994, in force from 1995; the
    /// 1952 Act's days before). Since 1995, under s. 2(1), any public holiday on a Sunday makes the
    /// Monday a holiday, unless that Monday is one already: Christmas on a Sunday gives no extra day because
    /// the Day of Goodwill is on the Monday (in 2022 the President declared the Tuesday instead,
    /// listed with the other one-off days: elections and presidential declarations).
    static let southAfrica = CountryRules(info: CountryInfo(code: "ZA", name: "South Africa")) { y, _ in
        let year = y.year
        y.add("New Year's Day", 1, 1)
        if year >= 1995 { y.add("Human Rights Day", 3, 21) }
        if (1980...1994).contains(year) { y.add("Founder's Day", 4, 6) }
        if year <= 1973 { y.add("Van Riebeeck's Day", 4, 6) }
        y.add("Good Friday", easter: -2)
        y.add(year >= 1980 ? "Family Day" : "Easter Monday", easter: 1)
        if year >= 1995 { y.add("Freedom Day", 4, 27) }
        if year >= 1995 {
            y.add("Workers' Day", 5, 1)
        } else if (1987...1989).contains(year) {
            y.add("Workers' Day", y.nth(1, .friday, of: 5))
        }
        if year <= 1993 {
            y.add("Ascension Day", easter: 39)
            y.add("Republic Day", 5, 31)
        }
        if year >= 1995 { y.add("Youth Day", 6, 16) }
        if year <= 1973 { y.add("Family Day", 7, 10) }
        if year >= 1995 { y.add("National Women's Day", 8, 9) }
        if year <= 1979 { y.add("Settlers' Day", y.nth(1, .monday, of: 9)) }
        if year >= 1995 { y.add("Heritage Day", 9, 24) }
        if year <= 1993 { y.add("Kruger Day", 10, 10) }
        y.add(year >= 1995 ? "Day of Reconciliation" : year >= 1980 ? "Day of the Vow" : "Day of the Covenant", 12, 16)
        y.add("Christmas Day", 12, 25)
        y.add(year >= 1980 ? "Day of Goodwill" : "Boxing Day", 12, 26)
        for (month, day, name) in CountryRules.southAfricaOneOffs[year] ?? [] {
            y.add(name, month, day)
        }
        if year >= 1995 { y.substituteAll(.sundayToMonday) }
    }

    /// Days declared once: general and local elections, the 2000 changeover, and days the
    /// President declared under s. 2A.
    private static let southAfricaOneOffs: [Int: [(Int, Int, String)]] = [
        1999: [(6, 2, "National and Provincial Elections"), (12, 31, "Y2K Changeover")],
        2000: [(1, 2, "Y2K Changeover")],
        2004: [(4, 14, "National and Provincial Elections")],
        2006: [(3, 1, "Local Government Elections")],
        2008: [(5, 2, "Presidential Decree Holiday")],
        2009: [(4, 22, "National and Provincial Elections")],
        2011: [(5, 18, "Local Government Elections"), (12, 27, "Presidential Decree Holiday")],
        2014: [(5, 7, "National and Provincial Elections")],
        2016: [(8, 3, "Local Government Elections"), (12, 27, "Presidential Decree Holiday")],
        2019: [(5, 8, "National and Provincial Elections")],
        2021: [(11, 1, "Local Government Elections")],
        2022: [(12, 27, "Presidential Decree Holiday")],
        2023: [(12, 15, "Presidential Decree Holiday")],
        2024: [(5, 29, "National and Provincial Elections")],
        2026: [(11, 4, "Local Government Elections")],
    ]

    /// The holidays every Australian state and territory keeps. Each of them gives New Year's
    /// Day, Australia Day, Christmas Day and Boxing Day on a weekend a substitute weekday (Christmas
    /// on a Saturday: Monday 27 and Tuesday 28 December; some states move the day rather than add
    /// one, which is the same for a Monday-to-Friday team); ANZAC Day substitutes differ by state
    /// and are left out, as are the King's Birthday and Labour Day, whose dates differ by state.
    static let australia = CountryRules(info: CountryInfo(code: "AU", name: "Australia")) { y, _ in
        y.add("New Year's Day", 1, 1, substitute: .nextFreeWeekday)
        y.add("Australia Day", 1, 26, substitute: .nextFreeWeekday)
        y.add("Good Friday", easter: -2)
        y.add("Easter Monday", easter: 1)
        y.add("ANZAC Day", 4, 25)
        if y.year == 2022 { y.add("National Day of Mourning for Queen Elizabeth II", 9, 22) }
        y.add("Christmas Day", 12, 25, substitute: .nextFreeWeekday)
        y.add("Boxing Day", 12, 26, substitute: .nextFreeWeekday)
    }
}
