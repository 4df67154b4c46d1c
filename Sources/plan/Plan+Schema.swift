import ArgumentParser
import Scenarios

extension Plan {
    struct SchemaCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the JSON Schema of scenario files.",
            discussion: """
                Scenarios point to the schema with "$schema": "./scenario.schema.json" so that editors \
                complete and check keys; scenarios/scenario.schema.json is a copy of this output.
                """
        )

        func run() {
            emit(Scenario.jsonSchema)
        }
    }
}
