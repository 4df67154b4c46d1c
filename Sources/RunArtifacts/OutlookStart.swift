/// The state `plan outlook` starts from, which with the scenario file fixes the scenario it
/// derives: recorded in a shard's identity, so that `plan merge` derives the same outlook, and in
/// `run.json`, so that a reader can tell what the outlook assumed.
public struct OutlookStart: Sendable, Codable, Equatable {
    /// The first day, YYYY-MM-DD (`--from today` is stored as the date it meant).
    public let from: String
    public let days: Int
    public let openCases: Int
    /// The instant the open cases were counted at, YYYY-MM-DDTHH:MMZ (`--open-cases-at`); nil
    /// for the default, the last check of the day before `from`.
    public let openCasesAt: String?
    /// `--absent NAME[:UNTIL]`, in the order given.
    public let absences: [Absence]
    /// The leave `--time-off` read, expanded so that a merge derives the same outlook without the file.
    public let leave: [Leave]

    public struct Absence: Sendable, Codable, Equatable {
        public let name: String
        /// The last day out, YYYY-MM-DD; nil for out until further notice.
        public let until: String?

        public init(name: String, until: String?) {
            self.name = name
            self.until = until
        }
    }

    public struct Leave: Sendable, Codable, Equatable {
        public let name: String
        /// First and last day off, YYYY-MM-DD.
        public let first: String
        public let last: String

        public init(name: String, first: String, last: String) {
            self.name = name
            self.first = first
            self.last = last
        }
    }

    enum CodingKeys: String, CodingKey {
        case from, days, absences, leave
        case openCases = "open_cases", openCasesAt = "open_cases_at"
    }

    public init(from: String, days: Int, openCases: Int, openCasesAt: String? = nil, absences: [Absence], leave: [Leave] = []) {
        self.from = from
        self.days = days
        self.openCases = openCases
        self.openCasesAt = openCasesAt
        self.absences = absences
        self.leave = leave
    }

    /// Records written before `open_cases_at` and `leave` existed read as the default instant and no leave.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(String.self, forKey: .from)
        days = try c.decode(Int.self, forKey: .days)
        openCases = try c.decode(Int.self, forKey: .openCases)
        openCasesAt = try c.decodeIfPresent(String.self, forKey: .openCasesAt)
        absences = try c.decode([Absence].self, forKey: .absences)
        leave = try c.decodeIfPresent([Leave].self, forKey: .leave) ?? []
    }

    public var description: String {
        (["from \(from)", "\(days) days", "\(openCases) open cases" + (openCasesAt.map { " at \($0)" } ?? "")]
            + absences.map { "\($0.name) out \($0.until.map { "until \($0)" } ?? "until further notice")" }
            + leave.map { "\($0.name) off \($0.first)…\($0.last)" })
            .joined(separator: ", ")
    }
}
