// Public holidays of the United States, Canada, Mexico and Brazil.

extension CountryRules {
    /// US federal holidays (5 U.S.C. 6103). The Uniform Monday Holiday Act moved four of them to
    /// Mondays from 1971; Veterans Day went back to 11 November in 1978. A federal holiday on a
    /// Saturday is observed on the Friday before, on a Sunday on the Monday after (E.O. 11582).
    /// One-day closures of federal offices (days of mourning, Christmas Eve orders) are not public
    /// holidays and are left to a scenario's own list.
    static let unitedStates = CountryRules(info: CountryInfo(code: "US", name: "United States")) { y, _ in
        y.add("New Year's Day", 1, 1, substitute: .nearestWeekday)
        if y.year >= 1986 { y.add("Martin Luther King Jr. Day", y.nth(3, .monday, of: 1)) }
        if y.year >= 1971 {
            y.add("Washington's Birthday", y.nth(3, .monday, of: 2))
            y.add("Memorial Day", y.nth(-1, .monday, of: 5))
        } else {
            y.add("Washington's Birthday", 2, 22, substitute: .nearestWeekday)
            y.add("Memorial Day", 5, 30)
        }
        if y.year >= 2021 { y.add("Juneteenth", 6, 19, substitute: .nearestWeekday) }
        y.add("Independence Day", 7, 4, substitute: .nearestWeekday)
        y.add("Labor Day", y.nth(1, .monday, of: 9))
        y.add("Columbus Day", y.year >= 1971 ? y.nth(2, .monday, of: 10) : y.date(10, 12))
        if (1971...1977).contains(y.year) {
            y.add("Veterans Day", y.nth(4, .monday, of: 10))
        } else {
            y.add("Veterans Day", 11, 11, substitute: .nearestWeekday)
        }
        y.add("Thanksgiving", y.nth(4, .thursday, of: 11))
        y.add("Christmas Day", 12, 25, substitute: .nearestWeekday)
    }

    /// The statutory holidays every province and territory has: provinces add their own
    /// (Victoria Day, Thanksgiving, Boxing Day …), which a scenario lists for its SEs. New Year's
    /// Day and Christmas Day on a weekend are made up on the next weekday, as federally regulated
    /// employers and most provinces do; Canada Day on a Sunday is kept on Monday 2 July (Holidays
    /// Act, R.S.C. 1985, c. H-5, s. 2).
    static let canada = CountryRules(info: CountryInfo(code: "CA", name: "Canada")) { y, _ in
        y.add("New Year's Day", 1, 1, substitute: .nextFreeWeekday)
        y.add("Good Friday", easter: -2)
        y.add(y.year >= 1983 ? "Canada Day" : "Dominion Day", 7, 1, substitute: .sundayToMonday)
        y.add("Labour Day", y.nth(1, .monday, of: 9))
        y.add("Christmas Day", 12, 25, substitute: .nextFreeWeekday)
    }

    /// Mexico's mandatory rest days (Ley Federal del Trabajo, art. 74). Since the 2006 reform three
    /// of them fall on Mondays; the day a new president takes office, every six years, is a rest
    /// day too (1 December until 2018, 1 October since the 2024 transition).
    static let mexico = CountryRules(info: CountryInfo(code: "MX", name: "Mexico")) { y, _ in
        y.add("New Year's Day", 1, 1)
        y.add("Constitution Day", y.year >= 2006 ? y.nth(1, .monday, of: 2) : y.date(2, 5))
        y.add("Benito Juárez's Birthday", y.year >= 2007 ? y.nth(3, .monday, of: 3) : y.date(3, 21))
        y.add("Labour Day", 5, 1)
        y.add("Independence Day", 9, 16)
        y.add("Revolution Day", y.year >= 2006 ? y.nth(3, .monday, of: 11) : y.date(11, 20))
        if (y.year - 1970) % 6 == 0 {
            y.add("Change of Federal Government", y.year >= 2024 ? y.date(10, 1) : y.date(12, 1))
        }
        y.add("Christmas Day", 12, 25)
    }

    /// Brazil's national holidays (Lei 662/1949 and later laws; Black Awareness Day is national
    /// since Lei 14.759/2023). Carnival is an optional point, not a holiday, and is left out.
    static let brazil = CountryRules(info: CountryInfo(code: "BR", name: "Brazil")) { y, _ in
        y.add("New Year's Day", 1, 1)
        y.add("Good Friday", easter: -2)
        y.add("Tiradentes' Day", 4, 21)
        y.add("Labour Day", 5, 1)
        y.add("Independence Day", 9, 7)
        if y.year >= 1980 { y.add("Our Lady of Aparecida", 10, 12) }
        y.add("All Souls' Day", 11, 2)
        y.add("Republic Proclamation Day", 11, 15)
        if y.year >= 2024 { y.add("Black Awareness Day", 11, 20) }
        y.add("Christmas Day", 12, 25)
    }
}
