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

    /// What a person reads is what was written, for any mix of the three characters and of text
    /// that already looks like an escape.
    @Test func unescapingGivesBackTheText() {
        for text in ["<!channel> & <!here>", "load > 5", "&amp;", "&lt;b&gt;", "a&&b<<c>>", "", "é — 🚨 &"] {
            #expect(text.slackEscaped.slackUnescaped == text)
        }
        #expect("load &gt; 5 &amp; emea ≤ 2".slackUnescaped == "load > 5 & emea ≤ 2")
    }
}
