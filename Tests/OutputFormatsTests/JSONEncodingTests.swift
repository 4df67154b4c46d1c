import OutputFormats
import Testing

@Suite struct JSONEncodingTests {
    struct Sample: Encodable {
        let zeta: String
        let alpha: [Double]
    }

    /// Keys sorted, slashes kept, infinity as "+inf": the same bytes on every machine.
    @Test func prettySortedStable() {
        #expect(encodeJSON(Sample(zeta: "a/b", alpha: [0.25, .infinity, -3])) == """
            {
              "alpha" : [
                0.25,
                "+inf",
                -3
              ],
              "zeta" : "a/b"
            }
            """)
    }

    struct WithOptionals: Encodable {
        @NullWhenAbsent var kept: Double?
        let dropped: Double?
    }

    /// A `NullWhenAbsent` optional is written as null when absent; a plain optional's key is left out.
    @Test func absentOptionalsAreNullWhenAsked() {
        #expect(encodeJSON(WithOptionals(kept: nil, dropped: nil)) == "{\n  \"kept\" : null\n}")
        #expect(encodeJSON(WithOptionals(kept: 0.5, dropped: 1)) == "{\n  \"dropped\" : 1,\n  \"kept\" : 0.5\n}")
    }
}
