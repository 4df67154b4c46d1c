import Foundation
import OutputFormats
import Testing

@Suite struct JSONEncodingTests {
    struct Sample: Encodable {
        let zeta: String
        let alpha: [Double]
    }

    /// Keys sorted, slashes kept: the same bytes on every machine.
    @Test func prettySortedStable() throws {
        #expect(try encodeJSON(Sample(zeta: "a/b", alpha: [0.25, 1e300, -3])) == """
            {
              "alpha" : [
                0.25,
                1e+300,
                -3
              ],
              "zeta" : "a/b"
            }
            """)
    }

    struct Nested: Encodable {
        let rows: [Row]
        struct Row: Encodable { let name: String; let load: Double }
    }

    /// NaN and the infinities are refused with the JSON path of the number, never written as text
    /// (`nan`, `"+inf"`) that a reader would fail on or take for a string.
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersAreRefusedWithTheirPath(_ value: Double) {
        let document = Nested(rows: [.init(name: "a", load: 1), .init(name: "b", load: value)])
        let error = #expect(throws: NonFiniteNumberError.self) { try encodeJSON(document) }
        #expect(error?.path == ["rows", "1", "load"] && error?.value.bitPattern == value.bitPattern)
        #expect(throws: NonFiniteNumberError.self) { try encodeJSON([value]) }
        #expect(throws: NonFiniteNumberError.self) { try encodeJSON(Float(value)) }
    }

    @Test func theErrorIsOneSentenceNamingTheNumber() {
        let error = NonFiniteNumberError(path: ["intervals", "/resolve_per_shift", "1"], value: .nan)
        #expect(error.description == "cannot write the JSON output: the number at /intervals//resolve_per_shift/1 is NaN, which JSON cannot hold")
        #expect(NonFiniteNumberError(path: ["x"], value: -.infinity).description.contains("/x is -infinity"))
    }

    struct WithOptionals: Encodable {
        @NullWhenAbsent var kept: Double?
        let dropped: Double?
    }

    /// A `NullWhenAbsent` optional is written as null when absent; a plain optional's key is left out.
    @Test func absentOptionalsAreNullWhenAsked() throws {
        #expect(try encodeJSON(WithOptionals(kept: nil, dropped: nil)) == "{\n  \"kept\" : null\n}")
        #expect(try encodeJSON(WithOptionals(kept: 0.5, dropped: 1)) == "{\n  \"dropped\" : 1,\n  \"kept\" : 0.5\n}")
    }
}
