import Buffers
#if PLAN_INTERNAL_CHECKS
import Synchronization
#endif

/// The evaluator for hot loops: a lookup table over the cells the policy's thresholds cut the
/// input space into.
///
/// Every criterion compares one metric with a threshold, so it is a combination of *atoms*
/// `metric > t` or `metric >= t`. Sorted from weakest to strongest, the atoms of a metric that
/// hold are always a prefix, so a metric's cell is simply how many of its atoms hold, and the
/// level is a function of the cells. At run time:
/// - an input's cell is a table lookup on the value, clamped where no threshold lies beyond;
/// - a ratio's cell is a count of precomputed numerator cutoffs for the denominator's value
///   (no division); cutoffs are found with the same floating-point comparison the explained
///   evaluator makes, so the two agree exactly;
/// - the level is one byte of a table indexed by the cells in mixed radix.
///
/// Construction costs O(cells + inputs × threshold range); evaluation is O(inputs + ratio atoms).
public struct CompiledPolicy: @unchecked Sendable {
    /// Ratios whose denominator is at least this large fall back to dividing (rare in practice:
    /// a team of 256 SEs).
    @usableFromInline static let cutoffRows = 256

    @usableFromInline let storage: Storage
    /// The three-input kernel's dense table, held here rather than behind the storage reference so
    /// that the hot path reads it without copying the kernel or checking exclusive access.
    @usableFromInline let dense: DenseLevels?
    /// The three-input kernel, held here as `dense` is: the storage's own reference is a `var`
    /// (set once its tables exist), whose every read is checked for exclusive access.
    @usableFromInline let threeInputKernel: ThreeInputKernel?
    public let table: EffectiveTable

    public var inputCount: Int { storage.inputCount }

    public init(_ table: EffectiveTable) {
        self.table = table
        self.storage = Storage(table)
        self.threeInputKernel = storage.threeInputKernel
        self.dense = threeInputKernel?.dense
    }

    public init(_ policy: Policy) { self.init(EffectiveTable(policy)) }

    /// The 0-based level index for one observation (values in the policy's input order, each ≥ 0).
    /// O(inputs + ratio atoms).
    @inlinable
    public func level(_ values: UnsafePointer<Int32>) -> Int {
        if let dense, let level = dense.level(values) { return checked(level, values) }
        if let threeInputKernel { return checked(threeInputKernel.cellLevel(values, storage: storage), values) }
        return checked(storage.level(values), values)
    }

    public func level(_ observation: Observation) -> Int {
        let values = observation.values.map { Int32(clamping: $0) }
        return values.withUnsafeBufferPointer { level($0.baseAddress!) }
    }

    /// Levels of `count` observations stored one after another (`inputCount` values each).
    public func levels(_ values: UnsafeBufferPointer<Int32>, into levels: UnsafeMutableBufferPointer<UInt8>) {
        let k = storage.inputCount
        precondition(values.count == levels.count * k, "expected \(levels.count * k) values, got \(values.count)")
        guard let base = values.baseAddress else { return }
        if let kernel = threeInputKernel {
            kernel.levels(base, count: levels.count, into: levels.baseAddress!, storage: storage)
        } else {
            for i in 0..<levels.count { levels[i] = UInt8(truncatingIfNeeded: storage.level(base + i &* k)) }
        }
        #if PLAN_INTERNAL_CHECKS
        for i in 0..<levels.count { _ = checked(Int(levels[i]), base + i &* k) }
        #endif
    }
}

extension CompiledPolicy {
    /// `level` as computed, after checking it against the explained evaluator when the package is
    /// built with `PLAN_INTERNAL_CHECKS` (see Package.swift): the tables are derived from the
    /// policy by a chain of reasoning about atoms and cells that a test grid cannot cover for
    /// every policy, so checked builds compare every lookup the simulation makes. Each distinct
    /// input state is compared once (a repeated lookup is the same lookup): trials revisit the same
    /// few thousand states, and the explained evaluator costs a hundred lookups.
    @inlinable @inline(__always)
    func checked(_ level: Int, _ values: UnsafePointer<Int32>) -> Int {
        #if PLAN_INTERNAL_CHECKS
        checkAgainstExplained(level, values)
        #endif
        return level
    }

