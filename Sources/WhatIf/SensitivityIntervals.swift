import InputFormats
import OutputFormats

/// The ranges `plan sensitivity` moves each input over, from `plan calibrate --format json`'s
/// `"intervals"` (keyed by scenario JSON path: `"/resolve_per_shift": [6.81, 7.16]`) where given,
/// else the input's default range.
public struct SensitivityIntervals: Sendable {
    /// By JSON path: the interval and where the file gives it.
    public let ranges: [String: ClosedRange<Double>]
    public let source: String

    public init(ranges: [String: ClosedRange<Double>] = [:], source: String = "") {
        self.ranges = ranges
        self.source = source
    }

    /// Reads a calibration's JSON (only its `"intervals"` object) and checks every interval against
    /// `inputs`: a key that is no input of the scenario (a fit of another team or scenario), an
    /// interval that is not two numbers with low ≤ high, or an end the input may not take (a
    /// negative rate) is a problem, and every problem is reported, one line each
    /// (`fit.json:12: /intervals/…: message`).
    ///
    /// - Complexity: O(file size + intervals × inputs).
    public static func parse(_ text: String, source: String, inputs: [SensitivityInput]) throws(JSONInputErrors) -> SensitivityIntervals {
        let root = try parseJSONDocument(text, source: source)
        guard let intervals = root.requiredMember("intervals")?.members() else {
            try root.log.throwIfAny()
            return SensitivityIntervals(source: source)
        }
        var ranges: [String: ClosedRange<Double>] = [:]
        let known = inputs.map(\.path)
        for (key, node) in intervals {
            guard let input = inputs.first(where: { $0.path == key }) else {
                node.report("\"\(key)\" is not an input of this scenario (is the fit of another team or scenario?); its inputs are \(known.joined(separator: ", "))")
                continue
            }
            guard let ends = node.elements() else { continue }
            guard ends.count == 2, let low = ends[0].double(), let high = ends[1].double() else {
                if ends.count != 2 { node.report("expected [low, high], two numbers, found \(ends.count) element\(ends.count == 1 ? "" : "s")") }
                continue
            }
            guard low <= high else {
                node.report("the low end \(ends[0].numberText) is above the high end \(ends[1].numberText); expected [low, high]")
                continue
            }
            let bad = [(ends[0], low, "low"), (ends[1], high, "high")].filter { !input.valid.contains($0.1) }
            if let (end, _, which) = bad.first {
                node.report("the \(which) end \(end.numberText) is not a valid value of \(input.path) (\(NumberFormat.plain(input.valid.lowerBound)) to \(NumberFormat.plain(input.valid.upperBound)))")
                continue
            }
            ranges[key] = low...high
        }
        try root.log.throwIfAny()
        return SensitivityIntervals(ranges: ranges, source: source)
    }
}
