/// The inputs `plan bench` and the `Benchmarks/` suites evaluate: uniformly random states over the
/// grid docs/POLICY.md's tests use (emea 0–6, us 0–15, open 0–200), stored flat as the compiled
/// evaluator reads them. Generated with SplitMix64 so every run measures the same inputs.
public enum BenchmarkObservations {
    public static func handbookGrid(count: Int, seed: UInt64 = 0x5EED) -> [Int32] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var values = [Int32](repeating: 0, count: count * 3)
        for i in 0..<count {
            let r = next()
            values[3 * i] = Int32(r % 7)
            values[3 * i + 1] = Int32((r >> 16) % 16)
            values[3 * i + 2] = Int32((r >> 32) % 201)
        }
        return values
    }
}
