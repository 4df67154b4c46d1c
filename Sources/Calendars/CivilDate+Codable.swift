/// A date in JSON is its ISO 8601 text, "2026-12-01", as every file of this tool writes it, so a
/// record that holds dates (`run.json`) encodes and decodes them without a conversion of its own.
extension CivilDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date such as 2026-12-01, found \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
