import Foundation
import Testing

/// `plan simulate --shard I/N` and `plan merge`, as a scheduler's jobs run them: the merged files
/// are the single run's, byte for byte (run.json's execution aside), and bad input is refused with
/// the file or flag named and nothing written.
@Suite struct ShardCommandTests {
    /// 7,500 trials: eight blocks of 1,000, the last one half full.
    static let run = ["simulate", "scenarios/december.json", "--trials", "7500", "--seed", "3"]

    func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The same files with the same bytes, run.json's execution aside.
    func expectSameFiles(_ single: URL, _ merged: URL) throws {
        #expect(try files(merged) == files(single))
        for name in try files(single) {
            let (a, b) = (try read(single.appendingPathComponent(name)), try read(merged.appendingPathComponent(name)))
            if name == "run.json" {
                #expect(DecemberOutputTests.withoutExecution(a) == DecemberOutputTests.withoutExecution(b))
            } else {
                #expect(a == b, "\(name)")
            }
        }
    }

    /// Shards in parallel processes, then the merge; compared with one single run.
    @Test(arguments: [1, 2, 4, 7])
    func mergedShardsAreTheSingleRun(shards: Int) throws {
        let folder = try PlanProcess.temporaryDirectory()
        let single = folder.appendingPathComponent("single"), merged = folder.appendingPathComponent("merged")
        let result = try PlanProcess.run(Self.run + ["--html", "--threads", "2", "--out", single.path])
        #expect(result.status == 0, "\(result.stderr)")
        var parts: [String] = []
        for index in 1...shards {
            let part = folder.appendingPathComponent("parts/december.shard-\(index)-of-\(shards).json").path
            let shard = try PlanProcess.run(Self.run + ["--threads", "1", "--shard", "\(index)/\(shards)", "--out", folder.appendingPathComponent("parts").path])
            #expect(shard.status == 0 && shard.stderr.isEmpty, "\(shard.stderr)")
            #expect(shard.stdout.contains("december: shard \(index) of \(shards), blocks "))
            parts.append(part)
        }
        let merge = try PlanProcess.run(["merge"] + parts.reversed() + ["--out", merged.path, "--html"])
        #expect(merge.status == 0 && merge.stderr.isEmpty, "\(merge.stderr)")
        #expect(merge.stdout == result.stdout.replacingOccurrences(of: single.path, with: merged.path))
        try expectSameFiles(single, merged)
        let (a, b) = (try read(single.appendingPathComponent("run.json")), try read(merged.appendingPathComponent("run.json")))
        #expect(b.contains("\"shards\" : \(shards),") && b.contains("\"threads\" : \(shards),"))
        #expect(!a.contains("\"shards\""))
    }

