import Calendars
import CapacityPolicy
import GRDB
import OutputFormats

/// A row of `declared_check`: one declared check, without its inputs.
struct DeclaredCheckRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "declared_check"
    /// The check's inputs, in the policy's order.
    static let inputs = hasMany(DeclaredInputRecord.self, key: "inputs").order(DeclaredInputRecord.Columns.position)

    var id: Int64?
    var date: String
    var window: String
    var checkMinute: Int
    var level: Int
    /// Space-separated channels.
    var alerts: String
    var policySHA256: String
    var source: String
    var recordedAt: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, date, window, checkMinute = "check_minute", level, alerts, policySHA256 = "policy_sha256", source, recordedAt = "recorded_at"
    }

    enum Columns {
        static let date = Column(CodingKeys.date)
        static let checkMinute = Column(CodingKeys.checkMinute)
    }

    init(_ check: DeclaredCheck) {
        (date, window, checkMinute, level) = (check.date.description, check.window, check.checkMinute, check.level)
        (alerts, policySHA256, source, recordedAt) = (check.alerts.joined(separator: " "), check.policySHA256, check.source, check.recordedAt)
    }

    /// The upsert of a check on (date, window), which keeps the row's id and returns it, prepared
    /// once per recording from the record's columns and bound by name to each record's encoding.
    /// (GRDB's `upsertAndFetch` builds its SQL anew for each row: `plan history import` of 10,000
    /// checks took 0.43–0.47 s of CPU with it and 0.26–0.29 s with this, release builds.)
    static func upsert(_ db: Database) throws -> (DeclaredCheckRecord) throws -> Int64 {
        let columns = CodingKeys.allCases.filter { $0 != .id }.map(\.rawValue)
        let key = [CodingKeys.date, .window].map(\.rawValue)
        let statement = try db.makeStatement(sql: """
            INSERT INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { ":" + $0 }.joined(separator: ", ")))
            ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(columns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            RETURNING \(CodingKeys.id.rawValue)
            """)
        return { record in
            guard let id = try Int64.fetchOne(statement, arguments: StatementArguments(record.databaseDictionary)) else {
                throw StoredValueError("a declared check was stored without an id")
            }
            return id
        }
    }
}

/// A row of `declared_input`: one input of a declared check.
struct DeclaredInputRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "declared_input"

    var declaredCheckID: Int64
    var position: Int
    var name: String
    var value: Int
    /// Nil for an input recorded before the store kept kinds (v3) under a name other than the
    /// handbook's (`emea`, `us`, `open`).
    var kind: String?

    enum CodingKeys: String, CodingKey {
        case declaredCheckID = "declared_check_id", position, name, value, kind
    }

    enum Columns {
        static let declaredCheckID = Column(CodingKeys.declaredCheckID)
        static let position = Column(CodingKeys.position)
    }
}

/// A declared check read back with its inputs, in one query per table (`including(all:)`).
struct DeclaredCheckInfo: Decodable, FetchableRecord {
    var check: DeclaredCheckRecord
    var inputs: [DeclaredInputRecord]

    /// The check as plan uses it; a row edited by hand into something plan never writes is an error.
    func decoded() throws -> DeclaredCheck {
        DeclaredCheck(
            date: try storedDate(check.date), window: check.window, checkMinute: check.checkMinute,
            inputs: try inputs.map { input in
                guard let kind = input.kind else { return DeclaredCheck.Input(name: input.name, value: input.value, kind: nil) }
                guard let known = Input.Kind(rawValue: kind) else { throw StoredValueError("an input's kind is \"\(kind)\", not headcount or cases") }
                return DeclaredCheck.Input(name: input.name, value: input.value, kind: known)
            },
            level: check.level, alerts: check.alerts.split(separator: " ").map(String.init),
            policySHA256: check.policySHA256, source: check.source, recordedAt: check.recordedAt)
    }
}

/// A stored value plan never writes (a row edited by hand, or damage SQLite did not see).
typealias StoredValueError = ErrorMessage<StoredValue>
enum StoredValue: ErrorTopic {}

/// A date column read back.
func storedDate(_ text: String) throws -> CivilDate {
    guard let date = CivilDate(iso: text) else { throw StoredValueError("a stored date is \"\(text)\", not a date such as 2026-12-01") }
    return date
}
