import SlackWebhook
import Testing

/// A webhook URL's path is its secret: accepted URLs print only their origin, and no error about a
/// malformed one quotes it.
@Suite struct WebhookURLTests {
    @Test func showsOnlySchemeAndHost() throws {
        let url = try WebhookURL("https://hooks.slack.com/services/T1/B2/s3cr3t\n", source: "PLAN_SLACK_WEBHOOK_URL")
        #expect(url.description == "https://hooks.slack.com/…")
    }

    @Test(arguments: [
        ("http://hooks.slack.com/services/T1/B2/s3cr3t", "expected https (plain http only to this machine) (it begins http://hooks.slack.com)"),
        ("https://hooks.slack.com", "it has no path (Slack's look like /services/T…/B…/…) (it begins https://hooks.slack.com)"),
        ("https://me:s3cr3t@hooks.slack.com/services/x", "it holds a user name or password (it begins https://hooks.slack.com)"),
        ("hooks.slack.com/services/T1/B2/s3cr3t", "expected a URL such as https://hooks.slack.com/services/…"),
        ("https:///services/T1/B2/s3cr3t", "it has no host name (it begins https://)"),
        ("https://hooks.slack.com/services/T1/B2/s3cr3t with space", "expected a URL such as https://hooks.slack.com/services/…"),
        ("", "it is empty"),
    ])
    func malformedURLsAreRefusedWithoutTheirPath(text: String, problem: String) {
        let error = #expect(throws: WebhookError.self) { try WebhookURL(text, source: "PLAN_SLACK_WEBHOOK_URL") }
        #expect(error?.description == "the Slack webhook URL from PLAN_SLACK_WEBHOOK_URL is malformed: \(problem)")
        #expect(!(error?.description.contains("s3cr3t") ?? true))
    }

    @Test func plainHTTPIsAcceptedForThisMachineOnly() throws {
        #expect(try WebhookURL("http://127.0.0.1:8080/hook", source: "test").description == "http://127.0.0.1:8080/…")
        #expect(try WebhookURL("http://localhost/hook", source: "test").description == "http://localhost/…")
    }
}
