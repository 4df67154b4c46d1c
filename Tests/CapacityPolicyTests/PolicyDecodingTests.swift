import Foundation
import Testing
import CapacityPolicy
import InputFormats

@Suite struct PolicyDecodingTests {
    @Test func shippedFileEqualsTheBuiltInPolicy() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/default-policy.json").standardized
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(file == Policy.defaultJSON + "\n")
    }

    @Test func handbookHasEightLevelsAndOneRatio() {
        let p = Policy.handbook
        #expect(p.levels.count == 8)
        #expect(p.metricNames == ["emea", "us", "open", "load"])
        #expect(p.reading == .firstLevel)
        #expect(p.levels[5].alerts == ["#ce", "#sales"])
    }

    @Test func reportsEveryProblemWithItsPath() {
        let text = """
        {
          "reading": "sometimes",
          "inputs": [{"name": "emea", "kind": "headcount"}, {"name": "open", "kind": "cases"}],
          "ratios": [{"name": "load", "numerator": "open", "denominator": ["emea", "staff"]}],
          "levels": [
            {"name": "ok", "trigger": "all", "criteria": [], "contingency": "none"},
            {"name": "busy", "trigger": "most", "criteria": [{"metric": "lod", "op": ">", "value": 5}], "contingency": "x"},
            {"name": "worse", "trigger": "any", "criteria": [{"metric": "load", "op": "between", "value": [9, 2]}], "contingency": "y", "colour": "red"}
          ]
        }
        """
        do {
            _ = try Policy.decode(json: text, source: "p.json")
            Issue.record("expected errors")
        } catch {
            #expect(error.issues.map(\.description) == [
                "p.json:2: /reading: \"sometimes\" is not one of \"first-level\", \"literal\"",
                "p.json:4: /ratios/0/denominator/1: \"staff\" is not one of \"emea\", \"open\"",
                "p.json:7: /levels/1/trigger: \"most\" is not one of \"any\", \"all\"",
                "p.json:7: /levels/1/criteria/0/metric: \"lod\" is not one of \"emea\", \"open\", \"load\"",
                "p.json:8: /levels/2/colour: unknown key \"colour\"; expected one of name, trigger, criteria, contingency, alerts, coordination",
                "p.json:8: /levels/2/criteria/0/value: expected [low, high] with low ≤ high for \"between\"",
            ])
        }
    }

    @Test func syntaxErrorNamesTheLine() {
        #expect(throws: JSONInputErrors.self) { try Policy.decode(json: "{\n\"reading\": \"literal\",,\n}", source: "p.json") }
        do { _ = try Policy.decode(json: "{\n\"reading\": \"literal\",,\n}", source: "p.json") } catch {
            #expect(error.description == "p.json:2: invalid JSON: expected a quoted key, found ','")
        }
    }
}
