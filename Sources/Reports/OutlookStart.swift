/// The state `plan outlook` starts from, which with the scenario file fixes the scenario it
/// derives: recorded in a shard's identity, so that `plan merge` derives the same outlook, and in
/// `run.json`, so that a reader can tell what the outlook assumed.
public struct OutlookStart: Sendable, Codable, Equatable {
    /// The first day, YYYY-MM-DD (`--from today` is stored as the date it meant).
    public let from: String
    public let days: Int
    public let openCases: Int
    /// `--absent NAME:UNTIL`, in the order given.
    public let absences: [Absence]

    public struct Absence: Sendable, Codable, Equatable {
        public let name: String
        /// The last day out, YYYY-MM-DD.
        public let until: String

        public init(name: String, until: String) {
            self.name = name
            self.until = until
        }
    }

    enum CodingKeys: String, CodingKey {
        case from, days, absences
        case openCases = "open_cases"
    }

    public init(from: String, days: Int, openCases: Int, absences: [Absence]) {
        self.from = from
        self.days = days
        self.openCases = openCases
        self.absences = absences
    }

    public var description: String {
        (["from \(from)", "\(days) days", "\(openCases) open cases"] + absences.map { "\($0.name) out until \($0.until)" })
            .joined(separator: ", ")
    }
}
