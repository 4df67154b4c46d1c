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
    /// the store (same date and window) is replaced: the later recording is the correction. The
    /// check is an upsert on (date, window), which keeps its id; each input is written over the one
    /// of its position (`INSERT OR REPLACE` on the key (check, position), a leaf row), and inputs
    /// past the new check's count are deleted.
    ///
    /// - Complexity: O(checks × inputs) statements.
    @discardableResult
    public func record(_ checks: [DeclaredCheck]) throws(HistoryError) -> RecordedCount {
        do {
            return try pool.write { db in
                let before = try DeclaredCheckRecord.fetchCount(db)
                // Prepared once, as the upsert is: building a request per check costs more than running it.
                let (checkID, position) = (DeclaredInputRecord.Columns.declaredCheckID, DeclaredInputRecord.Columns.position)
                let deleteStale = try db.makeStatement(literal: "DELETE FROM \(DeclaredInputRecord.self) WHERE \(checkID) = ? AND \(position) >= ?")
                let upsert = try DeclaredCheckRecord.upsert(db)
                let replace = try DeclaredInputRecord.replacer(db)
                for check in checks {
                    let id = try upsert(DeclaredCheckRecord(check))
                    try deleteStale.execute(arguments: [id, check.inputs.count])
                    for (position, input) in check.inputs.enumerated() {
                        try replace(DeclaredInputRecord(declaredCheckID: id, position: position, name: input.name, value: input.value, kind: input.kind?.rawValue))
                    }
                }
                let added = try DeclaredCheckRecord.fetchCount(db) - before
                return RecordedCount(added: added, replaced: checks.count - added)
            }
        } catch {
            throw HistoryError(path, error)
        }
    }

    /// The declared checks from `from` to `to` (both included; nil is open), in time order.
    public func declaredChecks(from: CivilDate? = nil, to: CivilDate? = nil) throws(HistoryError) -> [DeclaredCheck] {
        let date = DeclaredCheckRecord.Columns.date
        var request = DeclaredCheckRecord.order(date, DeclaredCheckRecord.Columns.checkMinute)
        if let from { request = request.filter(date >= from.description) }
        if let to { request = request.filter(date <= to.description) }
        return try fetchChecks(request)
    }

    /// The declared check just before the check at `minute` (minutes after 00:00 UTC) of `date`,
    /// whatever its window: the check the team last acted on, which a new declaration is compared
    /// with to tell new alerts from standing ones. Nil when none was recorded before it.
    public func previousCheck(before date: CivilDate, minute: Int) throws(HistoryError) -> DeclaredCheck? {
        let (day, checkMinute) = (DeclaredCheckRecord.Columns.date, DeclaredCheckRecord.Columns.checkMinute)
        return try fetchChecks(DeclaredCheckRecord
            .filter(day < date.description || (day == date.description && checkMinute < minute))
            .order(day.desc, checkMinute.desc)
            .limit(1)).first
    }

    /// The checks `request` selects, each with its inputs: two queries in all.
    private func fetchChecks(_ request: QueryInterfaceRequest<DeclaredCheckRecord>) throws(HistoryError) -> [DeclaredCheck] {
        do {
            return try pool.read { db in
                try request.including(all: DeclaredCheckRecord.inputs).asRequest(of: DeclaredCheckInfo.self).fetchAll(db).map { try $0.decoded() }
            }
        } catch {
            throw HistoryError(path, error)
        }
    }
}
