import InputFormats
import OutputFormats
import Testing

/// Writing an edited document back (`plan calibrate --write`, its JSON fragment).
@Suite struct JSONValueWritingTests {
    /// A parsed document is written with its numbers' own text.
    @Test func aParsedDocumentKeepsItsNumbers() throws {
        let parsed = try parseJSONDocument(#"{"a": 1.50, "b": [1e3, -0]}"#, source: "t.json").value
        #expect(try parsed.prettyPrinted == "{\n  \"a\": 1.50,\n  \"b\": [1e3, -0]\n}")
    }

    /// A number a program set to NaN or an infinity is refused with its path, not written as `nan`.
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func aNonFiniteNumberIsRefused(_ value: Double) {
        let document = JSONValue.object([]).setting(["intervals", "/resolve_per_shift"], to: .array([.init(.number(3.4, text: "3.4")), .init(.number(value, text: "nan"))]))
        let error = #expect(throws: NonFiniteNumberError.self) { try document.prettyPrinted }
        #expect(error?.pointer == "/intervals//resolve_per_shift/1")
    }
}
