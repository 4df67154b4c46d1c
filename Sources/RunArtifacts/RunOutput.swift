import OutputFormats
import Simulation

/// Everything a finished run writes, in each of its forms: the files of the output directory,
/// the JSON document of `--format json`, and the terminal summary. All are built from the same
/// tables, so they cannot disagree.
public struct RunOutput: Sendable {
    public let estimates: Estimates
    public let record: RunRecord
    public let checks: RunTable
    public let levels: RunTable
    public let horizon: RunTable
    public let longestRuns: RunTable
    public let recommendations: RunTable
    /// `why.csv`, for a run whose risk was attributed ("why this day"); nil otherwise.
    public let why: RunTable?
    /// `sensitivity.csv`, for a run made with intervals (`plan simulate --intervals`): what the
    /// risk hangs on, as `plan sensitivity --format csv` writes it; nil otherwise.
    public var sensitivityCSV: String?

    public init(estimates: Estimates, record: RunRecord, attribution: Attribution? = nil) {
        self.estimates = estimates
        self.record = record
        checks = .checks(estimates)
        levels = .levels(estimates)
        horizon = .horizon(estimates)
        longestRuns = .longestRuns(estimates)
        recommendations = .recommendations(estimates, record: record)
        why = attribution.map { RunTable.why($0, levelNames: estimates.model.scenario.policy.levels.map(\.name)) }
    }

    /// The output directory's files, by name. Every file but `run.json` depends only on the
    /// scenario, the seed and the trial count (or precision target), whatever the thread count.
    public var files: [OutputFile] {
        get throws {
            [
                OutputFile(name: "checks.csv", contents: checks.csv),
                OutputFile(name: "levels.csv", contents: levels.csv),
                OutputFile(name: "horizon.csv", contents: horizon.csv),
                OutputFile(name: "longest_runs.csv", contents: longestRuns.csv),
                OutputFile(name: "recommendations.csv", contents: recommendations.csv),
                OutputFile(name: "run.json", contents: try record.json),
                OutputFile(name: CountForecast.fileName, contents: try CountForecast(estimates).json),
            ] + (why.map { [OutputFile(name: "why.csv", contents: $0.csv)] } ?? [])
                + (sensitivityCSV.map { [OutputFile(name: StoredRun.sensitivityFileName, contents: $0)] } ?? [])
        }
    }

    /// The files' content as one JSON document: `checks`, `levels`, `horizon`, `longest_runs` and
    /// `recommendations` as arrays of objects keyed by the CSV columns, and `run` as in `run.json`.
    /// Keys are sorted, so the document is as reproducible as the files.
    public var json: String {
        get throws {
            struct Document: Encodable {
                let checks: [RunTable.Record]
                let levels: [RunTable.Record]
                let horizon: [RunTable.Record]
                let longestRuns: [RunTable.Record]
                let recommendations: [RunTable.Record]
                let run: RunRecord

                enum CodingKeys: String, CodingKey {
                    case checks, levels, horizon, recommendations, run
                    case longestRuns = "longest_runs"
                }
            }
            return try encodeJSON(Document(
                checks: checks.records, levels: levels.records, horizon: horizon.records,
                longestRuns: longestRuns.records, recommendations: recommendations.records, run: record)) + "\n"
        }
    }
}
