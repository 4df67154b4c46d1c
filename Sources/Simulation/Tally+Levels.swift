extension Tally {
    /// A tally of `trials` trials of `model` that counts only what a paired comparison of levels reads: the
    /// trials and, per check, the trials at each level (`levels`), counted from `trialLevels`,
    /// every trial's 0-based level at every check (`[trial * checks + c]`, as `RecordedRun` keeps
    /// them). Every other count (open cases, loads, headcounts, the horizon statistics, the weekly
    /// counts) is left empty, so estimates made from it hold only the levels and what follows
    /// from them (`RecordedRun.Counting.levels`).
    ///
    /// Its `levels` and `trials` are those of a tally that recorded the same trials one by one
    /// (`recordTrial`), bit for bit (`RecordedRunCountingTests`). O(trials × checks), no allocation per trial.
    init(model: SimulationModel, trials: Int, levelsOf trialLevels: [UInt8]) {
        self.init(model: model)
        let (checks, levelCount) = (checkCount, self.levelCount)
        precondition(trialLevels.count == trials * checks, "a level for every trial and check")
        self.trials = trials
        levels.withUnsafeMutableBufferPointer { counts in
            trialLevels.withUnsafeBufferPointer { trialLevels in
                var c = 0
                // Wrapping arithmetic: every index is within the arrays, and no count passes the trial count.
                for level in trialLevels {
                    counts[c &* levelCount &+ Int(level)] &+= 1
                    c &+= 1
                    if c == checks { c = 0 }
                }
            }
        }
    }
}
