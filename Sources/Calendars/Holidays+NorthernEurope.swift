// Public holidays of Poland and Sweden.

extension CountryRules {
    /// Poland's statutory days off (Act of 18 January 1951, as amended): Epiphany again from 2011,
    /// Christmas Eve from 2025; the communist-era 22 July holiday ended in 1989.
    static let poland = CountryRules(info: CountryInfo(code: "PL", name: "Poland")) { y, _ in
        y.add("New Year's Day", 1, 1)
        if y.year >= 2011 { y.add("Epiphany", 1, 6) }
        y.add("Easter Sunday", easter: 0)
        y.add("Easter Monday", easter: 1)
        y.add("Labour Day", 5, 1)
        if y.year >= 1990 { y.add("Constitution Day", 5, 3) }
        y.add("Whit Sunday", easter: 49)
        y.add("Corpus Christi", easter: 60)
        if y.year <= 1989 { y.add("National Day of the Rebirth of Poland", 7, 22) }
        if y.year >= 1989 { y.add("Assumption Day", 8, 15) }
        y.add("All Saints' Day", 11, 1)
        if y.year >= 1989 { y.add("Independence Day", 11, 11) }
        if y.year == 2018 { y.add("Independence Day Centenary", 11, 12) }
        if y.year >= 2025 { y.add("Christmas Eve", 12, 24) }
        y.add("Christmas Day", 12, 25)
        y.add("Second Day of Christmas", 12, 26)
    }

    /// Sweden's public holidays (Lag 1989:253 om allmänna helgdagar), Sundays among them as the law
    /// lists them. Midsummer Eve, Christmas Eve and New Year's Eve are days off by custom and
    /// collective agreement, not law, and are left to a company's own list. National Day replaced
    /// Whit Monday in 2005.
    static let sweden = CountryRules(info: CountryInfo(code: "SE", name: "Sweden")) { y, _ in
        y.add("New Year's Day", 1, 1)
        y.add("Epiphany", 1, 6)
        if y.year <= 1989 {
            // The Sunday from 22 March, or two weeks before Easter when it would be Palm Sunday or Easter.
            let sunday = y.date(3, 22).onOrAfter(.sunday)
            let clashes = sunday == y.easter || sunday == y.easter.adding(days: -7)
            y.add("Annunciation Day", clashes ? y.easter.adding(days: -14) : sunday)
        }
        y.add("Good Friday", easter: -2)
        y.add("Easter Sunday", easter: 0)
        y.add("Easter Monday", easter: 1)
        y.add("May Day", 5, 1)
        y.add("Ascension Day", easter: 39)
        if y.year >= 2005 { y.add("National Day", 6, 6) }
        y.add("Whit Sunday", easter: 49)
        if y.year <= 2004 { y.add("Whit Monday", easter: 50) }
        y.add("Midsummer Day", y.date(6, 20).onOrAfter(.saturday))
        y.add("All Saints' Day", y.date(10, 31).onOrAfter(.saturday))
        y.add("Christmas Day", 12, 25)
        y.add("Second Day of Christmas", 12, 26)
    }
}
