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

    func problems(inputs: String, op: String = "<=", value: String = "5") -> [String] {
        let text = """
        {"reading": "literal", "inputs": \(inputs),
         "levels": [{"name": "ok", "trigger": "all", "criteria": [], "contingency": "none"},
                    {"name": "busy", "trigger": "any", "criteria": [{"metric": "emea", "op": "\(op)", "value": \(value)}], "contingency": "x"}]}
        """
        do {
            _ = try Policy.decode(json: text, source: "p.json")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// The simulation and `plan level --open-cases` need the one input that counts open cases.
    @Test func exactlyOneCasesInput() {
        #expect(problems(inputs: #"[{"name": "emea", "kind": "headcount"}]"#)
            == [#"p.json:1: /inputs: a policy needs exactly one input of kind "cases" (the open cases at a check), found none"#])
        #expect(problems(inputs: #"[{"name": "emea", "kind": "headcount"}, {"name": "a", "kind": "cases"}, {"name": "b", "kind": "cases"}]"#)
            == [#"p.json:1: /inputs: a policy needs exactly one input of kind "cases" (the open cases at a check), found 2 (a, b)"#])
        #expect(problems(inputs: #"[{"name": "emea", "kind": "headcount"}, {"name": "open", "kind": "cases"}]"#) == [])
    }

    /// Thresholds beyond any count the engine holds are mistakes, reported before anything is compiled.
    @Test func thresholdsAreBounded() {
        let inputs = #"[{"name": "emea", "kind": "headcount"}, {"name": "open", "kind": "cases"}]"#
        #expect(problems(inputs: inputs, value: "1e19")
            == ["p.json:3: /levels/1/criteria/0/value: expected a threshold from -1000000000 to 1000000000, found 1e19"])
        #expect(problems(inputs: inputs, op: "between", value: "[0, 9.3e18]")
            == ["p.json:3: /levels/1/criteria/0/value/1: expected a threshold from -1000000000 to 1000000000, found 9.3e18"])
        #expect(problems(inputs: inputs, value: "1000000000") == [])
    }

    @Test func syntaxErrorNamesTheLine() {
        #expect(throws: JSONInputErrors.self) { try Policy.decode(json: "{\n\"reading\": \"literal\",,\n}", source: "p.json") }
        do { _ = try Policy.decode(json: "{\n\"reading\": \"literal\",,\n}", source: "p.json") } catch {
            #expect(error.description == "p.json:2: invalid JSON: expected a quoted key, found ','")
        }
    }
}
