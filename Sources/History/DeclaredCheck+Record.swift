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

    /// In the order `arguments` lists them.
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
    /// once per recording from the record's columns and bound by position to `arguments`.
    /// (GRDB's `upsertAndFetch` builds its SQL anew for each row: `plan history import` of 10,000
    /// checks took 0.43–0.47 s of CPU with it and 0.26–0.29 s with this, release builds. Binding
    /// the values by position, here and for the inputs (`DeclaredInputRecord.replacer`), instead of
    /// the records' `Codable` encoding took the whole process from 0.28–0.30 s of CPU to
    /// 0.14–0.18 s: `/usr/bin/time` user + sys, 5 runs each, release, load average 14–16.)
    static func upsert(_ db: Database) throws -> (DeclaredCheckRecord) throws -> Int64 {
        let columns = CodingKeys.allCases.filter { $0 != .id }.map(\.rawValue)
        let key = [CodingKeys.date, .window].map(\.rawValue)
        let statement = try db.makeStatement(sql: """
            INSERT INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(columns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            RETURNING \(CodingKeys.id.rawValue)
            """)
        return { record in
            guard let id = try Int64.fetchOne(statement, arguments: record.arguments) else {
                throw StoredValueError("a declared check was stored without an id")
            }
            return id
        }
    }

    /// The values of every column but the id, in the order of `CodingKeys`.
    var arguments: StatementArguments { [date, window, checkMinute, level, alerts, policySHA256, source, recordedAt] }
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

    /// In the order `replacer` binds them.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case declaredCheckID = "declared_check_id", position, name, value, kind
    }

    enum Columns {
        static let declaredCheckID = Column(CodingKeys.declaredCheckID)
        static let position = Column(CodingKeys.position)
    }

    /// Writes an input over the one of its check and position (`INSERT OR REPLACE`, a leaf row),
    /// through one statement prepared per recording and bound by position: with three inputs a
    /// check, encoding each through `Codable` was the larger part of an import's time.
    static func replacer(_ db: Database) throws -> (DeclaredInputRecord) throws -> Void {
        let columns = CodingKeys.allCases.map(\.rawValue)
        let statement = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
            """)
        return { input in try statement.execute(arguments: [input.declaredCheckID, input.position, input.name, input.value, input.kind]) }
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
