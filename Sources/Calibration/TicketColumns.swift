/// Which columns of an export hold a case's creation and solve times, by name.
public struct TicketColumns: Sendable, Equatable {
    public var created: String
    public var solved: String

    public init(created: String, solved: String) {
        self.created = created
        self.solved = solved
    }

    public static let plain = TicketColumns(created: "created_at", solved: "solved_at")

    /// The column names of common helpdesk exports, for `--preset`.
    public static let presets: [(name: String, columns: TicketColumns)] = [
        ("zendesk", TicketColumns(created: "Created at", solved: "Solved at")),
        ("salesforce", TicketColumns(created: "Date/Time Opened", solved: "Date/Time Closed")),
        ("jira", TicketColumns(created: "Created", solved: "Resolved")),
    ]
}

/// `--where COLUMN=VALUE`: keep the rows whose column holds the value (compared without surrounding
/// spaces, and case-sensitively, as queue and group names are written).
public struct RowFilter: Sendable, Equatable {
    public let column: String
    public let value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }
}
