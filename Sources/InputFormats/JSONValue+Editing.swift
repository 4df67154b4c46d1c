import OutputFormats

/// Editing a parsed document and writing it back, for commands that rewrite a user's file
/// (`plan calibrate --write`): members keep their order and numbers their source text, so an edit
/// changes only the keys it names.
extension JSONValue.Located {
    /// A value made by a program rather than read: line 0.
    public init(_ value: JSONValue) {
        self.init(value: value, line: 0)
    }
}

extension JSONValue {
    /// The value with the member at `path` (keys from this object down) set to `value`; missing
    /// objects on the way are created, and a new key goes after the existing ones.
    ///
    /// - Complexity: O(path length × members per object).
    public func setting(_ path: [String], to value: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        var members: [(key: String, value: Located)]
        if case .object(let existing) = self { members = existing } else { members = [] }
        if let i = members.firstIndex(where: { $0.key == key }) {
            members[i].value = Located(value: members[i].value.value.setting(Array(path.dropFirst()), to: value), line: members[i].value.line)
        } else {
            members.append((key, Located(JSONValue.object([]).setting(Array(path.dropFirst()), to: value))))
        }
        return .object(members)
    }

    /// The value without the member at `path`, if there is one.
    public func removing(_ path: [String]) -> JSONValue {
        guard let key = path.first, case .object(var members) = self, let i = members.firstIndex(where: { $0.key == key }) else { return self }
        if path.count == 1 {
            members.remove(at: i)
        } else {
            members[i].value = Located(value: members[i].value.value.removing(Array(path.dropFirst())), line: members[i].value.line)
        }
        return .object(members)
    }

    /// The document indented by two spaces; arrays of numbers, strings and booleans, and objects of
    /// them that fit in 100 characters, stay on one line, as scenario files are written by hand.
    /// A number made by a program that is NaN or infinite is refused, with its path, as `encodeJSON`
    /// refuses it: a parsed number is always finite.
    public var prettyPrinted: String {
        get throws(NonFiniteNumberError) {
            var out = ""
            try write(to: &out, indent: "", path: [])
            return out
        }
    }

    private func write(to out: inout String, indent: String, path: [String]) throws(NonFiniteNumberError) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let value, let text):
            guard value.isFinite else { throw NonFiniteNumberError(path: path, value: value) }
            out += text
        case .string(let s): out += Self.quoted(s)
        case .array(let elements):
            if elements.allSatisfy({ $0.value.isScalar }) {
                var items: [String] = []
                for (i, element) in elements.enumerated() {
                    var item = ""
                    try element.value.write(to: &item, indent: indent, path: path + [String(i)])
                    items.append(item)
                }
                out += "[" + items.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += indent + "  "
                try element.value.write(to: &out, indent: indent + "  ", path: path + [String(i)])
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            if members.allSatisfy({ $0.value.value.isScalar }) {
                var items: [String] = []
                for member in members {
                    var item = Self.quoted(member.key) + ": "
                    try member.value.value.write(to: &item, indent: indent, path: path + [member.key])
                    items.append(item)
                }
                let line = "{ " + items.joined(separator: ", ") + " }"
                if line.count <= 100 {
                    out += line
                    return
                }
            }
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += indent + "  " + Self.quoted(member.key) + ": "
                try member.value.value.write(to: &out, indent: indent + "  ", path: path + [member.key])
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
