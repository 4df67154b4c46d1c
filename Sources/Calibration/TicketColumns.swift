/// Which columns of an export hold a case's creation and solve times, and its id, by name.
public struct TicketColumns: Sendable, Equatable {
    public var created: String
    public var solved: String
    /// The case's id, by which a case exported twice (overlapping exports) is counted once. An
    /// export without this column is read with the whole row as the case's identity.
    public var id: String

    public init(created: String, solved: String, id: String = "id") {
        self.created = created
        self.solved = solved
        self.id = id
    }

    public static let plain = TicketColumns(created: "created_at", solved: "solved_at")

    /// The column names of common helpdesk exports, for `--preset`.
    public static let presets: [(name: String, columns: TicketColumns)] = [
        ("zendesk", TicketColumns(created: "Created at", solved: "Solved at", id: "Ticket ID")),
        ("salesforce", TicketColumns(created: "Date/Time Opened", solved: "Date/Time Closed", id: "Case Number")),
        ("jira", TicketColumns(created: "Created", solved: "Resolved", id: "Issue key")),
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
