import OutputFormats
import Testing

@Suite struct CSVWriterTests {
    @Test func quoting() {
        #expect(CSVWriter.row(["a", "b,c", "say \"hi\"", "x\ny", "cr\rlf", ""]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\"cr\rlf\",\n")
        #expect(CSVWriter.row([]) == "\n")
    }

    /// Text a spreadsheet would run as a formula gets a leading apostrophe; numbers never change.
    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1 555", "'+1 555"), ("-x", "'-x"), ("@here", "'@here"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), ("=1,2", "\"'=1,2\""), ("-1+2", "'-1+2"), ("'=x", "''=x"), ("''@x", "'''@x"),
        ("-0.0123", "-0.0123"), ("+12", "+12"), ("-3", "-3"), ("1e-5", "1e-5"), ("-2.5E+3", "-2.5E+3"), ("inf", "inf"), ("-inf", "-inf"),
        ("#ce", "#ce"), ("'quoted'", "'quoted'"), ("a=b", "a=b"), ("-", "'-"), ("-.5", "'-.5"), ("-1e", "'-1e"),
    ])
    func neutralisesFormulas(text: String, field: String) {
        #expect(CSVWriter.field(text) == field)
    }

    /// Reading a neutralised text back gives the text that was written, whatever it began with.
    @Test(arguments: ["=x", "'=x", "''@x", "'plain", "plain", "-1", "-x", "@here"])
    func restoresText(text: String) {
        var field = CSVWriter.field(text)
        if field.hasPrefix("\"") { field = String(field.dropFirst().dropLast()) }
        #expect(CSVWriter.restoredText(field) == text)
    }
}
