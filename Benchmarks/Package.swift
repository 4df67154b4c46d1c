// swift-tools-version: 6.1
// The benchmark suites of plan, kept in a nested package so the tool itself does not depend on
// ordo-one/benchmark. Run from this folder: `swift package benchmark`.
import PackageDescription

let package = Package(
    name: "plan-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "plan", path: "../"),
        // The default traits need a package this machine lacks; the malloc interposer alone works.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LevelEngine",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CapacityPolicy", package: "plan"),
                .product(name: "PerformanceProbes", package: "plan"),
            ],
            path: "Benchmarks/LevelEngine",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MonteCarlo",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Scenarios", package: "plan"),
                .product(name: "Simulation", package: "plan"),
            ],
            path: "Benchmarks/MonteCarlo",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "HistoryImport",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CapacityPolicy", package: "plan"),
                .product(name: "History", package: "plan"),
            ],
            path: "Benchmarks/HistoryImport",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Named after the command: the root package has a Cover module.
        .executableTarget(
            name: "PlanCover",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PerformanceProbes", package: "plan"),
                .product(name: "Scenarios", package: "plan"),
            ],
            path: "Benchmarks/PlanCover",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Named after the command, like PlanCover.
        .executableTarget(
            name: "PlanApprove",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PerformanceProbes", package: "plan"),
                .product(name: "Scenarios", package: "plan"),
            ],
            path: "Benchmarks/PlanApprove",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // MARK: - Calibration (target named after the command: the root package has a Calibration module)
        .executableTarget(
            name: "Calibrate",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PerformanceProbes", package: "plan"),
                .product(name: "Scenarios", package: "plan"),
            ],
            path: "Benchmarks/Calibrate",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
