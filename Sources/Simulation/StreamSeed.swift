/// The seed of one stream (absence, inflow or work) of one trial of a run.
///
/// A trial is named by its block and its index in the block, so that a block always sees the
/// same numbers whatever thread runs it. The stream's key comes from (master seed, stream) through
/// a strong 64-bit mixer; the trial's position (block, index) is then combined with the key by a
/// bijection. Two trials of a run therefore never share a seed, hence never a stream (the
/// generator's seeding is one to one too), and nearby positions give unrelated seeds.
package enum StreamSeed {
    /// Trials a block may hold: the index in the block takes the low 24 bits of the position.
    package static let maximumBlockSize: UInt64 = 1 << 24

    /// O(1).
    package static func trial(master: UInt64, block: UInt64, trial: UInt64, stream: UInt64) -> UInt64 {
        precondition(trial < maximumBlockSize && block < 1 << 40, "trial \(trial) of block \(block) is beyond the seeding's range")
        var key = mix(master &+ 0x9E37_79B9_7F4A_7C15)
        key = mix(key ^ (stream &* 0x94D0_49BB_1331_11EB &+ 0x2545_F491_4F6C_DD1D))
        return mix(key ^ (block << 24 | trial))
    }

    /// SplitMix64's output function: a bijection on 64 bits with full avalanche.
    @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
