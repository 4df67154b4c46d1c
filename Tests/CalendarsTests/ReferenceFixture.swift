import Calendars
import Foundation

/// The python-holidays export in `Fixtures/holidays-2020-2035.csv` (see `generate_holidays.py`),
/// read once: calendar code ("GB", "GB-SCT") → year → dated names.
struct ReferenceFixture {
    static let fileName = "holidays-2020-2035"
    static let shared = ReferenceFixture()

    let years: ClosedRange<Int>
    let holidays: [String: [Int: [Holiday]]]

    private init() {
        guard let url = Bundle.module.url(forResource: Self.fileName, withExtension: "csv", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("Fixtures/\(Self.fileName).csv is missing from the test bundle")
        }
        var holidays: [String: [Int: [Holiday]]] = [:]
        for line in text.split(separator: "\n").dropFirst(2) {
            // country,subdivision,date,name — only the name can contain commas (and quotes).
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let date = CivilDate(iso: fields[2]) else { fatalError("bad fixture line: \(line)") }
            let calendar = fields[1].isEmpty ? String(fields[0]) : "\(fields[0])-\(fields[1])"
            var name = String(fields[3])
            if name.hasPrefix("\"") { name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") }
            holidays[calendar, default: [:]][date.year, default: []].append(Holiday(date: date, name: name))
        }
        let allYears = holidays.values.flatMap(\.keys)
        self.years = allYears.min()!...allYears.max()!
        self.holidays = holidays
    }
}
