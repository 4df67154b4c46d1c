/// A parsed JSON document that remembers where each value stood, so that a problem found while
/// interpreting a scenario or a policy can name its line as well as its JSON path.
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// The number and its source text: the text tells an integer (`3`) from a fraction (`3.0`).
    case number(Double, text: String)
    case string(String)
    case array([Located])
    /// Members in document order; duplicate keys are rejected by the parser.
    case object([(key: String, value: Located)])

    /// A value with the 1-based line on which it starts.
    public struct Located: Sendable {
        public let value: JSONValue
        public let line: Int
    }

    /// The JSON type name used in error messages ("a string", "an object", …).
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
