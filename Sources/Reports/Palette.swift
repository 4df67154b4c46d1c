import Foundation

/// The level colours of the report: an ordered ramp from pale yellow (level 1) through orange and
/// red to dark purple (the highest level), taken from matplotlib's "inferno" colour map.
///
/// Inferno's lightness rises steadily along the map, so the levels stay in order for colour-blind
/// readers and on a grayscale printout, and the dark end reads as the serious end. The darkest
/// fifth is left out so that the top level is not mistaken for black ink. Colour is never the only
/// cue: every cell and swatch also prints its level number.
enum Palette {
    /// Inferno at t = 0, 0.1, …, 1 (dark to light), as 8-bit RGB.
    private static let inferno: [(Int, Int, Int)] = [
        (0x00, 0x00, 0x04), (0x16, 0x0B, 0x39), (0x42, 0x0A, 0x68), (0x6A, 0x17, 0x6E), (0x93, 0x26, 0x67), (0xBC, 0x37, 0x54),
        (0xDD, 0x51, 0x3A), (0xF3, 0x78, 0x19), (0xFC, 0xA5, 0x0A), (0xF6, 0xD7, 0x46), (0xFC, 0xFF, 0xA4),
    ]
    /// Where on the map the highest level sits (level 1 is at 1, the light end).
    private static let darkest = 0.2

    /// Fill of level `level` (1-based) of a policy with `count` levels, as `#rrggbb`.
    static func fill(level: Int, of count: Int) -> String { hex(rgb(level: level, of: count)) }

    /// Text colour on that fill: near-black or white, whichever contrasts more (WCAG ratio).
    static func ink(level: Int, of count: Int) -> String {
        let l = luminance(rgb(level: level, of: count))
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#111111" : "#ffffff"
    }

    /// The fill of level `level` at `strength` (0–1): the level's colour mixed with white, full at 1.
    /// The heatmap fills a check by how likely its planning level is, so a level reached in 14% of
    /// the trials does not look like one reached in all of them; mixed here rather than with CSS
    /// opacity, so that it prints the same.
    static func fill(level: Int, of count: Int, strength: Double) -> String { hex(mixed(level: level, of: count, strength: strength)) }

    /// Text colour on that fill, as `ink(level:of:)`.
    static func ink(level: Int, of count: Int, strength: Double) -> String {
        let l = luminance(mixed(level: level, of: count, strength: strength))
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#111111" : "#ffffff"
    }

    private static func mixed(level: Int, of count: Int, strength: Double) -> (Int, Int, Int) {
        let c = rgb(level: level, of: count), t = min(max(strength, 0), 1)
        func mix(_ v: Int) -> Int { Int((255 - (255 - Double(v)) * t).rounded()) }
        return (mix(c.0), mix(c.1), mix(c.2))
    }

    /// Days without checks: a light neutral that no level uses.
    static let off = "#ececec"
    /// The hatching of company closures.
    static let closedHatch = "#8a8a8a"

    private static func rgb(level: Int, of count: Int) -> (Int, Int, Int) {
        let share = count > 1 ? Double(level - 1) / Double(count - 1) : 0
        let t = (1 - share * (1 - darkest)) * Double(inferno.count - 1)
        let i = min(Int(t), inferno.count - 2)
        let f = t - Double(i)
        let (a, b) = (inferno[i], inferno[i + 1])
        func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * f).rounded()) }
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    private static func hex(_ c: (Int, Int, Int)) -> String {
        func two(_ v: Int) -> String {
            let digits = Array("0123456789abcdef")
            return String([digits[v / 16], digits[v % 16]])
        }
        return "#" + two(c.0) + two(c.1) + two(c.2)
    }

    /// WCAG relative luminance.
    private static func luminance(_ c: (Int, Int, Int)) -> Double {
        func linear(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
    }
}
