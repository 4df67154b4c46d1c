/// A JSON Pointer (RFC 6901), the way problems in input files are addressed: `/team/3/pto/0/end`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    public private(set) var components: [String]

    public init(_ components: [String] = []) { self.components = components }

    public static let root = JSONPath()

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [key]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [String(index)]) }

    public var description: String {
        if components.isEmpty { return "/" }
        return components.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