    #if PLAN_INTERNAL_CHECKS
    @usableFromInline
    func checkAgainstExplained(_ level: Int, _ values: UnsafePointer<Int32>) {
        let state = Array(UnsafeBufferPointer(start: values, count: inputCount))
        guard storage.checkedStates.withLock({ $0.insert(state).inserted }) else { return }
        let observation = Observation(state.map(Int.init))
        let explained = table.evaluate(observation).level
        precondition(level == explained, "compiled policy gives level index \(level) for \(observation), the explained evaluator \(explained)")
    }
    #endif
}

/// A threshold test `value > threshold` (strict) or `value >= threshold`.
struct Atom: Hashable, Comparable {
    let threshold: Double
    let strict: Bool

    func holds(_ value: Double) -> Bool { strict ? value > threshold : value >= threshold }

    /// Weakest first: a stronger atom holding implies every weaker one holds.
    static func < (a: Atom, b: Atom) -> Bool {
        a.threshold != b.threshold ? a.threshold < b.threshold : (!a.strict && b.strict)
    }
}

extension ThresholdComparison {
    /// The atoms this comparison is built from.
    var atoms: [Atom] {
        switch self {
        case .greaterThan(let t), .atMost(let t): return [Atom(threshold: t, strict: true)]
        case .atLeast(let t), .lessThan(let t): return [Atom(threshold: t, strict: false)]
        case .equal(let t): return [Atom(threshold: t, strict: false), Atom(threshold: t, strict: true)]
        case .between(let lo, let hi): return [Atom(threshold: lo, strict: false), Atom(threshold: hi, strict: true)]
        }
    }

    /// Whether the comparison holds, given which atoms hold.
    func holds(atom: (Atom) -> Bool) -> Bool {
        switch self {
        case .greaterThan(let t): return atom(Atom(threshold: t, strict: true))
        case .atLeast(let t): return atom(Atom(threshold: t, strict: false))
        case .lessThan(let t): return !atom(Atom(threshold: t, strict: false))
        case .atMost(let t): return !atom(Atom(threshold: t, strict: true))
        case .equal(let t): return atom(Atom(threshold: t, strict: false)) && !atom(Atom(threshold: t, strict: true))
        case .between(let lo, let hi): return atom(Atom(threshold: lo, strict: false)) && !atom(Atom(threshold: hi, strict: true))
        }
    }
}

extension CompiledPolicy {
    /// Owns the tables; immutable after construction, so sharing it between threads is safe.
    @usableFromInline
    final class Storage {
        @usableFromInline let inputCount: Int
        let inputKinds: [Input.Kind]
        /// Inputs that have atoms.
        @usableFromInline let inputLookups: FixedBuffer<InputLookup>
        @usableFromInline let inputCells: FixedBuffer<Int32>
        /// Every input's atoms, weakest first, for values beyond its cell table.
        let inputAtoms: FixedBuffer<Atom>
        /// Ratios that have atoms.
        @usableFromInline let ratioLookups: FixedBuffer<RatioLookup>
        @usableFromInline let denominators: FixedBuffer<Int>
        @usableFromInline let cutoffs: FixedBuffer<Int64>
        @usableFromInline let ratioAtoms: FixedBuffer<(threshold: Double, strict: Bool)>
        @usableFromInline let levelTable: FixedBuffer<UInt8>
        /// The fast path for the common shape (three inputs, at most one ratio); nil otherwise.
        @usableFromInline private(set) var threeInputKernel: ThreeInputKernel?
        #if PLAN_INTERNAL_CHECKS
        /// Input states already compared with the explained evaluator (`CompiledPolicy.checked`).
        let checkedStates = Mutex<Set<[Int32]>>([])
        #endif

        /// Values an input's cell table covers at most. Thresholds beyond it (a policy may say
        /// `open > 100000000`) are found by a search over the input's atoms instead, so the tables'
        /// size depends on how many thresholds there are, not on how large they are.
        static let inputTableLimit: Int32 = 4096

        /// An input's cells: `inputCells[cells + min(value, clamp)]`. Unless `beyondTable`, no atom
        /// changes past `clamp`; otherwise values past it are counted against the input's atoms
        /// (`inputAtoms[atomStart..<atomStart + atomCount]`).
        @usableFromInline
        struct InputLookup {
            @usableFromInline let input: Int
            @usableFromInline let clamp: Int32
            @usableFromInline let cells: Int
            @usableFromInline let stride: Int
            @usableFromInline let beyondTable: Bool
            let atomStart: Int
            let atomCount: Int
        }

