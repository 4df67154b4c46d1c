import ArgumentParser
import Calendars

extension Plan {
    struct HolidaysCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "holidays",
            abstract: "List a country's public holidays for a year, as the schedule uses them.",
            discussion: """
                Substitute days are listed as their own entries ("Christmas Day (observed)"), under the \
                names a scenario uses to drop a holiday. Countries: \
                \(PublicHolidays.supported.map(\.code).joined(separator: ", ")).
                """
        )

        @Option(help: "ISO 3166-1 alpha-2 country code, e.g. GB.")
        var country: String

        @Option(help: "Subdivision code, e.g. SCT or NIR for GB.")
        var subdivision: String?

        @Option(parsing: .unconditional, help: "Year, \(PublicHolidays.supportedYears.lowerBound)–\(PublicHolidays.supportedYears.upperBound).")
        var year: Int

        @Option(help: "Output: text, csv or json.")
        var format: HolidayListFormat = .text

        func validate() throws {
            guard PublicHolidays.supportedYears.contains(year) else { throw CalendarError.yearOutOfRange(year) }
            _ = try calendar()
        }

        func run() throws {
            emit(format.render(try calendar().holidays(in: year)))
        }

        private func calendar() throws -> PublicHolidays {
            try PublicHolidays(country: country, subdivision: subdivision)
        }
    }
}

extension HolidayListFormat: ExpressibleByArgument {}
