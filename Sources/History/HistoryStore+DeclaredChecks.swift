import Calendars
import GRDB

extension HistoryStore {
    /// How many declarations a recording added, and how many replaced one recorded earlier for the
    /// same check.
    public struct RecordedCount: Sendable, Equatable {
        public var added = 0
        public var replaced = 0
    }

    /// Stores `checks` in one transaction: all of them or, on an error, none. A check already in
    /// the store (same date and window) is replaced: the later recording is the correction.
    ///
    /// - Complexity: O(checks × inputs) statements.
    @discardableResult
    public func record(_ checks: [DeclaredCheck]) throws(HistoryError) -> RecordedCount {
        do {
            return try pool.write { db in
                var count = RecordedCount()
                for check in checks {
                    let previous = try Int64.fetchOne(
                        db, sql: "SELECT id FROM declared_check WHERE date = ? AND window = ?",
                        arguments: [check.date.description, check.window])
                    if let previous {
                        try db.execute(sql: "DELETE FROM declared_check WHERE id = ?", arguments: [previous])
                        count.replaced += 1
                    } else {
                        count.added += 1
                    }
                    try db.cachedStatement(sql: """
                        INSERT INTO declared_check (date, window, check_minute, level, alerts, policy_sha256, source, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [
                            check.date.description, check.window, check.checkMinute, check.level,
                            check.alerts.joined(separator: " "), check.policySHA256, check.source, check.recordedAt,
                        ])
                    let id = db.lastInsertedRowID
                    let insertInput = try db.cachedStatement(sql: "INSERT INTO declared_input (declared_check_id, position, name, value) VALUES (?, ?, ?, ?)")
                    for (position, input) in check.inputs.enumerated() {
                        try insertInput.execute(arguments: [id, position, input.name, input.value])
                    }
                }
                return count
            }
        } catch {
            throw HistoryError(path, error)
        }
    }

    /// The declared checks from `from` to `to` (both included; nil is open), in time order.
    public func declaredChecks(from: CivilDate? = nil, to: CivilDate? = nil) throws(HistoryError) -> [DeclaredCheck] {
        try fetchChecks(
            where: "date >= ? AND date <= ?", arguments: [from?.description ?? "", to?.description ?? "9999-12-31"],
            order: "date, check_minute")
    }

    /// The declared check just before the check at `minute` (minutes after 00:00 UTC) of `date`,
    /// whatever its window: the check the team last acted on, which a new declaration is compared
    /// with to tell new alerts from standing ones. Nil when none was recorded before it.
    public func previousCheck(before date: CivilDate, minute: Int) throws(HistoryError) -> DeclaredCheck? {
        try fetchChecks(
            where: "date < ? OR (date = ? AND check_minute < ?)", arguments: [date.description, date.description, minute],
            order: "date DESC, check_minute DESC LIMIT 1").first
    }

    private func fetchChecks(where condition: String, arguments: StatementArguments, order: String) throws(HistoryError) -> [DeclaredCheck] {
        do {
            return try pool.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM declared_check WHERE \(condition) ORDER BY \(order)", arguments: arguments)
                let inputs = try db.cachedStatement(sql: "SELECT name, value FROM declared_input WHERE declared_check_id = ? ORDER BY position")
                return try rows.map { row in
                    let id: Int64 = row["id"]
                    let alerts: String = row["alerts"]
                    return DeclaredCheck(
                        date: try storedDate(row["date"]), window: row["window"], checkMinute: row["check_minute"],
                        inputs: try Row.fetchAll(inputs, arguments: [id]).map { DeclaredCheck.Input(name: $0["name"], value: $0["value"]) },
                        level: row["level"], alerts: alerts.split(separator: " ").map(String.init),
                        policySHA256: row["policy_sha256"], source: row["source"], recordedAt: row["recorded_at"])
                }
            }
        } catch {
            throw HistoryError(path, error)
        }
    }
}

/// A date column read back; a row edited by hand to hold something else is reported, not trusted.
func storedDate(_ text: String) throws -> CivilDate {
    guard let date = CivilDate(iso: text) else { throw HistoryError("a stored date is \"\(text)\", not a date such as 2026-12-01") }
    return date
}