        /// A ratio's numerator input, its denominator inputs (`denominators[denominatorStart...]`),
        /// its atoms (`ratioAtoms[atomStart...]`) and cutoffs (`cutoffs[cutoffStart...]`), and its stride.
        @usableFromInline
        struct RatioLookup {
            @usableFromInline let numerator: Int
            @usableFromInline let denominatorStart: Int
            @usableFromInline let denominatorCount: Int
            @usableFromInline let atomCount: Int
            @usableFromInline let cutoffStart: Int
            @usableFromInline let atomStart: Int
            @usableFromInline let stride: Int
        }

        init(_ table: EffectiveTable) {
            let policy = table.policy
            inputCount = policy.inputs.count
            inputKinds = policy.inputs.map(\.kind)
            let metricCount = policy.metricNames.count

            // Atoms per metric, from the criteria that can decide a level.
            var atomSets = Array(repeating: Set<Atom>(), count: metricCount)
            for row in table.entries.dropFirst() {
                for entry in row where entry.counts {
                    atomSets[entry.metric].formUnion(entry.criterion.comparison.atoms)
                }
            }
            let atoms = atomSets.map { $0.sorted() }

            // Mixed-radix strides over metrics that have atoms (cells = atoms + 1).
            var strides = Array(repeating: 0, count: metricCount)
            var cellCount = 1
            for m in 0..<metricCount where !atoms[m].isEmpty {
                strides[m] = cellCount
                cellCount *= atoms[m].count + 1
            }

            // Inputs: cell of each value up to the clamp, beyond which no atom changes.
            var inputEntries: [InputLookup] = []
            var inputCellValues: [Int32] = []
            var inputAtomValues: [Atom] = []
            for m in 0..<inputCount where !atoms[m].isEmpty {
                let highest = atoms[m].map { $0.threshold }.max()!
                let reach = Int32(max(0, min(Double(Int32.max - 1), highest.rounded(.down) + 1)))
                let clamp = min(reach, Storage.inputTableLimit)
                inputEntries.append(InputLookup(
                    input: m, clamp: clamp, cells: inputCellValues.count, stride: strides[m],
                    beyondTable: reach > clamp, atomStart: inputAtomValues.count, atomCount: atoms[m].count))
                inputAtomValues += atoms[m]
                for x in 0...Int(clamp) {
                    inputCellValues.append(Int32(atoms[m].filter { $0.holds(Double(x)) }.count))
                }
            }

            // Ratios: per denominator value, the largest numerator for which each atom fails.
            var ratioEntries: [RatioLookup] = []
            var denominatorIndices: [Int] = []
            var cutoffValues: [Int64] = []
            var atomValues: [(threshold: Double, strict: Bool)] = []
            for (r, ratio) in policy.ratios.enumerated() {
                let m = inputCount + r
                guard !atoms[m].isEmpty else { continue }
                let denominators = ratio.denominator.map { policy.metricIndex(named: $0)! }
                ratioEntries.append(RatioLookup(
                    numerator: policy.metricIndex(named: ratio.numerator)!,
                    denominatorStart: denominatorIndices.count, denominatorCount: denominators.count,
                    atomCount: atoms[m].count, cutoffStart: cutoffValues.count, atomStart: atomValues.count,
                    stride: strides[m]))
                denominatorIndices += denominators
                atomValues += atoms[m].map { ($0.threshold, $0.strict) }
                for n in 0..<CompiledPolicy.cutoffRows {
                    for atom in atoms[m] {
                        cutoffValues.append(Storage.cutoff(atom, denominator: n))
                    }
                }
            }

            // The level of every combination of cells.
            var levels = [UInt8](repeating: 0, count: cellCount)
            for index in 0..<cellCount {
                func cell(_ m: Int) -> Int { (index / strides[m]) % (atoms[m].count + 1) }
                var declared = 0
                for l in 1..<table.entries.count {
                    let outcomes = table.entries[l].filter(\.counts).map { entry -> Bool in
                        let prefix = cell(entry.metric)
                        return entry.criterion.comparison.holds { atom in
                            atoms[entry.metric].firstIndex(of: atom)! < prefix
                        }
                    }
                    let triggered = policy.levels[l].trigger == .any
                        ? outcomes.contains(true)
                        : (!outcomes.isEmpty && !outcomes.contains(false))
                    if triggered { declared = l }
                }
                levels[index] = UInt8(declared)
            }

            inputLookups = FixedBuffer(inputEntries)
            inputCells = FixedBuffer(inputCellValues)
            inputAtoms = FixedBuffer(inputAtomValues)
            ratioLookups = FixedBuffer(ratioEntries)
            denominators = FixedBuffer(denominatorIndices)
            cutoffs = FixedBuffer(cutoffValues)
            ratioAtoms = FixedBuffer(atomValues)
            levelTable = FixedBuffer(levels)
            threeInputKernel = ThreeInputKernel(self)
        }

