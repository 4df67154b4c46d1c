/// One logical line of an iCalendar file, `NAME;PARAM=value,value:VALUE`, after unfolding.
///
/// Names are upper-cased on reading because RFC 5545 makes them case-insensitive, so the rest of the
/// reader can compare with string literals.
struct ContentLine: Equatable {
    struct Parameter: Equatable {
        let name: String
        let values: [String]
    }

    let name: String
    let parameters: [Parameter]
    /// The raw value: still escaped for TEXT properties (see `ICalendarText`).
    let value: String
    /// The physical line the logical line starts on, for messages.
    let line: Int

    /// The first value of the named parameter (names are upper-cased), if present.
    func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.values.first
    }
}

/// Splitting an iCalendar stream into content lines (RFC 5545 §3.1).
///
/// Works on UTF-8 bytes rather than characters because producers fold long lines at 75 octets and may
/// cut a multi-byte character in two; joining the bytes before decoding puts it back together.
enum ContentLines {
    /// Unfolds and parses every line. Empty lines, which the RFC does not allow but which files often
    /// end with, are skipped.
    static func parse(_ bytes: [UInt8], source: String) throws(ImportError) -> [ContentLine] {
        var lines: [ContentLine] = []
        for logical in try unfold(bytes, source: source) {
            lines.append(try parseLine(logical.bytes, line: logical.line, source: source))
        }
        return lines
    }

    /// Splits at LF (with or without CR) and joins each line that begins with a space or a tab to the
    /// line before it, dropping that one whitespace character. Returns each logical line with the
    /// number of the physical line it starts on.
    static func unfold(_ bytes: [UInt8], source: String) throws(ImportError) -> [(line: Int, bytes: [UInt8])] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var logical: [(line: Int, bytes: [UInt8])] = []
        var lineNumber = 0
        var start = body.startIndex
        while start < body.endIndex {
            lineNumber += 1
            let newline = body[start...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            var physical = body[start..<newline]
            if physical.last == UInt8(ascii: "\r") { physical = physical.dropLast() }
            start = newline < body.endIndex ? body.index(after: newline) : newline
            if let first = physical.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                guard !logical.isEmpty else {
                    throw ImportError(
                        source: source, line: lineNumber,
                        message: "expected BEGIN:VCALENDAR, found a continuation line (one that begins with a space or tab) with no line before it to continue")
                }
                logical[logical.count - 1].bytes.append(contentsOf: physical.dropFirst())
            } else if !physical.isEmpty {
                logical.append((lineNumber, Array(physical)))
            }
        }
        return logical
    }

    /// Parses `name *(";" param) ":" value`, where a parameter is `name=value[,value…]` and a value
    /// may be a quoted string that contains `;`, `:` and `,`.
    static func parseLine(_ bytes: [UInt8], line: Int, source: String) throws(ImportError) -> ContentLine {
        var cursor = 0
        func fail(_ expected: String) -> ImportError {
            ImportError(source: source, line: line, message: "expected \(expected) in \(quoted(bytes))")
        }
        func readName() -> String {
            let begin = cursor
            while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
            return String(decoding: bytes[begin..<cursor], as: UTF8.self).uppercased()
        }
        let name = readName()
        guard !name.isEmpty else { throw fail("a property name at the start of the line") }
        var parameters: [ContentLine.Parameter] = []
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") {
            cursor += 1
            let parameterName = readName()
            guard !parameterName.isEmpty else { throw fail("a parameter name after \";\"") }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else {
                throw fail("\"=\" after the parameter name \(parameterName)")
            }
            var values: [String] = []
            repeat {
                cursor += 1
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") {
                    let begin = cursor + 1
                    guard let end = bytes[begin...].firstIndex(of: UInt8(ascii: "\"")) else {
                        throw fail("a closing quote in the value of the parameter \(parameterName)")
                    }
                    values.append(String(decoding: bytes[begin..<end], as: UTF8.self))
                    cursor = end + 1
                } else {
                    let begin = cursor
                    while cursor < bytes.count, !isParameterDelimiter(bytes[cursor]) { cursor += 1 }
                    values.append(String(decoding: bytes[begin..<cursor], as: UTF8.self))
                }
            } while cursor < bytes.count && bytes[cursor] == UInt8(ascii: ",")
            parameters.append(.init(name: parameterName, values: values))
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else {
            throw fail("\":\" between the name \(name) and its value")
        }
        let value = String(decoding: bytes[(cursor + 1)...], as: UTF8.self)
        return ContentLine(name: name, parameters: parameters, value: value, line: line)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func isParameterDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
    }

    /// The line in quotes for a message, shortened so that a message stays one readable line.
    private static func quoted(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 60 ? "\"\(text.prefix(57))...\"" : "\"\(text)\""
    }
}
