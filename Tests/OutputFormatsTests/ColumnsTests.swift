import OutputFormats
import Testing

@Suite struct ColumnsTests {
    @Test func padding() {
        #expect("ab".padded(to: 5) == "ab   ")
        #expect("abcdef".padded(to: 5) == "abcdef")
        #expect("".padded(to: 2) == "  ")
        #expect("7".leftPadded(to: 3) == "  7")
        #expect("42".leftPadded(to: 4, with: "0") == "0042")
        #expect("12345".leftPadded(to: 3) == "12345")
    }

    /// A column keeps a space before the next one even when the value fills it.
    @Test func columns() {
        #expect("date".column(6) + "x" == "date  x")
        #expect("window".column(6) + "x" == "window x")
        #expect("≥2".column(4) + "x" == "≥2  x")
    }

    @Test func trailingSpaces() {
        #expect("a b  ".trimmingTrailingSpaces == "a b")
        #expect("  ".trimmingTrailingSpaces == "")
        #expect(" a".trimmingTrailingSpaces == " a")
    }

    @Test func htmlEscaping() {
        #expect("<&>\"'".htmlEscaped == "&lt;&amp;&gt;&quot;&#39;")
        #expect("Dec 21–24 · ≥2".htmlEscaped == "Dec 21–24 · ≥2")
    }
}
