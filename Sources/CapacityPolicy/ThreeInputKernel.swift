import Buffers

extension CompiledPolicy {
    /// The fast path for policies of the handbook's shape: exactly three inputs (two headcounts and
    /// the open cases) and at most one ratio over them.
    ///
    /// Inside a dense region of small values (for the handbook: emea < 16, us < 16, open < 512) the
    /// level is one byte of a 128 KiB table addressed by the inputs' bits, as a hand-written C
    /// lookup table would be. Outside it, straight-line cell code: three clamped cell lookups,
    /// pre-multiplied by their strides, and the ratio's cell from a table indexed by (denominator,
    /// numerator); beyond that table (teams of 64 or more, 1024 or more cases) a count against
    /// the ratio's cutoff row, and beyond the cutoff rows (256 SEs or more) the general evaluator.
    ///
    /// Built from, and tested against, the general evaluator's tables (`CompiledPolicyTests`).
    ///
    /// A class: the policy holds one reference to it, so the hot path that reaches the cell code
    /// copies a pointer, not the kernel's 164 bytes of tables and counts (three copies and their
    /// retains per lookup as a struct, 9% of a year of 200 SEs' instructions).
    @usableFromInline
    final class ThreeInputKernel {
        @usableFromInline static let denominatorLimit = 64
        /// 16 × `denominatorLimit`, as `ratioCell`'s test of both limits at once relies on.
        @usableFromInline static let numeratorLimit = 1024

        @usableFromInline let clamps: (Int, Int, Int)
        /// Cells of each input, pre-multiplied by the input's stride in the level table.
        @usableFromInline let cells: (FixedBuffer<Int32>, FixedBuffer<Int32>, FixedBuffer<Int32>)
        /// 1 where the input is summed into the ratio's denominator, else 0.
        @usableFromInline let inDenominator: (Int, Int, Int)
        /// The ratio's stride in the level table (0 without a ratio), its numerator input and
        /// number of atoms, and its cutoff rows (`Storage.cutoffs` from the ratio's first): what
        /// the cell path reads, held apart so that it does not copy the ratio's lookup.
        let ratioStride: Int, ratioNumerator: Int, ratioAtomCount: Int, ratioCutoffStart: Int
        /// `ratioCells[n * numeratorLimit + numerator]`: the ratio's cell.
        @usableFromInline let ratioCells: FixedBuffer<UInt8>
        /// The storage's cutoffs and level table, held here as the cell path's own references.
        let cutoffs: FixedBuffer<Int64>, levelTable: FixedBuffer<UInt8>
        /// The level of every input inside the dense region.
        @usableFromInline private(set) var dense: DenseLevels

        /// The dense table has 2^17 entries: 9 bits for the cases input, the rest shared by the
        /// headcounts, each given at least the bits its own thresholds need.
        static let denseBits = 17

        init?(_ storage: Storage) {
            // Inputs with thresholds beyond their cell tables take the general path.
            guard storage.inputCount == 3, storage.ratioLookups.count <= 1,
                  !storage.inputLookups.contains(where: \.beyondTable) else { return nil }
            var clamps = [0, 0, 0]
            var cells: [FixedBuffer<Int32>] = []
            for k in 0..<3 {
                if let lookup = storage.inputLookups.first(where: { $0.input == k }) {
                    clamps[k] = Int(lookup.clamp)
                    let premultiplied = (0...clamps[k]).map { Int32(Int(storage.inputCells[lookup.cells + $0]) * lookup.stride) }
                    cells.append(FixedBuffer(premultiplied))
                } else {
                    cells.append(FixedBuffer([0]))
                }
            }
            self.clamps = (clamps[0], clamps[1], clamps[2])
            self.cells = (cells[0], cells[1], cells[2])
            let ratio = storage.ratioLookups.first
            (ratioStride, ratioNumerator, ratioAtomCount, ratioCutoffStart) =
                ratio.map { ($0.stride, $0.numerator, $0.atomCount, $0.cutoffStart) } ?? (0, 0, 0, 0)
            (cutoffs, levelTable) = (storage.cutoffs, storage.levelTable)
            var mask = [0, 0, 0]
            var table = [UInt8](repeating: 0, count: ratio == nil ? 1 : Self.denominatorLimit * Self.numeratorLimit)
            if let ratio {
                for d in 0..<ratio.denominatorCount { mask[storage.denominators[ratio.denominatorStart + d]] += 1 }
                for n in 0..<Self.denominatorLimit {
                    for numerator in 0..<Self.numeratorLimit {
                        table[n * Self.numeratorLimit + numerator] = UInt8(storage.ratioCell(ratio, numerator: Int64(numerator), denominator: n))
                    }
                }
            }
            self.inDenominator = (mask[0], mask[1], mask[2])
            self.ratioCells = FixedBuffer(table)
            // A placeholder until the cell path, which the table is built from, can run.
            self.dense = DenseLevels(table: FixedBuffer([0]), bits: (0, 0, 0))

            let bits = Self.denseRegionBits(storage)
            var levels = [UInt8](repeating: 0, count: 1 << Self.denseBits)
            var values: [Int32] = [0, 0, 0]
            for v0 in 0..<(1 << bits[0]) {
                for v1 in 0..<(1 << bits[1]) {
                    for v2 in 0..<(1 << bits[2]) {
                        values = [Int32(v0), Int32(v1), Int32(v2)]
                        let level = values.withUnsafeBufferPointer { cellLevel($0.baseAddress!, storage: storage) }
                        levels[(v0 << (bits[1] + bits[2])) | (v1 << bits[2]) | v2] = UInt8(level)
                    }
                }
            }
            self.dense = DenseLevels(table: FixedBuffer(levels), bits: (UInt32(bits[0]), UInt32(bits[1]), UInt32(bits[2])))
        }

