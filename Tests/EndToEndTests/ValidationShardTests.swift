import Foundation
import Testing

/// `plan hire --shard I/N` and `plan cover --shard I/N`: the validation runs split into shards, and
/// the same command with `--merge` writing the single run's files and output byte for byte.
@Suite struct ValidationShardTests {
    static let hire = ["hire", HireCommandTests.scenario, "--through", "2027-03-31", "--max-risk", "ge4<=0.10", "--lead-time", "2", "--ramp", "4",
                       "--trials", "100", "--validation-trials", "3000", "--seed", "3"]

    /// Runs `args --shard i/count --out parts` for every shard (the second on one thread, the others
    /// on the default) and returns the parts' paths in shard order.
    static func shards(_ args: [String], count: Int, parts: URL) throws -> [String] {
        try (1...count).map { i in
            let r = try PlanProcess.run(args + ["--shard", "\(i)/\(count)", "--out", parts.path] + (i == 2 ? ["--threads", "1"] : []))
            #expect(r.status == 0, "\(r.stderr)")
            let path = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Wrote ") }).dropFirst("Wrote ".count)
            return String(path)
        }
    }

    /// The single run and the merge of `args`, each into its own folder: standard output (with the
    /// folder's name made the same) and every file written must be equal.
    static func expectMergeEqualsSingleRun(_ args: [String], parts: [String], files: [String], in folder: URL) throws {
        let single = folder.appendingPathComponent("single"), merged = folder.appendingPathComponent("merged")
        let a = try PlanProcess.run(args + ["--out", single.path])
        let b = try PlanProcess.run(args + ["--out", merged.path, "--merge"] + parts)
        #expect(a.status == b.status && a.stderr == b.stderr, "\(b.stderr)")
        #expect(!a.stdout.isEmpty && a.stdout == b.stdout.replacingOccurrences(of: merged.path, with: single.path))
        for name in files {
            let one = try Data(contentsOf: single.appendingPathComponent(name)), other = try Data(contentsOf: merged.appendingPathComponent(name))
            #expect(!one.isEmpty && one == other, "\(name) differs")
        }
        try FileManager.default.removeItem(at: single)
        try FileManager.default.removeItem(at: merged)
    }

