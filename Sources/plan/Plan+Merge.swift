import ArgumentParser
import Cover
import Foundation
import Reports
import Pipeline
import RunArtifacts
import Simulation

extension Plan {
    struct MergeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Add up the partial results of a run's shards into the run's files.",
            discussion: """
                Reads the partial results plan simulate --shard I/N (or plan outlook --shard I/N) wrote, checks that they are every \
                shard of one run (same scenario, files it reads, policy, seed, trials and plan version; \
                each shard once; for an outlook the same start) and that none is truncated or edited, reads the scenario again from \
                the path the shards were given (relative to the working folder), and writes the files \
                plan simulate writes for the whole run, byte for byte the same (run.json's execution \
                aside). A problem is reported naming the file; nothing is written then.
                """
        )

        @Argument(help: "The partial results of every shard (files written by plan simulate --shard or plan outlook --shard).")
        var parts: [String]

        @Option(help: "Output folder (default: notebooks-output/<scenario name>/).")
        var out: String?

        @Flag(help: "Also write report.html, as plan simulate --html does.")
        var html = false

        @Flag(name: .customLong("no-files"), help: ArgumentHelp(noFilesHelp))
        var noFiles = false

        func validate() throws { try checkNoFiles(noFiles, out: out, html: html) }

        @OptionGroup var recording: RecordOptions

        func run() throws {
            try recording.checkStore()
            let merge = try ShardMerge(parts: parts.map { path in
                let bytes = Array(try readFile(path))
                if PartFile.format(of: bytes) == ValidationPart.format {
                    throw CommandError("\(path): a validation part of plan hire or plan cover; give the parts to that command's --merge")
                }
                return (path, try PartialResult(fileContents: bytes, path: path))
            })
            let identity = merge.identity
            let scenario = try CompiledScenario(path: identity.scenario.path)
            // A sharded outlook runs the scenario it derives from the file and its start.
            let (name, model) = try identity.outlook.map { try $0.scenario(from: scenario) } ?? (scenario.loaded.scenario.name, scenario.model)
            let current = try scenario.identity(seed: identity.seed, trials: identity.trials, blockSize: identity.blockSize, outlook: identity.outlook)
            let tally = try merge.tally(model: model, identity: current)
            let directory = noFiles ? nil : try OutputDirectory(
                path: out ?? "notebooks-output/\(name)/", kind: .run, inputs: scenario.loaded.files + parts)
            OutputNotice.print(directory?.notices ?? [])
            var pipeline = RunPipeline(directory: directory)
            pipeline.html = html
            pipeline.recorder = recording.recorder
            let source = RunPipeline.Source(
                toolVersion: PlanVersion.current, path: scenario.path, bytes: Array(scenario.bytes), outlook: identity.outlook)
            let result = try RunOptions.catchingSignals(&pipeline) { pipeline in
                try pipeline.merge(merge, tally: tally, model: model, source: source)
            }
            OutputNotice.print(result.notices)
            emit(result.text)
        }
    }
}
