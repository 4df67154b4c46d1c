import Calendars
import CapacityPolicy
import Foundation
import Reports
import Testing

/// The #customer-support message of a check: emoji by level, the date and window, and new versus
/// standing alerts when the previous check is known.
@Suite struct LevelSlackMessageTests {
    let table = EffectiveTable(.handbook)
    let monday = CivilDate(year: 2026, month: 12, day: 21)!

    func report(emea: Int, us: Int, open: Int) throws -> LevelReport {
        LevelReport(table: table, observation: try table.policy.observation(["emea": emea, "us": us, "open": open]), window: .emea)
    }

    @Test func levelOneHasNoEmojiAndStatesTheDate() throws {
        let message = try report(emea: 3, us: 10, open: 40).slackMessage(date: monday, previous: nil)
        #expect(message.text == """
            *Mon 2026-12-21, EMEA check (10:00 UTC, coverage 09:00–16:00 UTC): we are at level 1 — Business as usual.*
            Why: no level above the baseline is triggered. Observed: emea 3, us 10, open 40, load 3.08.
            No contingencies: business as usual.
            Support capacity levels (handbook), first-level reading
            """)
    }

    @Test func theEmojiRisesWithTheLevel() {
        let emoji = (1...8).map { SlackMessage.emoji(level: $0, of: 8) }
        #expect(emoji == [nil, ":large_yellow_circle:", ":large_orange_circle:", ":red_circle:", ":rotating_light:", ":sos:", ":fire:", ":fire::fire:"])
        // A three-level policy: its top level gets the last emoji.
        #expect((1...3).map { SlackMessage.emoji(level: $0, of: 3) } == [nil, ":rotating_light:", ":fire::fire:"])
    }

    /// Previous check unknown: every alert of the level, nothing said about what changed.
    @Test func withoutThePreviousCheckListsEveryAlert() throws {
        let message = try report(emea: 1, us: 10, open: 30).slackMessage(date: monday, previous: nil)
        #expect(message.paragraphs.last == "Alert: #community-relations, #ce.")
        #expect(!message.text.contains("previous check"))
        #expect(!message.text.contains("New alerts"))
    }

    /// Up from level 4 to 6: #ce and #sales are new, each with the handbook's first message (the
    /// contingency of the level that first alerts it); #community-relations stands.
    @Test func aRiseCarriesTheFirstMessageOfEachNewAlert() throws {
        let message = try report(emea: 3, us: 2, open: 10).slackMessage(date: monday, previous: PreviousCheck(level: 4, alerts: ["#community-relations"]))
        let contingency = { (level: Int) in self.table.policy.levels[level - 1].contingency }
        #expect(message.paragraphs[0].hasPrefix(":sos: *Mon 2026-12-21, EMEA check"))
        #expect(message.paragraphs[1] == "Up from level 4 at the previous check.")
        #expect(message.paragraphs.suffix(2) == [
            "*New alerts, send now:*\n• #ce: we are at level 6; \(contingency(5))\n• #sales: we are at level 6; \(contingency(6))",
            "Standing alerts (already sent): #community-relations.",
        ])
    }

    @Test func aFallSaysWhichAlertsAreNoLongerNeeded() throws {
        let message = try report(emea: 3, us: 4, open: 10).slackMessage(date: monday, previous: PreviousCheck(level: 5, alerts: ["#community-relations", "#ce"]))
        #expect(message.paragraphs[1] == "Down from level 5 at the previous check.")
        #expect(message.paragraphs.suffix(2) == ["Standing alerts (already sent): #community-relations.", "No longer needed: #ce."])
        let same = try report(emea: 3, us: 4, open: 10).slackMessage(date: nil, previous: PreviousCheck(level: 4, alerts: ["#community-relations"]))
        #expect(same.paragraphs[1] == "Unchanged since the previous check.")
        #expect(same.paragraphs.last == "Standing alerts (already sent): #community-relations.")
    }

    /// A change of level says why: the inputs that moved since the previous check, and who is out.
    /// Without the previous inputs, or when the level stayed, nothing is claimed.
    @Test func aChangeOfLevelSaysWhichInputsMovedAndWhoIsOut() throws {
        let previous = PreviousCheck(level: 2, alerts: [], inputs: ["emea": 3, "us": 7, "open": 55])
        let message = try report(emea: 3, us: 5, open: 92).slackMessage(date: monday, previous: previous, out: ["us-01", "us-02"])
        #expect(message.paragraphs[1] == "Up from level 2 at the previous check. What changed: us SEs 7 → 5, open cases 55 → 92.")
        #expect(message.paragraphs[2] == "Out: us-01, us-02.")
        let current = try report(emea: 2, us: 7, open: 60)
        #expect(current.levelNumber == 2)
        let stayed = current.slackMessage(date: monday, previous: PreviousCheck(level: 2, alerts: [], inputs: ["emea": 3, "us": 7, "open": 55]))
        #expect(stayed.paragraphs[1] == "Unchanged since the previous check.")
        let unknown = try report(emea: 3, us: 5, open: 92).slackMessage(date: monday, previous: PreviousCheck(level: 2, alerts: []))
        #expect(unknown.paragraphs[1] == "Up from level 2 at the previous check.")
        // Printed for a person, "load > 5" reads as such; the payload keeps Slack's escape.
        #expect(stayed.readableText.contains("load > 5 (load is 6.67)") && stayed.text.contains("load &gt; 5 (load is 6.67)"))
        let payload = try stayed.payload
        #expect(payload.contains("load &gt; 5") && !payload.contains("load > 5"))
    }

    /// The webhook payload: the same text, a section per paragraph and a context block.
    @Test func payloadIsBlockKit() throws {
        let message = try report(emea: 2, us: 10, open: 40).slackMessage(date: monday, previous: nil)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(message.payload.utf8)) as? [String: Any])
        #expect(json["text"] as? String == message.text)
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == Array(repeating: "section", count: message.paragraphs.count) + ["context"])
        #expect((blocks[0]["text"] as? [String: String]) == ["type": "mrkdwn", "text": message.paragraphs[0]])
        #expect((blocks.last?["elements"] as? [[String: String]]) == [["type": "mrkdwn", "text": "Support capacity levels (handbook), first-level reading"]])
    }
}
