import Foundation
import Testing
@testable import Scenarios

/// The published schema is the one `plan schema` prints, and lists exactly the keys the decoder accepts.
@Suite struct SchemaTests {
    let schema = try! JSONSerialization.jsonObject(with: Data(Scenario.jsonSchema.utf8)) as! [String: Any]

    @Test func committedCopyEqualsTheBuiltInSchema() throws {
        #expect(try TestScenario.file("scenarios/scenario.schema.json") == Scenario.jsonSchema + "\n")
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    /// Walks every subschema, following `$ref`s into `$defs`, and collects the property names of each
    /// fixed-key object by its place in a scenario (`*` for array items and map values).
    func objectsByLocation() -> [String: Set<String>] {
        let defs = schema["$defs"] as! [String: Any]
        var found: [String: Set<String>] = [:]
        func walk(_ node: [String: Any], _ location: String) {
            if let ref = node["$ref"] as? String {
                walk(defs[String(ref.dropFirst("#/$defs/".count))] as! [String: Any], location)
            }
            if let properties = node["properties"] as? [String: Any] {
                #expect(node["additionalProperties"] as? Bool == false, "\(location) must reject unknown keys")
                found[location, default: []].formUnion(properties.keys)
                for (key, value) in properties { walk(value as! [String: Any], location + "/" + key) }
            }
            if let items = node["items"] as? [String: Any] { walk(items, location + "/*") }
            if let values = node["additionalProperties"] as? [String: Any] { walk(values, location + "/*") }
            for branch in (node["oneOf"] as? [[String: Any]] ?? []) { walk(branch, location) }
        }
        walk(schema, "")
        return found
    }

    @Test func schemaAndDecoderAcceptTheSameKeys() {
        let schemaKeys = objectsByLocation()
        #expect(Set(schemaKeys.keys) == Set(ScenarioKeys.byLocation.keys))
        for (location, keys) in ScenarioKeys.byLocation {
            #expect(schemaKeys[location] == Set(keys), "\(location)")
        }
    }

    /// Every key of every object says what it is for.
    @Test func everyPropertyHasADescription() {
        var missing: [String] = []
        func walk(_ node: [String: Any], _ location: String) {
            for (key, value) in node["properties"] as? [String: Any] ?? [:] {
                let property = value as! [String: Any]
                if property["description"] == nil { missing.append(location + "/" + key) }
                walk(property, location + "/" + key)
            }
            if let items = node["items"] as? [String: Any] { walk(items, location + "/*") }
            if let values = node["additionalProperties"] as? [String: Any] { walk(values, location + "/*") }
            for branch in (node["oneOf"] as? [[String: Any]] ?? []) { walk(branch, location) }
        }
        walk(schema, "")
        for (name, def) in schema["$defs"] as! [String: Any] { walk(def as! [String: Any], "$defs/" + name) }
        #expect(missing == [])
    }

    /// The example scenarios use every section of the format between them, and are valid.
    @Test func examplesAreValid() throws {
        for file in ["scenarios/december.json", "scenarios/flu-wave.json"] {
            let loaded = try TestScenario.loadFromRepository(file)
            #expect(loaded.warnings.isEmpty, "\(file)")
        }
    }
}