        /// Bits per input: 9 for cases; headcounts first get what their thresholds need, then the
        /// remaining bits go one at a time to the headcount with fewer.
        static func denseRegionBits(_ storage: Storage) -> [Int] {
            func bitsFor(_ count: Int) -> Int { max(1, Int.bitWidth - (count - 1).leadingZeroBitCount) }
            var bits = [0, 0, 0]
            var headcounts: [Int] = []
            for k in 0..<3 {
                if storage.inputKinds[k] == .cases {
                    bits[k] = 9
                } else {
                    let clamp = storage.inputLookups.first(where: { $0.input == k }).map { Int($0.clamp) } ?? 0
                    bits[k] = bitsFor(clamp + 1)
                    headcounts.append(k)
                }
            }
            while bits.reduce(0, +) < denseBits, let k = headcounts.min(by: { bits[$0] < bits[$1] }) { bits[k] += 1 }
            while bits.reduce(0, +) > denseBits, let k = bits.indices.max(by: { bits[$0] < bits[$1] }) { bits[k] -= 1 }
            return bits
        }

        /// The batch form: a dense table lookup for inputs inside the dense region, the cell path otherwise.
        func levels(_ values: UnsafePointer<Int32>, count: Int, into out: UnsafeMutablePointer<UInt8>, storage: Storage) {
            let table = dense.table
            let (b0, b1, b2) = dense.bits
            let shift0 = b1 + b2
            for i in 0..<count {
                let p = values + i &* 3
                let v0 = UInt32(bitPattern: p[0]), v1 = UInt32(bitPattern: p[1]), v2 = UInt32(bitPattern: p[2])
                if (v0 &>> b0) | (v1 &>> b1) | (v2 &>> b2) == 0 {
                    out[i] = table[Int((v0 &<< shift0) | (v1 &<< b2) | v2)]
                } else {
                    out[i] = UInt8(truncatingIfNeeded: cellLevel(p, storage: storage))
                }
            }
        }

        /// The level from cell lookups: exact for every input, used outside the dense region.
        /// Denominators beyond the cutoff rows leave for the general evaluator at once, so that
        /// the path every team below 256 SEs takes is a leaf that needs no stack frame.
        @usableFromInline
        func cellLevel(_ values: UnsafePointer<Int32>, storage: Storage) -> Int {
            let v0 = Int(values[0]), v1 = Int(values[1]), v2 = Int(values[2])
            var index = Int(cells.0[min(v0, clamps.0)]) &+ Int(cells.1[min(v1, clamps.1)]) &+ Int(cells.2[min(v2, clamps.2)])
            if ratioStride != 0 {
                let n = v0 &* inDenominator.0 &+ v1 &* inDenominator.1 &+ v2 &* inDenominator.2
                guard n < CompiledPolicy.cutoffRows else { return Self.levelBeyondCutoffRows(values, storage: storage) }
                index &+= ratioCell(numerator: Int(values[ratioNumerator]), denominator: n) &* ratioStride
            }
            return Int(levelTable[index])
        }

        /// The general evaluator's level, for a ratio's denominator beyond the cutoff rows (a team
        /// of 256 SEs or more), where the ratio's cell is found by dividing.
        @inline(never)
        static func levelBeyondCutoffRows(_ values: UnsafePointer<Int32>, storage: Storage) -> Int { storage.level(values) }

        /// The ratio's cell for a denominator below `CompiledPolicy.cutoffRows`: from `ratioCells`
        /// for small teams and case counts, otherwise counted against the cutoff row (the atoms
        /// that hold are the weakest, so the count stops at the first that fails). This is
        /// `Storage.ratioCell`'s count, read from the kernel's own fields (`CompiledPolicyTests`
        /// compares the two for every such denominator).
        @inline(__always)
        func ratioCell(numerator: Int, denominator n: Int) -> Int {
            // Both are ≥ 0, so the OR is below 64 exactly when n < 64 and numerator < 1024.
            if n | (numerator &>> 4) < Self.denominatorLimit {
                return Int(ratioCells[n &* Self.numeratorLimit &+ numerator])
            }
            var cell = 0
            let row = ratioCutoffStart &+ n &* ratioAtomCount
            while cell < ratioAtomCount && Int64(numerator) > cutoffs[row &+ cell] { cell &+= 1 }
            return cell
        }
    }
}

extension CompiledPolicy {
    /// A level per input state inside a dense region of small values, addressed by the inputs' bits.
    @usableFromInline
    struct DenseLevels {
        @usableFromInline let table: FixedBuffer<UInt8>
        /// Bits of inputs 0, 1 and 2.
        @usableFromInline let bits: (UInt32, UInt32, UInt32)

        /// The level, or nil outside the dense region.
        @inlinable @inline(__always)
        func level(_ values: UnsafePointer<Int32>) -> Int? {
            let v0 = UInt32(bitPattern: values[0]), v1 = UInt32(bitPattern: values[1]), v2 = UInt32(bitPattern: values[2])
            guard (v0 &>> bits.0) | (v1 &>> bits.1) | (v2 &>> bits.2) == 0 else { return nil }
            return Int(table[Int((v0 &<< (bits.1 &+ bits.2)) | (v1 &<< bits.2) | v2)])
        }
    }
}
