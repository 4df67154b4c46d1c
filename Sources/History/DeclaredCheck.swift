import Calendars
import CapacityPolicy

/// A level as CS-triage declared it at a check, with everything needed to tell later whether the
/// forecasts saw it coming and whether the policy would still declare it.
public struct DeclaredCheck: Sendable, Equatable {
    public var date: CivilDate
    /// The window's name as the policy and the run files spell it ("EMEA", "Americas").
    public var window: String
    /// Minutes after midnight UTC of the window's check; orders the checks of a day and tells
    /// which forecasts were made before the check.
    public var checkMinute: Int
    /// Every policy input, in the policy's order.
    public var inputs: [Input]
    /// 1-based.
    public var level: Int
    /// The channels alerted at that level (cumulative).
    public var alerts: [String]
    /// SHA-256 of the effective policy that declared it, so a later change of policy is visible.
    public var policySHA256: String
    /// Where it came from: "plan level", or the imported file and line.
    public var source: String
    /// ISO 8601 UTC, to the second.
    public var recordedAt: String

    public struct Input: Sendable, Equatable {
        public var name: String
        public var value: Int
        /// What the input counts, as the declaring policy said; nil for an input recorded before
        /// the store kept kinds under a name other than the handbook's (`emea`, `us`, `open`).
        public var kind: CapacityPolicy.Input.Kind?
        public init(name: String, value: Int, kind: CapacityPolicy.Input.Kind?) { (self.name, self.value, self.kind) = (name, value, kind) }
    }

    public init(date: CivilDate, window: String, checkMinute: Int, inputs: [Input], level: Int, alerts: [String],
                policySHA256: String, source: String, recordedAt: String) {
        self.date = date
        self.window = window
        self.checkMinute = checkMinute
        self.inputs = inputs
        self.level = level
        self.alerts = alerts
        self.policySHA256 = policySHA256
        self.source = source
        self.recordedAt = recordedAt
    }

    /// The value of the input `name`, if the policy had it.
    public func input(_ name: String) -> Int? { inputs.first { $0.name == name }?.value }

    /// The open cases at the check: the value of the policy's cases input, whatever its name; nil
    /// when the check's kinds were not recorded.
    public var openCases: Int? { inputs.first { $0.kind == .cases }?.value }
}
