import Testing
@testable import InputFormats

@Suite struct JSONParserTests {
    @Test func parsesNestedValuesWithLines() throws {
        let root = try JSONParser.parse("{\n  \"a\": [1, 2.5, true, null],\n  \"b\": \"x\\u00e9\\n\"\n}", source: "t.json")
        guard case .object(let members) = root.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].value.line == 2)
        #expect(members[1].value.line == 3)
        guard case .string(let s) = members[1].value.value else { Issue.record("not a string"); return }
        #expect(s == "xé\n")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "t.json:1: invalid JSON: expected a quoted key, found '}'"),
        ("{\"a\": 1, \"a\": 2}", "t.json:1: invalid JSON: duplicate key \"a\""),
        ("[1,\n2,\n01]", "t.json:3: invalid JSON: expected ',' or ']', found '1'"),
        ("{\"a\": tru}", "t.json:1: invalid JSON: expected a value, found 't'"),
        ("\"abc", "t.json:1: invalid JSON: unterminated string"),
        ("[1] x", "t.json:1: invalid JSON: expected the end of the document after the top-level value"),
    ])
    func rejectsMalformedDocuments(text: String, message: String) {
        #expect(throws: JSONInputError.self) { try JSONParser.parse(text, source: "t.json") }
        do { _ = try JSONParser.parse(text, source: "t.json") } catch { #expect(error.description == message) }
    }
}

@Suite struct JSONNodeTests {
    @Test func collectsEveryProblemWithItsPath() throws {
        let root = try parseJSONDocument("{\n \"team\": [\n  {\"name\": 3, \"extra\": 1}\n ],\n \"trials\": 2.5\n}", source: "s.json")
        root.rejectUnknownKeys(["team", "trials", "seed"])
        let member = root.requiredMember("team")?.elements()?.first
        _ = member?.requiredMember("name")?.string()
        _ = member?.requiredMember("group")
        member?.rejectUnknownKeys(["name", "group"])
        _ = root.member("trials")?.int()
        #expect(root.log.issues.map(\.description) == [
            "s.json:3: /team/0/name: expected a string, found a number",
            "s.json:3: /team/0: missing required key \"group\"",
            "s.json:3: /team/0/extra: unknown key \"extra\"; expected one of name, group",
            "s.json:5: /trials: expected a whole number, found 2.5",
        ])
        #expect(throws: JSONInputErrors.self) { try root.log.throwIfAny() }
    }

    @Test func escapesPointerComponents() {
        #expect(JSONPath(["a/b", "c~d", "0"]).description == "/a~1b/c~0d/0")
        #expect(JSONPath.root.description == "/")
    }
}
