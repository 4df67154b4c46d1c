import OutputFormats
import RunArtifacts

extension RunRecord.Sampling {
    /// The sentence, in the terminal summary and the report's method, that says a run sized by
    /// precision stopped at its trial cap before reaching the target, and what to change; nil
    /// when there was no target or it was met.
    public var missedTargetSentence: String? {
        guard missedTarget, let precisionTarget else { return nil }
        return "The precision target of ±\(NumberFormat.points(precisionTarget)) points was not reached: the run stopped at "
            + "its cap of \(NumberFormat.thousands(maximumTrials ?? trials)) trials with ±\(NumberFormat.points(precision)) points; "
            + "raise --max-trials to reach it."
    }
}
