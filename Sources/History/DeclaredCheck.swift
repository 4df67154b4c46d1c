import Calendars

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
        public init(name: String, value: Int) { (self.name, self.value) = (name, value) }
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
}
