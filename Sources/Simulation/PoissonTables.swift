import Buffers
import Foundation

/// The cumulative distributions of Poisson(m) for every whole mean m below a limit, with their
/// guide tables (Chen and Asau), in flat buffers: inverting a uniform is one lookup of the mean's
/// entry, which points at its table and guide, a guide lookup and a step or two of search.
///
/// Built once per sampler: about 19,000 entries (230 KB) for means below 128. A table runs until
/// F rounds to 1 (or 40 standard deviations past the mean); a uniform within rounding of 1 that
/// falls past it continues the recurrence, so the inversion is exact to floating point.
struct PoissonTables {
    /// A whole mean's table: where it starts in `cdf` and `guide` (32 bytes), so that an
    /// inversion reads its entry, then the table, without loading the buffers' addresses.
    struct Table {
        /// F(0)…F(count − 1) are tabulated.
        let count: Int
        /// p(count − 1), to continue the recurrence past the table.
        let lastProbability: Double
        /// The table's first F(k) in `cdf` and its first cell in `guide`: valid while the buffers
        /// live (as long as the tables).
        let cdfs: UnsafePointer<Double>, guides: UnsafePointer<Int32>
    }

    let means: Int
    let tables: FixedBuffer<Table>
    /// `tables`' elements: valid while `tables` lives.
    private let entries: UnsafePointer<Table>
    /// F(0), F(1), … of each mean from its table's `cdfs`, `count` of them, then 2: a sentinel
    /// above every uniform, so that the search needs no bound test.
    let cdf: FixedBuffer<Double>
    /// From each table's `guides`, cell j = smallest k with F(k) ≥ j / count, for j = 0…count (the
    /// last one only for a product u · count that rounds up to count, which a 32-bit uniform's does not).
    let guide: FixedBuffer<Int32>

    /// Tables for the whole means 0 ..< `means`. O(means^1.5).
    init(means: Int) {
        self.means = means
        var cdfs: [Double] = [], guides: [Int32] = [], tables: [(start: Int, count: Int, lastProbability: Double)] = []
        for m in 0..<means {
            let mean = Double(m)
            var p = Foundation.exp(-mean)
            var cdf = [p]
            var k = 0
            while 1 - cdf[k] > 1e-17 && k < Int(mean + 40 * mean.squareRoot() + 40) {
                k += 1
                p *= mean / Double(k)
                cdf.append(cdf[k - 1] + p)
            }
            precondition(cdf.count < 1 << 21, "a table of \(cdf.count) entries: its guide cells need bits · count below 2^53")
            tables.append((cdfs.count, cdf.count, p))
            var i = 0
            for j in 0...cdf.count {
                let threshold = Double(j) / Double(cdf.count)
                while i < cdf.count - 1 && cdf[i] < threshold { i += 1 }
                guides.append(Int32(i))
            }
            cdfs += cdf + [2]
        }
        // A table's F(k) and guide cells are count + 1 each: it starts at the same offset in both.
        let (cdf, guide) = (FixedBuffer(cdfs), FixedBuffer(guides))
        let (cdfBase, guideBase) = (cdf.elements.baseAddress!, guide.elements.baseAddress!)
        let entries = FixedBuffer(tables.map {
            Table(count: $0.count, lastProbability: $0.lastProbability, cdfs: cdfBase + $0.start, guides: guideBase + $0.start)
        })
        (self.cdf, self.guide, self.tables, self.entries) = (cdf, guide, entries, entries.elements.baseAddress!)
    }

    /// The smallest k with F(k) ≥ u for Poisson(`mean`), u = `bits` / 2^32 the stream's uniform
    /// (`Uniforms.uniform`) from its 32-bit output, 0 ≤ mean < `means`. O(1) expected.
    @inline(__always)
    func invert(_ bits: UInt, mean: Int) -> Int {
        let u = Double(bits) / 4_294_967_296.0
        let table = entries[mean]
        var k = Int(table.guides[Self.cell(bits, count: table.count)])
        while table.cdfs[k] < u { k &+= 1 }
        return k < table.count ? k : continueRecurrence(u, mean: mean)
    }

    /// The guide cell ⌊u · count⌋ of u = `bits` / 2^32 (bits < 2^32), in integers: bits · count
    /// is below 2^53 (count < 2^21), so the double product u · count is exact too and truncates
    /// to the same cell; the integers spare the checked conversion of a double.
    @inline(__always)
    static func cell(_ bits: UInt, count: Int) -> Int { Int(bitPattern: (bits &* UInt(bitPattern: count)) >> 32) }

    /// Past the table (u within rounding of 1): the recurrence continued from its last entry.
    @inline(never)
    func continueRecurrence(_ u: Double, mean: Int) -> Int {
        let table = tables[mean]
        var p = table.lastProbability, f = table.cdfs[table.count - 1]
        var k = table.count - 1
        while u > f && k < mean * 4 + 1000 {
            k += 1
            p *= Double(mean) / Double(k)
            f += p
        }
        return k
    }
}
