import Testing
import OutputFormats

@Suite struct SlackEscapingTests {
    /// Slack's three escapes, and nothing else touched.
    @Test func mentionsAndLinksBecomeText() {
        #expect("<!channel> & <!here> <@U123|bob> <https://x|y>".slackEscaped
            == "&lt;!channel&gt; &amp; &lt;!here&gt; &lt;@U123|bob&gt; &lt;https://x|y&gt;")
        #expect("&amp;".slackEscaped == "&amp;amp;")
        #expect("*bold* _it_ ~s~ #ce é — 🚨".slackEscaped == "*bold* _it_ ~s~ #ce é — 🚨")
        #expect("".slackEscaped == "")
    }
}