    @Test(arguments: [
        (["--shard", "0/0"], "Error: --shard: a shard is I/N with 1 ≤ I ≤ N, such as 2/4; 0/0 is not\n"),
        (["--shard", "5/4"], "Error: --shard: a shard is I/N with 1 ≤ I ≤ N, such as 2/4; 5/4 is not\n"),
        (["--shard", "2"], "Error: --shard takes I/N, shard I of N, such as 2/4; got 2\n"),
        (["--shard", "9/9"], "Error: --shard 9/9: 9 shards are more than the run's 8 blocks of trials, so some shard would have none; use at most 8 shards or more trials\n"),
        (["--shard", "1/2", "--html"], "Error: --html applies to the whole run: a shard writes a partial result, which plan merge turns into the run's files; give --html to plan merge\n"),
        (["--shard", "1/2", "--intervals", "fit.json"], "Error: --intervals applies to the whole run: a shard writes a partial result, which plan merge turns into the run's files\n"),
    ])
    func badShardsAreRefused(arguments: [String], message: String) throws {
        let out = try PlanProcess.temporaryDirectory().appendingPathComponent("part.json")
        let result = try PlanProcess.run(Self.run + arguments + ["--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func precisionCannotBeSharded() throws {
        let result = try PlanProcess.run(["simulate", "scenarios/december.json", "--precision", "0.01", "--shard", "1/2"])
        #expect(result.status == 1 && result.stderr.contains("--shard needs a number of trials"))
    }

    /// A file that is not a partial result is never overwritten by a shard, and --out is a folder:
    /// a file given as --out is refused and left as it was.
    @Test func aShardDoesNotOverwriteOtherFiles() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let out = folder.appendingPathComponent("december.shard-1-of-2.json")
        try "{\"mine\": true}\n".write(to: out, atomically: true, encoding: .utf8)
        let result = try PlanProcess.run(Self.run + ["--shard", "1/2", "--out", folder.path])
        #expect(result.status == 1 && result.stderr == "Error: --out \(out.path) exists and is not a partial result of plan; choose another path or remove it\n")
        #expect(try read(out) == "{\"mine\": true}\n")
        let file = try PlanProcess.run(Self.run + ["--shard", "1/2", "--out", out.path])
        #expect(file.status == 1 && file.stderr == "Error: --out \(out.path): is a file; --out takes a folder\n")
        #expect(try read(out) == "{\"mine\": true}\n")
    }

    /// `plan merge --record --made-at` stores the merged forecast with the stamp given, as
    /// `plan simulate --record --made-at` would; --made-at without --record is refused.
    @Test func aMergedForecastIsRecordedWithItsStamp() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let parts = try (1...2).map { index in
            let part = folder.appendingPathComponent("december.shard-\(index)-of-2.json").path
            let shard = try PlanProcess.run(Self.run + ["--shard", "\(index)/2", "--out", folder.path])
            #expect(shard.status == 0, "\(shard.stderr)")
            return part
        }
        let store = folder.appendingPathComponent("h.sqlite").path
        let merged = try PlanProcess.run(["merge"] + parts + ["--out", folder.appendingPathComponent("merged").path, "--record", "--made-at", "2026-11-30", "--history", store])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stderr.hasPrefix("Recorded the forecast of run ") && merged.stderr.contains("(simulate: december, seed 3, 7,500 trials, 44 checks 2026-12-01…2026-12-31, made 2026-11-30T00:00Z) in \(store)"), "\(merged.stderr)")
        let unrecorded = try PlanProcess.run(["merge"] + parts + ["--made-at", "2026-11-30"])
        #expect(unrecorded.status == 1 && unrecorded.stderr == "Error: --made-at 2026-11-30: stamps a recorded forecast; give --record too\n", "\(unrecorded.stderr)")
    }

    /// Truncated, edited, missing or duplicated parts: exit 1, the file named, no output folder.
    @Test func damagedOrIncompletePartsAreRefused() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let parts = (1...2).map { folder.appendingPathComponent("december.shard-\($0)-of-2.json").path }
        for index in parts.indices {
            #expect(try PlanProcess.run(Self.run + ["--shard", "\(index + 1)/2", "--out", folder.path]).status == 0)
        }
        let out = folder.appendingPathComponent("merged")
        func merge(_ parts: [String]) throws -> String {
            let result = try PlanProcess.run(["merge"] + parts + ["--out", out.path])
            #expect(result.status == 1)
            #expect(!FileManager.default.fileExists(atPath: out.path))
            return result.stderr
        }
        #expect(try merge([parts[0]]) == "Error: shard 2 of 2 is missing; a merge needs every shard of the run\n")
        #expect(try merge([parts[0], parts[0], parts[1]]) == "Error: \(parts[0]) and \(parts[0]) are both shard 1 of 2; give each shard once\n")

        let text = try read(URL(fileURLWithPath: parts[1]))
        let truncated = folder.appendingPathComponent("truncated.json").path
        try String(text.prefix(text.count / 3)).write(toFile: truncated, atomically: true, encoding: .utf8)
        #expect(try merge([parts[0], truncated]) == "Error: \(truncated): the file is truncated (it ends before its last line); run the shard again\n")
        let edited = folder.appendingPathComponent("edited.json").path
        try text.replacingOccurrences(of: "\"trials\":7500", with: "\"trials\":7501").write(toFile: edited, atomically: true, encoding: .utf8)
        #expect(try merge([parts[0], edited]) == "Error: \(edited): the file was edited or damaged: its content does not match the SHA-256 it was written with\n")
        let other = folder.appendingPathComponent("other-seed/december.shard-2-of-2.json").path
        #expect(try PlanProcess.run(["simulate", "scenarios/december.json", "--trials", "7500", "--seed", "4", "--shard", "2/2", "--out", folder.appendingPathComponent("other-seed").path]).status == 0)
        #expect(try merge([parts[0], other]) == "Error: \(other) is not of the same run as \(parts[0]): seed: 3, 4\n")
    }

    /// An outlook from mid-December with a known absence, in three shards: the merge derives the
    /// same outlook from the start the parts record, and writes the single outlook's files.
    static let outlook = ["outlook", "scenarios/december.json", "--from", "2026-12-14", "--days", "10", "--open-cases", "52",
                          "--absent", "emea-nl:2026-12-16", "--trials", "5000", "--seed", "3"]

    @Test func mergedOutlookShardsAreTheSingleOutlook() throws {
        let folder = try PlanProcess.temporaryDirectory()
        let single = folder.appendingPathComponent("single"), merged = folder.appendingPathComponent("merged")
        let result = try PlanProcess.run(Self.outlook + ["--html", "--out", single.path])
        #expect(result.status == 0, "\(result.stderr)")
        let parts = try (1...3).map { index in
            let part = folder.appendingPathComponent("parts/december-outlook.shard-\(index)-of-3.json").path
            let shard = try PlanProcess.run(Self.outlook + ["--threads", "1", "--shard", "\(index)/3", "--out", folder.appendingPathComponent("parts").path])
            #expect(shard.status == 0 && shard.stderr.isEmpty, "\(shard.stderr)")
            #expect(shard.stdout.contains("december-outlook: shard \(index) of 3, blocks "))
            return part
        }
        let merge = try PlanProcess.run(["merge"] + parts + ["--out", merged.path, "--html"])
        #expect(merge.status == 0 && merge.stderr.isEmpty, "\(merge.stderr)")
        #expect(merge.stdout == result.stdout.replacingOccurrences(of: single.path, with: merged.path))
        try expectSameFiles(single, merged)

        // A shard of another start (other open cases) is not part of the same outlook.
        let other = folder.appendingPathComponent("other/december-outlook.shard-3-of-3.json").path
        var otherArguments = Self.outlook
        otherArguments[otherArguments.firstIndex(of: "52")!] = "60"
        #expect(try PlanProcess.run(otherArguments + ["--shard", "3/3", "--out", folder.appendingPathComponent("other").path]).status == 0)
        let refused = try PlanProcess.run(["merge", parts[0], parts[1], other, "--out", folder.appendingPathComponent("refused").path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: \(other) is not of the same run as \(parts[0]): outlook: "
            + "from 2026-12-14, 10 days, 52 open cases, emea-nl out until 2026-12-16, from 2026-12-14, 10 days, 60 open cases, emea-nl out until 2026-12-16\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("refused").path))
    }
}
