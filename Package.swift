// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "plan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plan", targets: ["plan"]),
        .library(name: "CapacityPolicy", targets: ["CapacityPolicy"]),
        .library(name: "Calendars", targets: ["Calendars"]),
        .library(name: "CalendarImport", targets: ["CalendarImport"]),
        .library(name: "GSLSupport", targets: ["GSLSupport"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "WhatIf", targets: ["WhatIf"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - Public modules

        /// The level engine: policy as data, the explained and the compiled evaluator, the policy lint.
        /// Pure Swift; no GSL, no I/O beyond decoding bytes it is handed.
        .target(name: "CapacityPolicy", dependencies: ["InputFormats"]),

        /// Civil dates, public holiday rules, company calendars and who is scheduled on a day. No I/O.
        .target(name: "Calendars"),

        /// Reading time off and holidays from outside formats: iCalendar (RFC 5545) and CSV exports.
        .target(name: "CalendarImport", dependencies: ["Calendars", "InputFormats"]),

        /// The scenario: team, calendars, inflow, work and policy of a simulated period; its JSON format,
        /// validation with JSON paths, and JSON Schema.
        .target(name: "Scenarios", dependencies: ["Calendars", "CalendarImport", "CapacityPolicy", "InputFormats"]),

        /// The Monte Carlo engine: scenario compiled to arrays, the trial kernel, blocks, seeds and
        /// threads, and the estimates of MODEL.md §8.
        .target(name: "Simulation", dependencies: ["Scenarios", "CapacityPolicy", "Calendars", "GSLSupport", "CGSL"]),

        /// What a run writes: the terminal summary, CSV files, run.json and the HTML report.
        .target(name: "Reports", dependencies: ["Simulation", "Scenarios", "CapacityPolicy", "Calendars", "InputFormats"]),

        /// Comparing a base and a variant scenario on common random numbers: paired differences,
        /// command-line edits of a scenario, and pricing time-off requests against a risk limit.
        .target(name: "WhatIf", dependencies: ["Simulation", "Scenarios", "Calendars", "CalendarImport", "CapacityPolicy", "InputFormats", "Reports"]),

        /// Swift face of the GNU Scientific Library: generators, status codes as errors.
        .target(name: "GSLSupport", dependencies: ["CGSL"]),

        /// The command-line tool: parses flags, calls the libraries, prints.
        .executableTarget(
            name: "plan",
            dependencies: [
                "CapacityPolicy", "Calendars", "CalendarImport", "GSLSupport", "InputFormats", "Scenarios", "Simulation", "Reports", "WhatIf",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Implementation details

        /// Readers for JSON and CSV input that keep line numbers and JSON paths, so bad input is reported precisely.
        .target(name: "InputFormats"),

        /// GSL as a system library (Debian: libgsl-dev).
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),

        // MARK: - Tests

        .testTarget(name: "InputFormatsTests", dependencies: ["InputFormats"]),
        .testTarget(name: "CapacityPolicyTests", dependencies: ["CapacityPolicy", "InputFormats"]),
        .testTarget(name: "CalendarsTests", dependencies: ["Calendars"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CalendarImportTests", dependencies: ["CalendarImport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GSLSupportTests", dependencies: ["GSLSupport"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Scenarios", "Calendars", "CapacityPolicy", "GSLSupport", "CGSL"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Calendars", "CapacityPolicy", "InputFormats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Simulation", "Scenarios", "Calendars", "CapacityPolicy"]),
        .testTarget(name: "WhatIfTests", dependencies: ["WhatIf", "Simulation", "Scenarios", "Calendars", "Reports"]),
        .testTarget(name: "EndToEndTests", dependencies: ["plan"]),
    ]
)

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
    ]
    package.targets += [.systemLibrary(name: "LibFuzzer", path: "Fuzz/LibFuzzer")]
    package.targets += harnesses.map { .executableTarget(name: $0.name, dependencies: $0.dependencies + ["LibFuzzer"], path: "Fuzz/Harnesses/\($0.name)") }
}
