import CalendarImport

/// Which absences of the HR export are sickness and which are leave (docs/CALIBRATION.md).
public enum AbsenceKind: Sendable {
    case sickness, leave
    /// Neither: reported once and left out of both fits (it still keeps the SE from working).
    case other
}

extension CalibrationFit {
    /// Absence types read as sickness, compared ignoring case.
    public static let sicknessTypes: Set<String> = ["sick", "sickness", "illness"]
    /// Absence types read as leave (booked ahead) rather than sickness, compared ignoring case.
    public static let leaveTypes: Set<String> = ["vacation", "holiday", "pto", "leave"]
}

extension CalibrationRequest {
    /// A row's kind: the types the options name first (`--leave-type`, then `--sickness-type`),
    /// then the default types; a row without a type is sickness, as every absence was before
    /// exports had types.
    public func kind(of row: TimeOffRow) -> AbsenceKind {
        guard let type = row.type?.lowercased(), !type.isEmpty else { return .sickness }
        if leaveTypes.contains(where: { $0.lowercased() == type }) { return .leave }
        if sicknessTypes.contains(where: { $0.lowercased() == type }) { return .sickness }
        if CalibrationFit.leaveTypes.contains(type) { return .leave }
        return CalibrationFit.sicknessTypes.contains(type) ? .sickness : .other
    }

    /// One warning per type that is neither sickness nor leave (compared ignoring case), naming
    /// its rows' count and first line.
    var otherTypeWarnings: [CalibrationNote] {
        guard let absences else { return [] }
        var found: [(type: String, line: Int, count: Int)] = []
        for row in absences.rows where kind(of: row) == .other {
            let type = row.type!
            if let i = found.firstIndex(where: { $0.type.lowercased() == type.lowercased() }) { found[i].count += 1 } else { found.append((type, row.line, 1)) }
        }
        return found.map { type, line, count in
            "\(absences.source):\(line): absence type \"\(type.quotedInMessage)\" (\(count) row\(count == 1 ? "" : "s")) is neither sickness (\(CalibrationFit.sicknessTypes.sorted().joined(separator: ", "))) nor leave (\(CalibrationFit.leaveTypes.sorted().joined(separator: ", "))): left out of both fits and of the known leave (\(term: .sicknessType) \(type) or \(term: .leaveType) \(type) reads it as one)"
        }
    }

    /// The leave types in force, for messages.
    var leaveTypeList: String {
        (CalibrationFit.leaveTypes.sorted() + leaveTypes.map { $0.lowercased() }.filter { !CalibrationFit.leaveTypes.contains($0) }).joined(separator: ", ")
    }
}
