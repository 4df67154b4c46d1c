/// An error that is nothing but one sentence for people: what is wrong and where (`file:line:
/// /json/path: …`).
///
/// Most of the modules' errors are such sentences, which nobody acts on but to show them; this one
/// definition serves them all. Each module gives its own a name and a topic
/// (`typealias CalibrationError = ErrorMessage<CalibrationErrorTopic>`), so that a `catch`, a typed
/// `throws` and the tool's list of errors that are the user's input still tell one module's from
/// another's. An error a caller acts on by its kind is an enum of its own instead, with cases
/// carrying the data (`HistoryError`, `OutputError`, `WebhookError`).
///
/// A sentence about one of the settings a caller gave names it as a term of the topic
/// (`"\(term: .to) \(date) is after …"`): `description` words it as the library does ("the last
/// day"), and the command-line tool renders it with the option that gave it (`--to`), so that no
/// library message quotes a flag and the tool's messages still name the option the user typed.
public struct ErrorMessage<Topic: ErrorTopic>: Error, CustomStringConvertible, Sendable, Equatable {
    public let wording: Wording<Topic.Term>

    public init(_ wording: Wording<Topic.Term>) { self.wording = wording }
    /// A sentence that names no setting; a literal is read as a `Wording` first, so that its terms count.
    @_disfavoredOverload public init(_ text: String) { wording = Wording(text) }

    /// The sentence, each term in the library's words.
    public var description: String { wording.rendered(Topic.words) }
}

/// The module an `ErrorMessage` comes from: an uninhabited enum per module, used only as a type,
/// with the settings its messages can name.
public protocol ErrorTopic: Sendable {
    /// The settings a message can name; `Never` for a module whose messages name none.
    associatedtype Term: Hashable, Sendable = Never
    /// A term as the library words it.
    static func words(_ term: Term) -> String
}

extension ErrorTopic where Term == Never {
    public static func words(_ term: Never) -> String {}
}

/// A sentence with terms (the settings it is about) left to be named by whoever shows it.
public struct Wording<Term: Hashable & Sendable>: Sendable, Hashable, ExpressibleByStringInterpolation {
    enum Part: Sendable, Hashable {
        case text(String)
        case term(Term)
    }
    var parts: [Part]

    public init(_ text: String) { parts = text.isEmpty ? [] : [.text(text)] }
    public init(stringLiteral value: String) { parts = [.text(value)] }
    public init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

    /// The sentence with each term named by `name`.
    public func rendered(_ name: (Term) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .term(let term): name(term)
            }
        }.joined()
    }

    public struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { append(.text(literal)) }
        public mutating func appendInterpolation<T>(_ value: T) { append(.text("\(value)")) }
        public mutating func appendInterpolation(term: Term) { append(.term(term)) }
        public mutating func appendInterpolation(_ wording: Wording) { wording.parts.forEach { append($0) } }

        /// Text next to text is one part, so that equal sentences are equal however they were built.
        mutating func append(_ part: Part) {
            if case .text(let text) = part, case .text(let before)? = parts.last {
                parts[parts.count - 1] = .text(before + text)
            } else if part != .text("") {
                parts.append(part)
            }
        }
    }
}
