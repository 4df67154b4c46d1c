/// A public holiday or a company's own day off: a date and the name people know it by.
///
/// The name is part of the identity because companies edit calendars by name ("we work on
/// Columbus Day"), and a substitute day is its own holiday ("Christmas Day (observed)") so that
/// it can be kept or dropped separately from the day it stands in for.
public struct Holiday: Hashable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    public let name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }

    /// The name a substitute day gets: `"Christmas Day (observed)"`.
    public static func observedName(of name: String) -> String { "\(name) (observed)" }

    public var description: String { "\(date) \(name)" }
}
