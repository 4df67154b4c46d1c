import CalendarImport
import OutputFormats

extension ApprovalPlan {
    /// `approvals.csv`: one row per request in the order considered, with the requester's `note` as
    /// the requests file gave it. `date`, `window`, `added_risk` and the interval describe the check
    /// that decided it (empty when the request changes no check);
    /// probabilities are 0–1 with 4 decimals; `cover` is the number of cover SEs that would let a
    /// declined request through (empty when approved, or when even `largestCover` would not);
    /// `compared` is the number the rule compared with `tolerance` (the lower end of the interval at
    /// a check over the limit; empty when no check is over the limit with the request, or when it
    /// leaves a group with nobody, which `reason` then names with the group).
    public var csv: String {
        var text = CSVWriter.row(["name", "start", "end", "priority", "note", "decision", "reason", "date", "window", "added_risk", "ci_low", "ci_high", "cover", "compared", "tolerance"])
        for decision in decisions {
            let request = decision.request
            let charge = decision.charge
            let d = charge?.change.difference
            text += CSVWriter.row([
                request.name, "\(request.dates.first)", "\(request.dates.last)", "\(request.priority)", request.note,
                decision.approved ? "approve" : "decline", decision.emptiedGroup.map { "leaves \($0) with nobody at a check" } ?? decision.reason.rawValue,
                charge.map { "\($0.date)" } ?? "", charge?.window ?? "",
                d.map { NumberFormat.fixed($0.estimate, 4) } ?? "", d.map { NumberFormat.fixed($0.low, 4) } ?? "",
                d.map { NumberFormat.fixed($0.high, 4) } ?? "",
                decision.cover.map(String.init) ?? "",
                decision.compared.map { NumberFormat.fixed($0, 4) } ?? "", NumberFormat.fixed(tolerance, 4),
            ])
        }
        return text
    }

    /// The approved time off as a time-off CSV (`name,start,end`), which a scenario's `time_off_csv`
    /// reads: the requests as made, overlaps with planned time off included (the reader merges them),
    /// each with the line of `requests` (the requests file) it came from. Names a spreadsheet would
    /// run as formulas are marked as `CSVWriter` marks them, and the reader restores them.
    public func approvedTimeOffCSV(requests: String) -> String {
        CSVWriter.row(TimeOffCSV.writtenColumns) + approvedRequests.map {
            CSVWriter.row([$0.name, "\($0.dates.first)", "\($0.dates.last)", "\(requests):\($0.line)"])
        }.joined()
    }
}
