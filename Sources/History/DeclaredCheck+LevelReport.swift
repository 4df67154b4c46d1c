import Calendars
import CapacityPolicy

extension DeclaredCheck {
    /// The check `plan level --record` declared: the report's inputs, level and alerts, on `date`.
    public init(report: LevelReport, window: CheckWindow, date: CivilDate, policySHA256: String, recordedAt: String) {
        self.init(
            date: date, window: window.name, checkMinute: window.checkMinute,
            inputs: zip(report.policy.inputs, report.evaluation.observation.values).map { Input(name: $0.name, value: $1, kind: $0.kind) },
            level: report.levelNumber, alerts: report.alerts, policySHA256: policySHA256, source: "plan level", recordedAt: recordedAt)
    }
}
