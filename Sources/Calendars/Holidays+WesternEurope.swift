// Public holidays of Germany, France, the Netherlands and Belgium. None of these countries
// moves a holiday that falls on a weekend.

extension CountryRules {
    /// Germany's nationwide holidays; the states add their own (Epiphany, Corpus Christi,
    /// Reformation Day …). Before reunification the calendar is West Germany's, whose Day of German
    /// Unity was 17 June (until 1990). Repentance and Prayer Day was abolished from 1995 (outside
    /// Saxony) to fund long-term care insurance. Reformation Day 2017 (500th anniversary) was a
    /// holiday in every state.
    static let germany = CountryRules(info: CountryInfo(code: "DE", name: "Germany")) { y, _ in
        y.add("New Year's Day", 1, 1)
        y.add("Good Friday", easter: -2)
        y.add("Easter Monday", easter: 1)
        y.add("Labour Day", 5, 1)
        y.add("Ascension Day", easter: 39)
        y.add("Whit Monday", easter: 50)
        if y.year <= 1990 { y.add("Day of German Unity", 6, 17) }
        if y.year >= 1990 { y.add("Day of German Unity", 10, 3) }
        if y.year == 2017 { y.add("Reformation Day", 10, 31) }
        if y.year <= 1994 {
            // The Wednesday eleven days before the first Sunday of Advent.
            y.add("Repentance and Prayer Day", y.date(11, 22).onOrBefore(.wednesday))
        }
        y.add("Christmas Day", 12, 25)
        y.add("Second Day of Christmas", 12, 26)
    }

    /// France's jours fériés (Code du travail, L3133-1). Whit Monday was the "journée de
    /// solidarité" worked day in 2005–2007. Good Friday and St Stephen's Day are Alsace-Moselle
    /// only.
    static let france = CountryRules(info: CountryInfo(code: "FR", name: "France")) { y, _ in
        y.add("New Year's Day", 1, 1)
        y.add("Easter Monday", easter: 1)
        y.add("Labour Day", 5, 1)
        if y.year >= 1982 { y.add("Victory in Europe Day", 5, 8) }
        y.add("Ascension Day", easter: 39)
        if !(2005...2007).contains(y.year) { y.add("Whit Monday", easter: 50) }
        y.add("Bastille Day", 7, 14)
        y.add("Assumption Day", 8, 15)
        y.add("All Saints' Day", 11, 1)
        y.add("Armistice Day", 11, 11)
        y.add("Christmas Day", 12, 25)
    }

    /// The Netherlands' general holidays (Algemene termijnenwet). King's Day (Queen's Day until
    /// 2013) falling on a Sunday is held on the Saturday before (on the Monday after before 1980).
    /// Liberation Day is a day off only in lustrum years (every fifth year).
    static let netherlands = CountryRules(info: CountryInfo(code: "NL", name: "Netherlands")) { y, _ in
        y.add("New Year's Day", 1, 1)
        y.add("Good Friday", easter: -2)
        y.add("Easter Sunday", easter: 0)
        y.add("Easter Monday", easter: 1)
        let monarchsDay = y.year >= 2014 ? y.date(4, 27) : y.date(4, 30)
        let held = monarchsDay.weekday != .sunday ? monarchsDay : monarchsDay.adding(days: y.year >= 1980 ? -1 : 1)
        y.add(y.year >= 2014 ? "King's Day" : "Queen's Day", held)
        if y.year % 5 == 0 { y.add("Liberation Day", 5, 5) }
        y.add("Ascension Day", easter: 39)
        y.add("Whit Sunday", easter: 49)
        y.add("Whit Monday", easter: 50)
        y.add("Christmas Day", 12, 25)
        y.add("Second Day of Christmas", 12, 26)
    }

    /// Belgium's ten legal holidays (Royal Decree of 18 April 1974), with Easter Sunday and Whit
    /// Sunday, which the law lists although they are Sundays.
    static let belgium = CountryRules(info: CountryInfo(code: "BE", name: "Belgium")) { y, _ in
        y.add("New Year's Day", 1, 1)
        y.add("Easter Sunday", easter: 0)
        y.add("Easter Monday", easter: 1)
        y.add("Labour Day", 5, 1)
        y.add("Ascension Day", easter: 39)
        y.add("Whit Sunday", easter: 49)
        y.add("Whit Monday", easter: 50)
        y.add("Belgian National Day", 7, 21)
        y.add("Assumption Day", 8, 15)
        y.add("All Saints' Day", 11, 1)
        y.add("Armistice Day", 11, 11)
        y.add("Christmas Day", 12, 25)
    }
}
