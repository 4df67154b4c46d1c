/// The RFC 4180 field parser behind `CSVTable` (a whole file) and `CSVRecordStream` (a file read
/// in chunks): bytes go in as they come, records come out as each one ends, so that a reader never
/// holds more than the record it is on.
///
/// It works on UTF-8 bytes: the characters that structure a CSV file (quote, comma, CR, LF) are
/// ASCII and never occur inside a multi-byte character, so a chunk may end anywhere. A field that
/// is not UTF-8 is an error naming its line: read as text with replacement characters it would stop
/// matching a filter or a name, and rows would drop out of a count without a word.
///
/// Memory is bounded by `CSVLimits` whatever the input: a file with no line break (`/dev/zero`, a
/// binary file) or a row of nothing but commas is refused at the first record past a limit.
public struct CSVRecordParser {
    private enum State {
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: the field's end, or the first half of `""`.
        case quoteInQuoted
        /// After a closing quote: only a comma or a line break may follow.
        case afterQuoted
        /// The bytes of the character that wrongly follows a closing quote, collected for the message.
        case badAfterQuote([UInt8])
    }

    private let source: String
    private let limits: CSVLimits
    private var state = State.fieldStart
    /// Bytes of the record so far, and whether a record (the header) was already completed.
    private var recordBytes = 0
    private var sawHeader = false
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var line = 1
    private var recordLine = 1
    private var openingLine = 1
    /// Whether the record so far has a quoted field, which makes even `""` a record, not a blank line.
    private var recordHasQuote = false
    /// A CR was the last byte: an LF right after it belongs to the same line break.
    private var afterCR = false
    /// How many bytes of a leading UTF-8 byte order mark have been seen (3 when done or absent).
    private var bomBytes = 0
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(source: String, limits: CSVLimits = CSVLimits()) {
        self.source = source
        self.limits = limits
    }

    /// Feeds `bytes`, calling `record` for each record they complete.
    ///
    /// - Complexity: O(bytes.count).
    public mutating func feed<Bytes: Sequence<UInt8>>(
        _ bytes: Bytes, record: (CSVTable.Record) throws(CSVError) -> Void
    ) throws(CSVError) {
        for byte in bytes {
            if bomBytes < 3 {
                if byte == Self.bom[bomBytes] {
                    bomBytes += 1
                    continue
                }
                // Not a byte order mark after all: the bytes taken for one are text.
                let taken = Self.bom[0..<bomBytes]
                bomBytes = 3
                for b in taken { try step(b, record: record) }
            }
            try step(byte, record: record)
        }
    }

    /// Ends the input: the last record need not end in a line break.
    public mutating func finish(record: (CSVTable.Record) throws(CSVError) -> Void) throws(CSVError) {
        if bomBytes < 3 {
            let taken = Self.bom[0..<bomBytes]
            bomBytes = 3
            for b in taken { try step(b, record: record) }
        }
        switch state {
        case .quoted:
            throw CSVError(source: source, line: openingLine, message: "expected a closing quote for the field that opens on this line, found the end of the file")
        case .badAfterQuote(let bytes):
            throw afterQuoteError(bytes)
        default:
            break
        }
        if !fields.isEmpty || !field.isEmpty || recordHasQuote { try endRecord(record) }
    }

