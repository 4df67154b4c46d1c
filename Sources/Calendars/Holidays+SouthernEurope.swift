// Public holidays of Spain, Portugal and Italy.

extension CountryRules {
    /// Spain's national holidays (Estatuto de los Trabajadores, art. 37.2, and the yearly BOE
    /// list). When one falls on a Sunday each autonomous community decides whether to move it to
    /// Monday, so nationally there is no day off and the entry is dropped; a scenario lists the
    /// region's days. Constitution Day has been national since 1983.
    static let spain = CountryRules(info: CountryInfo(code: "ES", name: "Spain")) { y, _ in
        y.add("New Year's Day", 1, 1)
        y.add("Epiphany", 1, 6)
        y.add("Good Friday", easter: -2)
        y.add("Labour Day", 5, 1)
        y.add("Assumption Day", 8, 15)
        y.add("National Day of Spain", 10, 12)
        y.add("All Saints' Day", 11, 1)
        if y.year >= 1983 { y.add("Constitution Day", 12, 6) }
        y.add("Immaculate Conception", 12, 8)
        y.add("Christmas Day", 12, 25)
        y.removeSundays()
    }

    /// Portugal's mandatory holidays (Código do Trabalho, art. 234). Four of them were suspended
    /// in 2013–2015 under the bail-out programme. Carnival is optional and left out.
    static let portugal = CountryRules(info: CountryInfo(code: "PT", name: "Portugal")) { y, _ in
        let suspended = (2013...2015).contains(y.year)
        y.add("New Year's Day", 1, 1)
        y.add("Good Friday", easter: -2)
        y.add("Easter Sunday", easter: 0)
        if y.year >= 1974 {
            y.add("Freedom Day", 4, 25)
            y.add("Labour Day", 5, 1)
        }
        if !suspended { y.add("Corpus Christi", easter: 60) }
        y.add("Portugal Day", 6, 10)
        y.add("Assumption Day", 8, 15)
        if !suspended {
            y.add("Republic Day", 10, 5)
            y.add("All Saints' Day", 11, 1)
            y.add("Restoration of Independence", 12, 1)
        }
        y.add("Immaculate Conception", 12, 8)
        y.add("Christmas Day", 12, 25)
    }

    /// Italy's national holidays (Law 260/1949 as amended). Law 54/1977 abolished several
    /// religious holidays and moved Republic Day (until 2000) and National Unity Day to Sundays;
    /// Epiphany came back in 1986 and St Francis's day (4 October) is national from 2026. The
    /// 150th anniversary of unification (17 March 2011) was a one-off holiday.
    static let italy = CountryRules(info: CountryInfo(code: "IT", name: "Italy")) { y, _ in
        y.add("New Year's Day", 1, 1)
        if y.year <= 1977 || y.year >= 1986 { y.add("Epiphany", 1, 6) }
        if y.year <= 1976 { y.add("Saint Joseph's Day", 3, 19) }
        y.add("Easter Sunday", easter: 0)
        y.add("Easter Monday", easter: 1)
        if y.year == 2011 { y.add("150th Anniversary of the Unification of Italy", 3, 17) }
        y.add("Liberation Day", 4, 25)
        y.add("Labour Day", 5, 1)
        y.add("Republic Day", (1977...2000).contains(y.year) ? y.nth(1, .sunday, of: 6) : y.date(6, 2))
        if y.year <= 1976 {
            y.add("Ascension Day", easter: 39)
            y.add("Corpus Christi", easter: 60)
            y.add("Saints Peter and Paul", 6, 29)
        }
        y.add("Assumption Day", 8, 15)
        if y.year >= 2026 { y.add("Saint Francis of Assisi", 10, 4) }
        y.add("All Saints' Day", 11, 1)
        y.add("National Unity and Armed Forces Day", y.year >= 1977 ? y.nth(1, .sunday, of: 11) : y.date(11, 4))
        y.add("Immaculate Conception", 12, 8)
        y.add("Christmas Day", 12, 25)
        y.add("Saint Stephen's Day", 12, 26)
    }
}
