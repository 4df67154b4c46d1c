import OutputFormats

/// The progress bar `plan simulate` redraws on a terminal's standard error while it runs:
/// `[###############···············]  52%  104000 of 200000 trials`, or, for a run sized by precision,
/// whose end is not known in advance, the trials done so far.
public enum ProgressLine {
    static let barWidth = 30

    public static func text(done: Int, planned: Int?) -> String {
        guard let planned, planned > 0 else { return "\(done) trials (until the precision target is met)" }
        let share = min(1, Double(done) / Double(planned))
        let filled = Int(share * Double(barWidth))
        let bar = String(repeating: "#", count: filled) + String(repeating: "·", count: barWidth - filled)
        let percentText = String(Int(share * 100))
        return "[\(bar)] \(percentText.leftPadded(to: 3))%  \(done) of \(planned) trials"
    }
}
