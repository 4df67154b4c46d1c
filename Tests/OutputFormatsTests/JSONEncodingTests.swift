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
}