    private mutating func step(_ byte: UInt8, record: (CSVTable.Record) throws(CSVError) -> Void) throws(CSVError) {
        let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, quote: UInt8 = 0x22, comma: UInt8 = 0x2C
        if afterCR {
            afterCR = false
            if byte == lf { return }
        }
        recordBytes += 1
        let recordLimit = sawHeader ? limits.recordBytes : limits.headerBytes
        if recordBytes > recordLimit {
            let what = sawHeader ? "row" : "header row"
            throw CSVError(
                source: source, line: recordLine,
                message: "the \(what) is longer than \(CSVLimits.size(recordLimit)), the most plan reads in a \(what); is this a CSV file?")
        }
        switch state {
        case .quoted:
            if byte == quote {
                state = .quoteInQuoted
            } else if byte == cr || byte == lf {
                try append(lf)
                lineBreak(byte)
            } else {
                try append(byte)
            }
        case .quoteInQuoted:
            if byte == quote {
                try append(quote)
                state = .quoted
            } else {
                state = .afterQuoted
                try step(byte, record: record)
            }
        case .afterQuoted:
            if byte == comma || byte == cr || byte == lf {
                state = .unquoted
                try step(byte, record: record)
            } else {
                state = .badAfterQuote([byte])
                try checkBadAfterQuote()
            }
        case .badAfterQuote(var bytes):
            bytes.append(byte)
            state = .badAfterQuote(bytes)
            try checkBadAfterQuote()
        case .fieldStart, .unquoted:
            if byte == quote {
                guard case .fieldStart = state else {
                    throw CSVError(
                        source: source, line: line,
                        message: "expected a quote only around a whole field, found one inside field \(fields.count + 1) (write it as \"\" inside a quoted field)")
                }
                recordHasQuote = true
                openingLine = line
                state = .quoted
            } else if byte == comma {
                try endField()
                state = .fieldStart
            } else if byte == cr || byte == lf {
                lineBreak(byte)
                try endRecord(record)
                recordLine = line
                state = .fieldStart
            } else {
                try append(byte)
                state = .unquoted
            }
        }
    }

    private mutating func lineBreak(_ byte: UInt8) {
        line += 1
        afterCR = byte == 0x0D
    }

    private mutating func append(_ byte: UInt8) throws(CSVError) {
        guard field.count < limits.fieldBytes else {
            throw CSVError(
                source: source, line: recordLine,
                message: "field \(fields.count + 1) is longer than \(CSVLimits.size(limits.fieldBytes)), the most plan reads in one field")
        }
        field.append(byte)
    }

    /// Ends the field: checks it is UTF-8 and that the record has room for it.
    private mutating func endField() throws(CSVError) {
        guard fields.count < limits.fields else {
            throw CSVError(source: source, line: recordLine, message: "the row has more than \(limits.fields) fields, the most plan reads in one row")
        }
        guard let text = Self.utf8Text(field) else {
            throw CSVError(
                source: source, line: recordLine,
                message: "field \(fields.count + 1) is not UTF-8 text; export the file as UTF-8 (CSV UTF-8 in Excel)")
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
    }

    /// `bytes` as a string, or nil unless they are valid UTF-8. ASCII, most fields, is checked in one pass.
    static func utf8Text(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.allSatisfy({ $0 < 0x80 }) { return text }
        // Decoding replaces every invalid sequence with U+FFFD, so valid input alone decodes back to itself.
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    private mutating func endRecord(_ record: (CSVTable.Record) throws(CSVError) -> Void) throws(CSVError) {
        try endField()
        let blank = fields.count == 1 && fields[0].isEmpty && !recordHasQuote
        let done = fields
        fields.removeAll(keepingCapacity: true)
        recordHasQuote = false
        recordBytes = 0
        if !blank {
            sawHeader = true
            try record(CSVTable.Record(fields: done, line: recordLine))
        }
    }

    /// Throws once the character after a closing quote is complete (1 to 4 UTF-8 bytes).
    private func checkBadAfterQuote() throws(CSVError) {
        guard case .badAfterQuote(let bytes) = state else { return }
        let lead = bytes[0]
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        if bytes.count >= length { throw afterQuoteError(bytes) }
    }

    private func afterQuoteError(_ bytes: [UInt8]) -> CSVError {
        let character = String(decoding: bytes, as: UTF8.self)
        return CSVError(
            source: source, line: line,
            message: "expected a comma or the end of the line after the closing quote of field \(fields.count + 1), found \"\(character)\"")
    }
}

/// The most one record of a CSV file may hold. Real files are far inside them (a helpdesk export's
/// header is a few KB, a row rarely 100 KB even with a case's description); they exist so that the
/// memory a file takes has a bound however it was made.
public struct CSVLimits: Sendable, Equatable {
    /// Bytes of one field, after unquoting.
    public var fieldBytes = 1 << 20
    /// Bytes of one row, line breaks inside quoted fields included.
    public var recordBytes = 4 << 20
    /// Bytes of the first record, which names the columns.
    public var headerBytes = 64 << 10
    /// Fields of one row: a row of commas would otherwise be millions of empty strings.
    public var fields = 10_000

    public init() {}

    /// `4 MiB`, `64 KiB`: a limit as messages name it.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}
