// Bank holidays of the United Kingdom (by nation) and public holidays of Ireland.

extension CountryRules {
    /// UK bank holidays (Banking and Financial Dealings Act 1971 and the yearly royal
    /// proclamations). The default calendar is England and Wales; Scotland and Northern Ireland
    /// have their own. A holiday on a weekend gives the next free weekday, so Christmas on a
    /// Saturday makes Monday 27 and Tuesday 28 December holidays.
    static let unitedKingdom = CountryRules(info: CountryInfo(
        code: "GB", name: "United Kingdom", defaultRegion: "England and Wales",
        subdivisions: [SubdivisionInfo(code: "SCT", name: "Scotland"), SubdivisionInfo(code: "NIR", name: "Northern Ireland")],
        defaultAliases: ["ENG", "WLS"]
    )) { y, subdivision in
        if subdivision == "SCT" {
            y.add("New Year's Day", 1, 1, substitute: .nextFreeWeekday)
            y.add("2nd January", 1, 2, substitute: .nextFreeWeekday)
        } else if y.year >= 1974 {
            y.add("New Year's Day", 1, 1, substitute: .nextFreeWeekday)
        }
        if subdivision == "NIR" { y.add("Saint Patrick's Day", 3, 17, substitute: .nextFreeWeekday) }
        y.add("Good Friday", easter: -2)
        if subdivision != "SCT" {
            y.add("Easter Monday", easter: 1)
        }
        y.addUnitedKingdomMayHolidays()
        if subdivision == "NIR" { y.add("Battle of the Boyne", 7, 12, substitute: .nextFreeWeekday) }
        if subdivision == "SCT" {
            y.add("Summer Bank Holiday", y.nth(1, .monday, of: 8))
        } else if y.year >= 1971 {
            y.add("Summer Bank Holiday", y.nth(-1, .monday, of: 8))
        } else {
            y.add("Whit Monday", easter: 50)
        }
        if subdivision == "SCT" && y.year >= 2007 {
            y.add("Saint Andrew's Day", 11, 30, substitute: .nextFreeWeekday)
        }
        y.add("Christmas Day", 12, 25, substitute: .nextFreeWeekday)
        if subdivision != "SCT" || y.year >= 1974 {
            y.add("Boxing Day", 12, 26, substitute: .nextFreeWeekday)
        }
        y.addUnitedKingdomOneOffs(scotland: subdivision == "SCT")
    }

    /// Ireland's public holidays (Organisation of Working Time Act 1997, Schedule 2, as amended).
    /// Good Friday is not one. A holiday on a weekend gives employees a day off in lieu at the
    /// employer's choice, not a fixed substitute date, so the calendar has no substitute days.
    /// One-off days: the millennium eve, the day of mourning after 11 September 2001, and the
    /// COVID-19 Day of Remembrance and Recognition.
    static let ireland = CountryRules(info: CountryInfo(code: "IE", name: "Ireland")) { y, _ in
        if y.year >= 1975 { y.add("New Year's Day", 1, 1) }
        if y.year >= 2023 {
            // The first Monday in February, unless 1 February is a Friday.
            let first = y.date(2, 1)
            y.add("Saint Brigid's Day", first.weekday == .friday ? first : first.onOrAfter(.monday))
        }
        y.add("Saint Patrick's Day", 3, 17)
        y.add("Easter Monday", easter: 1)
        if y.year >= 1994 { y.add("May Bank Holiday", y.year == 1995 ? y.date(5, 8) : y.nth(1, .monday, of: 5)) }
        if y.year >= 1973 {
            y.add("June Bank Holiday", y.nth(1, .monday, of: 6))
        } else {
            y.add("Whit Monday", easter: 50)
        }
        y.add("August Bank Holiday", y.nth(1, .monday, of: 8))
        if y.year >= 1977 { y.add("October Bank Holiday", y.nth(-1, .monday, of: 10)) }
        y.add("Christmas Day", 12, 25)
        y.add("Saint Stephen's Day", 12, 26)
        switch y.year {
        case 1999: y.add("Millennium Celebrations", 12, 31)
        case 2001: y.add("National Day of Mourning", 9, 14)
        case 2022: y.add("Day of Remembrance and Recognition", 3, 18)
        default: break
        }
    }
}

extension HolidayYear {
    /// The early May and spring bank holidays, which proclamations have moved for anniversaries:
    /// May Day to VE Day (8 May) in 1995 and 2020, the spring holiday next to the jubilees.
    fileprivate mutating func addUnitedKingdomMayHolidays() {
        if year >= 1978 {
            add("Early May Bank Holiday", [1995, 2020].contains(year) ? date(5, 8) : nth(1, .monday, of: 5))
        }
        if year >= 1971 {
            let moved: [Int: CivilDate] = [2002: date(6, 4), 2012: date(6, 4), 2022: date(6, 2)]
            add("Spring Bank Holiday", moved[year] ?? nth(-1, .monday, of: 5))
        }
    }

    /// Bank holidays proclaimed once, for the whole UK unless marked.
    fileprivate mutating func addUnitedKingdomOneOffs(scotland: Bool) {
        switch year {
        case 1977: add("Silver Jubilee of Elizabeth II", 6, 7)
        case 1981: add("Wedding of Charles and Diana", 7, 29)
        case 1999: add("Millennium Celebrations", 12, 31)
        case 2002: add("Golden Jubilee of Elizabeth II", 6, 3)
        case 2011: add("Wedding of William and Catherine", 4, 29)
        case 2012: add("Diamond Jubilee of Elizabeth II", 6, 5)
        case 2022:
            add("Platinum Jubilee of Elizabeth II", 6, 3)
            add("State Funeral of Queen Elizabeth II", 9, 19)
        case 2023: add("Coronation of King Charles III", 5, 8)
        case 2026 where scotland: add("World Cup Bank Holiday", 6, 15)
        default: break
        }
    }
}
