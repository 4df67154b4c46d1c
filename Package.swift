// swift-tools-version: 6.1
import PackageDescription

/// `PLAN_INTERNAL_CHECKS=1 swift build` (or `swift test`) compiles invariant checks into the hot
/// loops, in the spirit of swift-collections' COLLECTIONS_INTERNAL_CHECKS: a bounds check on every
/// `FixedBuffer` access, headcount ≥ 0 and open cases ≥ 0 in the trial kernel, and every lookup of
/// the compiled policy compared with the explained evaluator. A failed check traps with a message.
/// They multiply the run time, so normal builds leave them out; `.ci/run` runs the Simulation and
/// CapacityPolicy tests with them once, in their own build folder (a changed define rebuilds
/// everything). Set on every target whose code, or whose inlined callers' code, holds such a check.
let internalChecks: [SwiftSetting] = Context.environment["PLAN_INTERNAL_CHECKS"] == "1" ? [.define("PLAN_INTERNAL_CHECKS")] : []

let package = Package(
    name: "plan",
    platforms: [.macOS(.v14)],
    // Products are what another package would build on: the tool itself, the level engine, the
    // scenario format and the simulation. Calendars, reports, comparisons and the input readers
    // are details of the tool, reachable only from inside this package.
    products: [
        .executable(name: "plan", targets: ["plan"]),
        .library(name: "CapacityPolicy", targets: ["CapacityPolicy"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        // Only for the benchmark suites in Benchmarks/: a nested package sees the root's products
        // alone, and the suites measure the same inputs as `plan bench`.
        .library(name: "PerformanceProbes", targets: ["PerformanceProbes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - Modules

        /// The level engine: policy as data, the explained and the compiled evaluator, the policy lint.
        /// Pure Swift; no GSL, no Foundation, no I/O beyond decoding bytes it is handed. It states facts
        /// (the level, the criteria that decided it); the messages built from them are in Reports.
        .target(name: "CapacityPolicy", dependencies: ["Buffers", "InputFormats"], swiftSettings: internalChecks),

        /// Civil dates, public holiday rules, company calendars and who is scheduled on a day. No I/O.
        .target(name: "Calendars", dependencies: ["OutputFormats"]),

        /// Reading time off and holidays from outside formats: iCalendar (RFC 5545) and CSV exports.
        .target(name: "CalendarImport", dependencies: ["Calendars", "InputFormats", "OutputFormats"]),

        /// The scenario: team, calendars, inflow, work and policy of a simulated period; its JSON format,
        /// validation with JSON paths, and JSON Schema.
        .target(name: "Scenarios", dependencies: ["Calendars", "CalendarImport", "CapacityPolicy", "InputFormats", "OutputFormats"]),

        /// The Monte Carlo engine: scenario compiled to arrays, the trial kernel, blocks, seeds and
        /// threads, and the estimates of MODEL.md §8.
        .target(name: "Simulation", dependencies: ["Buffers", "Scenarios", "CapacityPolicy", "Calendars", "Statistics", "CGSL"], swiftSettings: internalChecks),

        /// Proportions with Wilson intervals, GSL's status codes as errors, and GSL's runtime set up
        /// once (`GSLRuntime.setUp()`), so that Backtest and Calibration need not import the engine.
        .target(name: "Statistics", dependencies: ["CGSL"]),

        /// What a run leaves behind, as data: `RunRecord` (run.json), the CSV tables, the run read
        /// back from its folder (`StoredRun`, within the input limit), forecasts, shards' partial
        /// results and their merge, digests, and output folders and files that are never lost.
        .target(name: "RunArtifacts", dependencies: ["Simulation", "Statistics", "Scenarios", "CapacityPolicy", "Calendars", "CalendarImport", "InputFormats", "OutputFormats", "CFileSystem"]),

        /// What plan says to people: the level messages (text, Slack, JSON) and the policy table built
        /// from the level engine's facts; a run's terminal summary, Slack message and the HTML report,
        /// which is drawn from the run's files alone (RunArtifacts reads them).
        .target(name: "Reports", dependencies: ["RunArtifacts", "Simulation", "Statistics", "Scenarios", "CapacityPolicy", "Calendars", "CalendarImport", "InputFormats", "OutputFormats"]),

        /// Comparing a base and a variant scenario on common random numbers: paired differences,
        /// command-line edits of a scenario, and pricing time-off requests against a risk limit.
        .target(name: "WhatIf", dependencies: ["Simulation", "Statistics", "Scenarios", "Calendars", "CalendarImport", "CapacityPolicy", "InputFormats", "OutputFormats"]),

        /// The least cover (contractor days, on-call days, an SE working a day of leave) that keeps
        /// every check within a risk limit: a search on common random numbers, its lower bound,
        /// and validation on independent trials.
        .target(name: "Cover", dependencies: ["WhatIf", "Simulation", "Statistics", "Scenarios", "Calendars", "CapacityPolicy", "InputFormats", "OutputFormats", "RunArtifacts"]),

        /// One run from the model to the published files, for `plan simulate`, `plan outlook` and
        /// `plan merge`: the trials or the shards' sum, then one tail (estimates, attribution,
        /// record, diff, sensitivity, forecast, files).
        .target(name: "Pipeline", dependencies: ["RunArtifacts", "Reports", "Simulation", "WhatIf"]),

        /// The command-line tool: parses flags, calls the libraries, prints.
        .executableTarget(
            name: "plan",
            dependencies: [
                "CapacityPolicy", "Calendars", "InputFormats", "OutputFormats", "PerformanceProbes", "Scenarios", "Simulation", "Statistics", "RunArtifacts", "Pipeline", "Reports", "WhatIf", "Cover",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Benchmark support

        /// The measurements behind `plan bench` and the suites in Benchmarks/: fixed random inputs for
        /// the level engine, best-of-n wall time of the engine and of a simulation.
        .target(name: "PerformanceProbes", dependencies: ["CapacityPolicy", "OutputFormats", "Simulation", "Cover", "WhatIf", "Scenarios"]),

        // MARK: - Implementation details

        /// The fixed-capacity buffer the hot loops of CapacityPolicy and Simulation keep their tables in.
        .target(name: "Buffers", swiftSettings: internalChecks),

        /// Readers for JSON and CSV input that keep line numbers and JSON paths, so bad input is reported precisely;
        /// writing an edited JSON document back refuses non-finite numbers as `encodeJSON` does (OutputFormats).
        .target(name: "InputFormats", dependencies: ["OutputFormats"]),

        /// The two atomic renames output folders need (exchange, and rename without replacing),
        /// which Swift's Glibc module does not declare.
        .target(name: "CFileSystem"),

        /// How every output writes numbers, columns, HTML, CSV and JSON, and merges consecutive checks
        /// into runs. It depends on nothing of the project, so that any module that writes for people
        /// or files (Calendars as much as Reports) uses the same rules, and the level engine needs none.
        .target(name: "OutputFormats"),

        /// GSL as a system library (Debian: libgsl-dev).
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),

        // MARK: - Tests

        .testTarget(name: "InputFormatsTests", dependencies: ["InputFormats"]),
        .testTarget(name: "OutputFormatsTests", dependencies: ["OutputFormats"]),
        .testTarget(name: "CapacityPolicyTests", dependencies: ["CapacityPolicy", "InputFormats"]),
        .testTarget(name: "CalendarsTests", dependencies: ["Calendars"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CalendarImportTests", dependencies: ["CalendarImport", "Calendars"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "CGSL"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Statistics", "Scenarios", "Calendars", "CapacityPolicy", "CGSL"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Calendars", "CapacityPolicy", "InputFormats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "RunArtifacts", "RunFixtures", "Simulation", "Statistics", "Scenarios", "Calendars", "CapacityPolicy", "InputFormats"]),
        .testTarget(name: "RunArtifactsTests", dependencies: ["RunArtifacts", "RunFixtures", "Simulation", "Statistics", "Scenarios", "Calendars", "CapacityPolicy", "InputFormats"]),
        /// Runs whose files are known in advance, for the tests of the artifacts, the reports and the run pipeline.
        .target(name: "RunFixtures", dependencies: ["RunArtifacts", "Simulation", "Scenarios", "Calendars"], path: "Tests/RunFixtures"),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "RunArtifacts", "Simulation", "Statistics", "Scenarios", "Calendars"]),
        .testTarget(name: "WhatIfTests", dependencies: ["WhatIf", "Simulation", "Statistics", "Scenarios", "Calendars", "RunArtifacts", "OutputFormats"]),
        .testTarget(name: "CoverTests", dependencies: ["Cover", "WhatIf", "Simulation", "Scenarios", "Calendars", "InputFormats", "RunArtifacts"]),
        .testTarget(name: "EndToEndTests", dependencies: ["plan"]),
    ]
)

// MARK: - Calibration

/// `plan calibrate`: a scenario's inflow, resolution rate and sickness fitted from a helpdesk export,
/// a team scenario and an HR absence file, with intervals (issue 9).
package.targets += [
    .target(name: "Calibration", dependencies: ["Scenarios", "Calendars", "CalendarImport", "CapacityPolicy", "InputFormats", "OutputFormats", "Statistics", "CGSL"]),
    .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "Statistics", "Scenarios", "Calendars", "CalendarImport", "CGSL"]),
]
// The tool runs it; the benchmark probes measure it on a synthetic million-row export.
for name in ["plan", "PerformanceProbes"] {
    package.targets.first { $0.name == name }!.dependencies.append("Calibration")
}

// MARK: - Daily operations

/// Posting to Slack: the webhook URL kept secret, HTTP with a timeout and retries (issue 12).
package.targets += [
    .target(name: "SlackWebhook", dependencies: ["OutputFormats", "CHTTPPost"]),
    /// libcurl through dlopen, loaded only when a message is posted (WebhookPoster says why).
    .target(name: "CHTTPPost", linkerSettings: [.linkedLibrary("dl")]),
    .testTarget(name: "SlackWebhookTests", dependencies: ["SlackWebhook", "TestHTTPServer"]),
    /// A real HTTP server on 127.0.0.1 for the webhook tests, library and binary alike.
    .target(name: "TestHTTPServer", path: "Tests/TestHTTPServer"),
]
package.targets.first { $0.name == "EndToEndTests" }!.dependencies.append("TestHTTPServer")
package.targets.first { $0.name == "plan" }!.dependencies.append("SlackWebhook")

// MARK: - Fuzzing

/// libFuzzer harnesses (Fuzz/README.md), declared only when `PLAN_FUZZ=1`, so that `swift build` and
/// `swift test` never see them: they link only with `-sanitize=fuzzer`, which brings libFuzzer's
/// driver. As targets of this package they reach every module without adding public products.
/// `Fuzz/run.sh` builds and runs them.
if Context.environment["PLAN_FUZZ"] == "1" {
    let harnesses: [(name: String, dependencies: [Target.Dependency])] = [
        ("fuzz-json", ["InputFormats"]),
        ("fuzz-csv", ["InputFormats", "CalendarImport"]),
        ("fuzz-ics", ["CalendarImport", "Calendars"]),
        ("fuzz-scenario", ["Scenarios", "Simulation"]),
        ("fuzz-policy", ["CapacityPolicy"]),
        ("fuzz-partial", ["RunArtifacts", "Scenarios", "Simulation"]),
        ("fuzz-tickets", ["Calibration", "Calendars", "Scenarios"]),
        ("fuzz-absences", ["Calibration", "CalendarImport", "Calendars", "Scenarios"]),
        ("fuzz-requests", ["WhatIf", "Scenarios", "Calendars"]),
        ("fuzz-import", ["History", "CapacityPolicy"]),
        ("fuzz-merge", ["RunArtifacts", "Scenarios", "Simulation", "Statistics"]),
    ]
    package.targets += [.systemLibrary(name: "LibFuzzer", path: "Fuzz/LibFuzzer")]
    package.targets += harnesses.map { .executableTarget(name: $0.name, dependencies: $0.dependencies + ["LibFuzzer"], path: "Fuzz/Harnesses/\($0.name)") }
}

// MARK: - History and backtest

/// The history store keeps declared checks and forecasts in one SQLite file through GRDB (Debian:
/// libsqlite3-dev); GRDB is used in `History` only. `Backtest` scores forecasts against
/// declarations as pure functions over plain values, testable without a database.
package.dependencies += [.package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0")]
// Only for the HistoryImport suite in Benchmarks/, which imports declarations as the CLI does.
package.products += [.library(name: "History", targets: ["History"])]
package.targets += [
    /// The history store: declared checks and forecasts in SQLite, its migrations and queries, and
    /// reading declarations from CSV and forecasts from a run's files into it.
    .target(name: "History", dependencies: [
        "Calendars", "CapacityPolicy", "InputFormats", "OutputFormats", "RunArtifacts",
        .product(name: "GRDB", package: "GRDB.swift"),
    ]),
    /// Scoring forecasts against what was declared: reliability, Brier and ranked probability
    /// scores, baselines, coverage and verdicts; and their text, CSV, JSON and HTML.
    .target(name: "Backtest", dependencies: ["Calendars", "Statistics", "OutputFormats"]),
    .testTarget(name: "HistoryTests", dependencies: [
        "History", "Calendars", "CapacityPolicy", "InputFormats", "RunArtifacts", .product(name: "GRDB", package: "GRDB.swift"),
    ]),
    .testTarget(name: "BacktestTests", dependencies: ["Backtest", "Calendars", "Statistics"]),
]
package.targets.first { $0.name == "plan" }!.dependencies += ["History", "Backtest"]