        /// The largest numerator for which `Ratio.value(numerator, n)` fails the atom; -1 when it
        /// always holds. The predicate is monotone in the numerator (division rounds monotonically),
        /// so the cutoff is found from an estimate and corrected with the exact comparison.
        static func cutoff(_ atom: Atom, denominator n: Int) -> Int64 {
            let limit: Int64 = Int64(Int32.max)
            func holds(_ numerator: Int64) -> Bool { atom.holds(Ratio.value(numerator: Double(numerator), denominator: Double(n))) }
            let estimate = (atom.threshold * Double(n)).rounded(.down)
            var c = Int64(max(-1, min(Double(limit), estimate)))
            while c < limit, !holds(c + 1) { c += 1 }
            while c >= 0, holds(c) { c -= 1 }
            return c
        }

        /// How many of the input's atoms hold for `value`: a binary search, since the atoms that
        /// hold are always the weakest ones. O(log atoms).
        @usableFromInline
        func cellBeyondTable(_ lookup: InputLookup, _ value: Int32) -> Int {
            var (low, high) = (0, lookup.atomCount)
            while low < high {
                let middle = (low + high) / 2
                if inputAtoms[lookup.atomStart + middle].holds(Double(value)) { low = middle + 1 } else { high = middle }
            }
            return low
        }

        @inlinable
        func level(_ values: UnsafePointer<Int32>) -> Int {
            var index = 0
            for lookup in inputLookups {
                let v = values[lookup.input]
                let cell = v > lookup.clamp && lookup.beyondTable
                    ? cellBeyondTable(lookup, v)
                    : Int(inputCells[lookup.cells &+ Int(min(v, lookup.clamp))])
                index &+= cell &* lookup.stride
            }
            for lookup in ratioLookups {
                var n = 0
                for d in 0..<lookup.denominatorCount { n &+= Int(values[denominators[lookup.denominatorStart &+ d]]) }
                index &+= ratioCell(lookup, numerator: Int64(values[lookup.numerator]), denominator: n) &* lookup.stride
            }
            return Int(levelTable[index])
        }

        /// How many of the ratio's atoms hold: counted against cutoffs, or by dividing for large
        /// teams. The count is inlined into the caller (the three-input kernel's cell path for
        /// teams of 64 SEs or more), the division a call.
        @inlinable @inline(__always)
        func ratioCell(_ lookup: RatioLookup, numerator: Int64, denominator n: Int) -> Int {
            guard n < CompiledPolicy.cutoffRows else { return dividedRatioCell(lookup, numerator: numerator, denominator: n) }
            // The atoms that hold are the weakest ones, so the count stops at the first that
            // fails (most loads hold few of a policy's atoms).
            var cell = 0
            let row = lookup.cutoffStart &+ n &* lookup.atomCount
            while cell < lookup.atomCount && numerator > cutoffs[row &+ cell] { cell &+= 1 }
            return cell
        }

        /// `ratioCell` for a denominator beyond the cutoff rows, by dividing.
        @usableFromInline @inline(never)
        func dividedRatioCell(_ lookup: RatioLookup, numerator: Int64, denominator n: Int) -> Int {
            var cell = 0
            let ratio = Ratio.value(numerator: Double(numerator), denominator: Double(n))
            for j in 0..<lookup.atomCount {
                let atom = ratioAtoms[lookup.atomStart &+ j]
                cell &+= (atom.strict ? ratio > atom.threshold : ratio >= atom.threshold) ? 1 : 0
            }
            return cell
        }
    }
}