    @Test func hireMergeEqualsTheSingleRun() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let parts = try Self.shards(Self.hire, count: 3, parts: folder.appendingPathComponent("parts"))
        #expect(parts.map { URL(fileURLWithPath: $0).lastPathComponent } == (1...3).map { "hire-year-ahead.shard-\($0)-of-3.json" })
        try Self.expectMergeEqualsSingleRun(Self.hire + ["--html"], parts: parts, files: ["hire.csv", "hire.html"], in: folder)
        try Self.expectMergeEqualsSingleRun(Self.hire + ["--format", "json"], parts: parts, files: ["hire.csv"], in: folder)
    }

    @Test func coverMergeEqualsTheSingleRun() throws {
        let (folder, scenario, pool) = try CoverCommandTests.files(pool: CoverCommandTests.pool)
        let cover = ["cover", scenario, "--max-risk", "ge4<=0.6", "--pool", pool, "--trials", "100", "--validation-trials", "2000", "--seed", "7"]
        let parts = try Self.shards(cover, count: 2, parts: folder.appendingPathComponent("parts"))
        #expect(parts.map { URL(fileURLWithPath: $0).lastPathComponent } == ["cover-end.shard-1-of-2.json", "cover-end.shard-2-of-2.json"])
        // The curve's covers are validated by the merge itself.
        try Self.expectMergeEqualsSingleRun(cover + ["--html", "--curve", "0.3,0.9"], parts: parts, files: ["cover.csv", "cover.html"], in: folder)
        try Self.expectMergeEqualsSingleRun(cover + ["--format", "json"], parts: parts, files: ["cover.csv"], in: folder)
        // With seed 5 the cover found on the sample fails validation once: the merge searches
        // again with the sample's limit tightened, validates that cover itself, and still writes
        // what the single run writes.
        let tight = Array(cover.dropLast()) + ["5"]
        let tightParts = try Self.shards(tight, count: 2, parts: folder.appendingPathComponent("tight"))
        try Self.expectMergeEqualsSingleRun(tight + ["--format", "json"], parts: tightParts, files: ["cover.csv"], in: folder)
        let single = try PlanProcess.run(tight + ["--no-files"])
        #expect(single.status == 0 && single.stdout.contains("searching again with the sample's limit tightened"), "\(single.stdout)")
    }

    /// Parts that are not every shard of this very run, and shards that cannot run: one line naming
    /// the file or option, exit status 1, and no output folder.
    @Test func badPartsAndShardsAreRefused() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let parts = try Self.shards(Self.hire, count: 3, parts: folder.appendingPathComponent("parts"))
        let otherSeed = try PlanProcess.run(
            Self.hire.dropLast() + ["4", "--shard", "3/3", "--out", folder.appendingPathComponent("seed4").path])
        #expect(otherSeed.status == 0, "\(otherSeed.stderr)")
        let seed4 = folder.appendingPathComponent("seed4/hire-year-ahead.shard-3-of-3.json").path
        let simulated = try PlanProcess.run(["simulate", HireCommandTests.scenario, "--trials", "2000", "--shard", "1/2", "--out", folder.appendingPathComponent("sim").path])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        let simulatePart = folder.appendingPathComponent("sim/year-ahead.shard-1-of-2.json").path
        let out = folder.appendingPathComponent("out")
        let cases: [([String], String)] = [
            (Self.hire + ["--merge", parts[0], parts[2]], "shard 2 of 3 is missing; a merge needs every shard of the run"),
            (Self.hire + ["--merge", parts[0], parts[1], parts[1]], "\(parts[1]) and \(parts[1]) are both shard 2 of 3; give each shard once"),
            (Self.hire + ["--merge", parts[0], parts[1], seed4], "\(seed4) is not of the same run as \(parts[0]): seed: 4, 5"),
            (Self.hire + ["--tolerance", "0.02", "--merge"] + parts,
             "--merge: the shards were run with other settings than this merge: --tolerance 0.02 now, --tolerance 0.01 in the shards"),
            (Self.hire.dropLast() + ["5", "--merge"] + parts, "--merge: the shards were run on other inputs or with another plan than this merge: seed: 6, 4 (now, in the shards)"),
            (Self.hire + ["--merge", simulatePart], "\(simulatePart): not a validation part of plan (a file written by plan hire --shard or plan cover --shard)"),
            (Self.hire + ["--shard", "0/3"], "--shard: a shard is I/N with 1 ≤ I ≤ N, such as 2/4; 0/3 is not"),
            (Self.hire + ["--shard", "4/3"], "--shard: a shard is I/N with 1 ≤ I ≤ N, such as 2/4; 4/3 is not"),
            (Self.hire + ["--shard", "2:3"], "--shard takes I/N, shard I of N, such as 2/4; got 2:3"),
            (Self.hire + ["--shard", "4/4"], "--shard 4/4 of --validation-trials 3000: 4 shards are more than the run's 3 blocks of trials, so some shard would have none; use at most 3 shards or more trials"),
            (Self.hire + ["--shard", "1/3", "--html"], "--html applies to the whole run: a shard writes only its part of the validation; give --html with --merge"),
            (Self.hire + ["--shard", "1/3", "--format", "json"], "--format json applies to the whole run: a shard writes only its part of the validation; give --format json with --merge"),
            (Self.hire + ["--shard", "1/3", "--merge"] + parts, "--shard and --merge contradict each other: a shard writes its part of the validation, --merge reads every shard's"),
        ]
        for (args, message) in cases {
            let r = try PlanProcess.run(args + ["--out", out.path])
            #expect(r.status == 1 && r.stderr == "Error: \(message)\n", "\(args.suffix(4)): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        // plan merge takes the parts of plan simulate only, and says where these go.
        let r = try PlanProcess.run(["merge", parts[0], "--out", out.path])
        #expect(r.status == 1 && r.stderr == "Error: \(parts[0]): a validation part of plan hire or plan cover; give the parts to that command's --merge\n", "\(r.stderr)")
    }
}
