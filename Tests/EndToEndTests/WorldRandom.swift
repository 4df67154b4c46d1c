import Foundation

/// The random variates of `DepartureWorld`, from its own generator (xoshiro256** seeded by
/// SplitMix64) and textbook samplers, so that the worlds share no code, stream or sampler with the
/// simulation kernel they test.
struct WorldRandom {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    private mutating func next() -> UInt64 {
        func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    /// Uniform on [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = 1 - uniform(), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Poisson(mean): Knuth's product of uniforms, in pieces of mean at most 20 (a sum of
    /// independent Poissons is Poisson), so that e^−mean never underflows.
    mutating func poisson(_ mean: Double) -> Int {
        var left = mean, count = 0
        while left > 0 {
            let piece = min(left, 20)
            left -= piece
            let limit = exp(-piece)
            var product = uniform()
            while product > limit {
                count += 1
                product *= uniform()
            }
        }
        return count
    }

    /// Gamma with mean 1 and coefficient of variation `cv` (shape 1/cv² ≥ 1: Marsaglia–Tsang); 1 when cv is 0.
    mutating func demandShock(cv: Double) -> Double {
        guard cv > 0 else { return 1 }
        let shape = 1 / (cv * cv), d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / shape }
        }
    }

    /// 1 + G days, G geometric on 0, 1, … with mean `mean` − 1 (by inversion).
    mutating func spellLength(mean: Double) -> Int {
        guard mean > 1 else { return 1 }
        let q = 1 - 1 / mean
        return 1 + Int((log(1 - uniform()) / log(q)).rounded(.down))
    }
}
