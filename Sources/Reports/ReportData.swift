import Simulation
import Calendars
import Foundation

/// A finished run as its files tell it: what `report.html` shows, read back from `run.json`,
/// `checks.csv`, `horizon.csv` and `recommendations.csv`.
///
/// The page is rendered from this and nothing else, whether `plan simulate --html` hands over the
/// text it is about to write or `plan report` reads a run directory, so the two cannot draw
/// different pages and a run directory alone is enough to rebuild the report. The execution facts
/// of `run.json` (threads, times) are not read: the page must be the same for every run of the
/// same inputs.
public struct ReportData: Sendable, Equatable {
    public let tool: Tool
    public let scenario: Scenario
    public let policy: Policy
    /// `run.json`'s `assumptions.loop`: "closed" when declaring a level changes the work.
    public let loop: String
    /// One sentence per topic (sickness, inflow, work, effects), as `run.json` words them.
    public let assumptions: [String]
    public let sampling: Sampling
    /// In file order: by date, then window in check order.
    public let checks: [Check]
    /// Levels 2 … L; level ≥ 1 is every check.
    public let horizon: [HorizonRow]
    public let recommendations: [Simulation.Recommendation]

    public struct Tool: Sendable, Equatable {
        public let name: String
        public let version: String
    }

    public struct Scenario: Sendable, Equatable {
        public let name: String
        public let description: String
        public let path: String
        public let sha256: String
        public let start: CivilDate
        public let end: CivilDate
        public let checkDays: Set<Weekday>
        public let closures: [Closure]
        public let windows: [Window]
        public let groups: [Group]
        public let checkCount: Int
    }

    public struct Closure: Sendable, Equatable {
        public let first: CivilDate
        public let last: CivilDate
        /// Empty when the scenario gives none.
        public let name: String
    }

    public struct Window: Sendable, Equatable {
        public let name: String
        /// "10:00" UTC.
        public let check: String
    }

    public struct Group: Sendable, Equatable {
        public let name: String
        public let shift: String
        public let members: [String]
    }

    public struct Policy: Sendable, Equatable {
        public let name: String
        public let source: String
        public let reading: String
        /// Level k is at index k − 1.
        public let levels: [Level]
        public let planningRisk: Double
        public let recommendationThreshold: Double
    }

    public struct Level: Sendable, Equatable {
        public let level: Int
        public let name: String
        public let alerts: [String]
    }

    public struct Sampling: Sendable, Equatable {
        /// As written, so that a seed beyond 2^53 is shown exactly.
        public let seed: String
        public let trials: Int
        public let generator: String
        /// The widest 95% half-width among the reported P(level ≥ k).
        public let precision: Double
        public let precisionTarget: Double?
        public let maximumTrials: Int?
    }

    /// Mean, median and 90th percentile of a quantity at a check.
    public struct Spread: Sendable, Equatable {
        public let mean: Double
        public let p50: Double
        public let p90: Double
    }

    public struct Check: Sendable, Equatable {
        public let date: CivilDate
        public let window: String
        /// P(level = k) at index k − 1.
        public let exactly: [Double]
        /// P(level ≥ k) at index k − 1 (1 at index 0).
        public let atLeast: [Double]
        public let planningLevel: Int
        public let open: Spread
        public let load: Spread
        /// Planned headcount per group, in `run.json`'s group order.
        public let planned: [Int]
    }

    public struct HorizonRow: Sendable, Equatable {
        public let level: Int
        public let reached: Double
        public let reachedLow: Double
        public let reachedHigh: Double
        public let expectedChecks: Double
        public let longestRunMean: Double
        public let longestRunP50: Int
        public let longestRunP90: Int
    }

    /// The files a report is built from; the others of a run directory are not needed.
    public static let fileNames = ["run.json", "checks.csv", "horizon.csv", "recommendations.csv"]

    /// Reads a run from `files` (name → contents, as `RunReport.files` holds them). `directory`
    /// prefixes the file names in error messages.
    ///
    /// - Complexity: O(total size of the files).
    public init(files: [OutputFile], directory: String) throws(ReportDataError) {
        func text(_ name: String) throws(ReportDataError) -> (text: String, source: String) {
            let source = ReportData.source(name, in: directory)
            guard let file = files.first(where: { $0.name == name }) else {
                throw ReportDataError("\(source): missing; a run directory holds the files plan simulate writes")
            }
            return (file.contents, source)
        }
        let run = try text("run.json")
        let record = try RunJSON(text: run.text, source: run.source)
        tool = record.tool
        scenario = record.scenario
        policy = record.policy
        loop = record.loop
        assumptions = record.assumptions
        sampling = record.sampling

        let checksFile = try text("checks.csv")
        checks = try ReportData.checks(checksFile.text, source: checksFile.source, scenario: scenario, levelCount: policy.levels.count)
        let horizonFile = try text("horizon.csv")
        horizon = try ReportData.horizon(horizonFile.text, source: horizonFile.source, levelCount: policy.levels.count)
        let recommendationsFile = try text("recommendations.csv")
        recommendations = try ReportData.recommendations(
            recommendationsFile.text, source: recommendationsFile.source, scenario: scenario, levelCount: policy.levels.count)
    }

    /// Reads the run in `directory` (a folder `plan simulate` wrote).
    public init(directory: String) throws(ReportDataError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportDataError("\(directory): not a directory; give the folder plan simulate wrote")
        }
        var files: [OutputFile] = []
        for name in ReportData.fileNames {
            let path = ReportData.source(name, in: directory)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReportDataError("\(path): missing or unreadable; a run directory holds the files plan simulate writes")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ReportDataError("\(path): not UTF-8 text")
            }
            files.append(OutputFile(name: name, contents: text))
        }
        try self.init(files: files, directory: directory)
    }

    static func source(_ name: String, in directory: String) -> String {
        directory.isEmpty ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }
}

/// A run directory that cannot be read back: one line naming the file and, where it applies, the
/// line and the column or JSON path.
public struct ReportDataError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
